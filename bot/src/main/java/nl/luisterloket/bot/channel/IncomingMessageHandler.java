package nl.luisterloket.bot.channel;

/** Handles one incoming message completely: state changes and replies (into the outbox) in one transaction. */
public interface IncomingMessageHandler {

    void handle(IncomingMessage message);
}
