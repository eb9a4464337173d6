package nl.luisterloket.bot.channel;

import java.time.Duration;

/** What happened when a transport tried to deliver an outbox message. */
public sealed interface DeliveryResult {

    /** Delivered; {@code messageId} is the channel's id of the (last) message sent, or null. */
    record Sent(String messageId) implements DeliveryResult {
    }

    /** Not now: try again after {@code wait} (rate limit, server error, time-out). */
    record RetryLater(Duration delay, String reason) implements DeliveryResult {
    }

    /** Never: the recipient blocked the bot or the chat does not exist. */
    record Undeliverable(String reason) implements DeliveryResult {
    }

    static DeliveryResult sent(String messageId) {
        return new Sent(messageId);
    }

    static DeliveryResult retryAfter(Duration wait, String reason) {
        return new RetryLater(wait, reason);
    }
}
