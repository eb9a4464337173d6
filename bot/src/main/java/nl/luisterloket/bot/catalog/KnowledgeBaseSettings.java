package nl.luisterloket.bot.catalog;

import java.nio.file.Path;
import java.time.DayOfWeek;

/**
 * The {@code knowledgeBase:} section.
 *
 * @param sampleFile      imported when the database holds no services yet (first run)
 * @param staleAfterDays  a service not checked for this many days is marked as possibly out of date
 * @param digestDay       the day of the week the admins get the freshness digest (MONDAY … SUNDAY)
 * @param digestHour      the hour (0-23, in the configured time zone) from which the digest goes out that day
 */
public record KnowledgeBaseSettings(Path sampleFile, Integer staleAfterDays, DayOfWeek digestDay, Integer digestHour) {

    public KnowledgeBaseSettings {
        sampleFile = sampleFile == null ? Path.of("knowledge-base/sample/services.json") : sampleFile;
        staleAfterDays = staleAfterDays == null ? 180 : staleAfterDays;
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("staleAfterDays must be at least 1");
        }
        digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
        digestHour = digestHour == null ? 9 : digestHour;
        if (digestHour < 0 || digestHour > 23) {
            throw new IllegalArgumentException("digestHour must be from 0 to 23, not " + digestHour);
        }
    }

    public static KnowledgeBaseSettings defaults() {
        return new KnowledgeBaseSettings(null, null, null, null);
    }
}
