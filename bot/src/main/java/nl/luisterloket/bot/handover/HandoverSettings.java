package nl.luisterloket.bot.handover;

/**
 * The {@code handover:} section.
 *
 * @param unclaimedRepostMinutes an unclaimed case is posted again after this long
 */
public record HandoverSettings(Integer unclaimedRepostMinutes) {

    public HandoverSettings {
        unclaimedRepostMinutes = unclaimedRepostMinutes == null ? 15 : unclaimedRepostMinutes;
        if (unclaimedRepostMinutes < 1) {
            throw new IllegalArgumentException("unclaimedRepostMinutes must be at least 1");
        }
    }

    public static HandoverSettings defaults() {
        return new HandoverSettings(null);
    }
}
