package nl.luisterloket.bot.privacy;

import java.util.ArrayList;
import java.util.List;

import nl.luisterloket.bot.channel.DeliveryResult;
import nl.luisterloket.bot.channel.MessageTransport;
import nl.luisterloket.bot.channel.OutboxEntry;
import nl.luisterloket.bot.channel.OutgoingMessage;

/** A transport that keeps what it was given, as a resident's phone would show it. */
final class RecordingTransport implements MessageTransport {

    private final String channel;
    private final List<OutgoingMessage> delivered = new ArrayList<>();

    RecordingTransport(String channel) {
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public synchronized DeliveryResult deliver(OutboxEntry entry) {
        delivered.add(entry.message());
        return DeliveryResult.sent(Long.toString(entry.id()));
    }

    synchronized List<OutgoingMessage> takeAll() {
        List<OutgoingMessage> taken = List.copyOf(delivered);
        delivered.clear();
        return taken;
    }
}
