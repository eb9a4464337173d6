package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Deploy-time settings of the matcher (the {@code matching:} section of luisterloket.yml).
 *
 * @param answerThreshold   confidence at or above which the desk answers
 * @param clarifyThreshold  confidence at or above which (and below answerThreshold) it asks a clarifying question
 * @param configDirectory   directory holding synonyms/ and signals/ phrase lists
 * @param complexDomains    this many life areas in one conversation make it complex: a person takes over
 *                          (null: {@value #DEFAULT_COMPLEX_DOMAINS})
 * @param maxSuggestions    at most this many services are suggested for one message (null: {@value #DEFAULT_MAX_SUGGESTIONS})
 */
public record MatchingSettings(double answerThreshold, double clarifyThreshold, Path configDirectory, Integer complexDomains,
        Integer maxSuggestions) {

    public static final int DEFAULT_COMPLEX_DOMAINS = 3;
    public static final int DEFAULT_MAX_SUGGESTIONS = 5;

    public MatchingSettings {
        requireNonNull(configDirectory, "configDirectory is null");
        complexDomains = complexDomains == null ? DEFAULT_COMPLEX_DOMAINS : complexDomains;
        maxSuggestions = maxSuggestions == null ? DEFAULT_MAX_SUGGESTIONS : maxSuggestions;
        if (clarifyThreshold < 0 || answerThreshold > 1 || clarifyThreshold > answerThreshold) {
            throw new IllegalArgumentException("need 0 <= clarifyThreshold <= answerThreshold <= 1");
        }
        if (complexDomains < 2) {
            throw new IllegalArgumentException("complexDomains must be at least 2");
        }
        if (maxSuggestions < 1 || maxSuggestions > 10) {
            throw new IllegalArgumentException("maxSuggestions must be between 1 and 10");
        }
    }

    public MatchingSettings(double answerThreshold, double clarifyThreshold, Path configDirectory) {
        this(answerThreshold, clarifyThreshold, configDirectory, DEFAULT_COMPLEX_DOMAINS, DEFAULT_MAX_SUGGESTIONS);
    }
}
