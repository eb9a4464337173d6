package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

import java.util.List;

import nl.luisterloket.bot.storage.Database;

/** Hands due outbox messages of one channel to its transport and records what happened. */
public final class OutboxDelivery {

    private static final int BATCH = 50;

    private final Database database;
    private final Outbox outbox;
    private final MessageTransport transport;

    public OutboxDelivery(Database database, Outbox outbox, MessageTransport transport) {
        this.database = requireNonNull(database, "database is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.transport = requireNonNull(transport, "transport is null");
    }

    /** Delivers every message that is due now; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        while (true) {
            List<OutboxEntry> due = database.read(connection -> outbox.due(connection, transport.channel(), BATCH));
            if (due.isEmpty()) {
                return sent;
            }
            int sentInBatch = 0;
            for (OutboxEntry entry : due) {
                DeliveryResult result = transport.deliver(entry);
                record(entry, result);
                if (result instanceof DeliveryResult.Sent) {
                    sentInBatch++;
                }
            }
            sent += sentInBatch;
            if (sentInBatch == 0 || due.size() < BATCH) {
                return sent;
            }
        }
    }

    private void record(OutboxEntry entry, DeliveryResult result) {
        database.inTransaction(connection -> {
            outbox.record(connection, entry, result);
            return null;
        });
    }
}
