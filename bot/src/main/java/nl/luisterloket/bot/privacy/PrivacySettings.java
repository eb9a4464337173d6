package nl.luisterloket.bot.privacy;

/**
 * The {@code privacy:} section.
 *
 * @param retentionDays message texts and closed conversations older than this are deleted
 */
public record PrivacySettings(Integer retentionDays) {

    public PrivacySettings {
        retentionDays = retentionDays == null ? 90 : retentionDays;
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1");
        }
    }

    public static PrivacySettings defaults() {
        return new PrivacySettings(null);
    }
}
