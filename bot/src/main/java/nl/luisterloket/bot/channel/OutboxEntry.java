package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

/** A message in the outbox, with its row id and how often delivery was tried. */
public record OutboxEntry(long id, OutgoingMessage message, int attempts) {

    public OutboxEntry {
        requireNonNull(message, "message is null");
    }
}
