package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A conversation of a resident with the desk that is not closed. */
public record Conversation(long id, long residentId, String status, ConversationState state, Instant lastActivityAt) {

    public Conversation {
        requireNonNull(status, "status is null");
        requireNonNull(state, "state is null");
        requireNonNull(lastActivityAt, "lastActivityAt is null");
    }

    /** Whether it has been quiet since before {@code idleSince}, so that it is to be closed. */
    public boolean isIdle(Instant idleSince) {
        return lastActivityAt.isBefore(idleSince);
    }
}
