package nl.luisterloket.bot.channel;

/** Delivers outbox messages on one channel (terminal, Telegram). */
public interface MessageTransport {

    /** The channel name this transport serves, as in {@link ChatAddress#channel()}. */
    String channel();

    /**
     * Delivers one message. Implementations throw nothing for delivery problems: they say what
     * happened in the result, so the outbox can retry, wait or give up.
     */
    DeliveryResult deliver(OutboxEntry entry);
}
