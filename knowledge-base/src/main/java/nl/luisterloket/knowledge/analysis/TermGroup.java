package nl.luisterloket.knowledge.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The analyzed terms that came from one word (or multi-word expression) of a message: the word's own stem first,
 * then the parts of a compound and the stems of its synonyms.
 *
 * @param word         the word as written (lowercased), for diagnostics and typo correction
 * @param alternatives the terms, each with the weight a match on it carries (1 for the word itself)
 * @param phrases      multi-word synonyms ("huiselijk geweld" for "controleert"), each as its terms in order: they
 *                     mean the word only together
 */
public record TermGroup(String word, List<WeightedTerm> alternatives, List<List<String>> phrases) {

    public TermGroup {
        requireNonNull(word, "word is null");
        alternatives = List.copyOf(requireNonNull(alternatives, "alternatives is null"));
        phrases = requireNonNull(phrases, "phrases is null").stream().map(List::copyOf).toList();
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a term group needs at least one term");
        }
    }

    /** The stem of the word itself. */
    public String primary() {
        return alternatives.get(0).term();
    }

    public TermGroup withAlternative(WeightedTerm term) {
        if (alternatives.stream().anyMatch(existing -> existing.term().equals(term.term()))) {
            return this;
        }
        List<WeightedTerm> more = new java.util.ArrayList<>(alternatives);
        more.add(term);
        return new TermGroup(word, more, phrases);
    }

    /** A term and the weight of a match on it. */
    public record WeightedTerm(String term, float weight) {
        public WeightedTerm {
            requireNonNull(term, "term is null");
        }
    }
}
