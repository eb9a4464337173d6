package nl.luisterloket.bot.channel;

/** Handles one incoming message completely: state changes and replies (into the outbox) in one transaction. */
public interface IncomingMessageHandler {

    void handle(IncomingMessage message);

    /**
     * Work for a message that needs no write transaction (understanding its text), done ahead of {@link #handle}
     * and possibly on another thread, so the one writer only writes. Optional: {@link #handle} does whatever was
     * not prepared, and its result never depends on whether this ran.
     */
    default void prepare(IncomingMessage message) {
    }
}
