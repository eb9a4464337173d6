package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Deploy-time settings of the matcher (the {@code matching:} section of luisterloket.yml).
 *
 * @param answerThreshold  confidence at or above which the desk answers
 * @param clarifyThreshold confidence at or above which (and below answerThreshold) it asks a clarifying question
 * @param configDirectory  directory holding synonyms/ and signals/ phrase lists
 */
public record MatchingSettings(double answerThreshold, double clarifyThreshold, Path configDirectory) {

    public MatchingSettings {
        requireNonNull(configDirectory, "configDirectory is null");
        if (clarifyThreshold < 0 || answerThreshold > 1 || clarifyThreshold > answerThreshold) {
            throw new IllegalArgumentException("need 0 <= clarifyThreshold <= answerThreshold <= 1");
        }
    }
}
