package nl.luisterloket.bot.conversation;

/**
 * The {@code conversation:} section.
 *
 * @param idleMinutes   a conversation without messages for this long is closed
 * @param followUpDays  days after an answer before the desk asks once whether it helped
 */
public record ConversationSettings(Integer idleMinutes, Integer followUpDays) {

    public ConversationSettings {
        idleMinutes = idleMinutes == null ? 120 : idleMinutes;
        followUpDays = followUpDays == null ? 3 : followUpDays;
        if (idleMinutes < 1) {
            throw new IllegalArgumentException("idleMinutes must be at least 1");
        }
        if (followUpDays < 1) {
            throw new IllegalArgumentException("followUpDays must be at least 1");
        }
    }

    public static ConversationSettings defaults() {
        return new ConversationSettings(null, null);
    }
}
