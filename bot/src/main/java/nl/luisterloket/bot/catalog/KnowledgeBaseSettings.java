package nl.luisterloket.bot.catalog;

import java.nio.file.Path;

/**
 * The {@code knowledgeBase:} section.
 *
 * @param sampleFile      imported when the database holds no services yet (first run)
 * @param staleAfterDays  a service not checked for this many days is marked as possibly out of date
 */
public record KnowledgeBaseSettings(Path sampleFile, Integer staleAfterDays) {

    public KnowledgeBaseSettings {
        sampleFile = sampleFile == null ? Path.of("knowledge-base/sample/services.json") : sampleFile;
        staleAfterDays = staleAfterDays == null ? 180 : staleAfterDays;
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("staleAfterDays must be at least 1");
        }
    }

    public static KnowledgeBaseSettings defaults() {
        return new KnowledgeBaseSettings(null, null);
    }
}
