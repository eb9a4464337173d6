package nl.luisterloket.bot.privacy;

/**
 * The {@code privacy:} section.
 *
 * @param retentionDays            message texts and conversations older than this many days are deleted
 *                                 (anonymous counts are kept)
 * @param floodLimitPerMinute      a resident sending more messages than this within a minute is asked to
 *                                 slow down, and the rest of that minute's messages are not answered
 * @param retentionIntervalMinutes how often the retention job runs
 */
public record PrivacySettings(Integer retentionDays, Integer floodLimitPerMinute, Integer retentionIntervalMinutes) {

    public PrivacySettings {
        retentionDays = retentionDays == null ? 90 : retentionDays;
        floodLimitPerMinute = floodLimitPerMinute == null ? 15 : floodLimitPerMinute;
        retentionIntervalMinutes = retentionIntervalMinutes == null ? 60 : retentionIntervalMinutes;
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1");
        }
        if (floodLimitPerMinute < 1) {
            throw new IllegalArgumentException("floodLimitPerMinute must be at least 1");
        }
        if (retentionIntervalMinutes < 1) {
            throw new IllegalArgumentException("retentionIntervalMinutes must be at least 1");
        }
    }

    public static PrivacySettings defaults() {
        return new PrivacySettings(null, null, null);
    }
}
