package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decision for one message and what it rests on.
 *
 * @param decision        what to do
 * @param suggestions     services, best first (urgent ones first on a crisis); may be empty
 * @param domains         life domains (category ids) the message touches
 * @param clarifyOptions  on CLARIFY: two to four category ids to ask the resident to choose from
 * @param language        the language the message is written in ("nl" or "en")
 * @param signals         what else was noticed
 * @param neighbourhood   a neighbourhood named in the message ("ik woon in Bloemhof"), or null
 */
public record Understanding(
        Decision decision,
        List<Suggestion> suggestions,
        Set<String> domains,
        List<String> clarifyOptions,
        String language,
        Set<Signal> signals,
        String neighbourhood) {

    public Understanding {
        requireNonNull(decision, "decision is null");
        suggestions = List.copyOf(requireNonNull(suggestions, "suggestions is null"));
        domains = Set.copyOf(requireNonNull(domains, "domains is null"));
        clarifyOptions = List.copyOf(requireNonNull(clarifyOptions, "clarifyOptions is null"));
        requireNonNull(language, "language is null");
        signals = Set.copyOf(requireNonNull(signals, "signals is null"));
    }

    /** The engine's confidence in its first suggestion, 0 when there is none. */
    public double confidence() {
        return suggestions.isEmpty() ? 0 : suggestions.get(0).confidence();
    }

    public Optional<String> neighbourhoodNamed() {
        return Optional.ofNullable(neighbourhood);
    }
}
