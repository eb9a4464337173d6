package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

/** An open conversation of a resident with the desk. */
public record Conversation(long id, long residentId, String status, ConversationState state) {

    public Conversation {
        requireNonNull(status, "status is null");
        requireNonNull(state, "state is null");
    }
}
