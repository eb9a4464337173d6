package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.storage.Database;

/**
 * The outgoing message queue in SQLite. Messages are enqueued inside the transaction of the state
 * change that caused them, so a crash never loses a reply nor sends one for a change that was
 * rolled back.
 */
@Singleton
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Clock clock;
    private final Database database;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectWriter toJson = json.writerFor(OutgoingMessage.class);
    private final ObjectReader fromJson = json.readerFor(OutgoingMessage.class);
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Inject
    public Outbox(Clock clock, Database database) {
        this.clock = requireNonNull(clock, "clock is null");
        this.database = requireNonNull(database, "database is null");
    }

    /** Adds a message to the queue, in the caller's transaction. */
    public long enqueue(Connection transaction, OutgoingMessage message) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO outbox (channel, chat_id, payload_json, not_before, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, message.chat().channel());
            insert.setString(2, message.chat().chatId());
            insert.setString(3, toJson(message));
            insert.setString(4, now.toString());
            insert.setString(5, now.toString());
            long outboxId;
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                outboxId = row.getLong(1);
            }
            // a sender reads on a connection of its own, which sees the message only once it is committed
            database.afterCommit(() -> listeners.forEach(Runnable::run));
            return outboxId;
        }
    }

    /** Called after every committed enqueue (a sender thread can wake up); listeners must be quick. */
    public void onEnqueued(Runnable listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /** Pending messages of a channel that are due now, oldest first. */
    public List<OutboxEntry> due(Connection connection, String channel, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, payload_json, attempts FROM outbox WHERE status = 'pending' AND channel = ? AND not_before <= ? ORDER BY id LIMIT ?")) {
            select.setString(1, channel);
            select.setString(2, clock.instant().toString());
            select.setInt(3, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new OutboxEntry(rows.getLong(1), fromJson(rows.getString(2)), rows.getInt(3)));
                }
            }
            return entries;
        }
    }

    /** Records what a delivery attempt did, in the caller's transaction: sent, to be tried again later, or failed for good. */
    public void record(Connection transaction, OutboxEntry entry, DeliveryResult result) throws SQLException {
        if (result instanceof DeliveryResult.Sent sent) {
            markSent(transaction, entry, sent.messageId());
        } else if (result instanceof DeliveryResult.RetryLater retry) {
            log.debug("Outbox message {} waits {}: {}", entry.id(), retry.delay(), retry.reason());
            reschedule(transaction, entry, retry.delay(), retry.reason());
        } else if (result instanceof DeliveryResult.Undeliverable failed) {
            log.info("Outbox message {} to {} cannot be delivered: {}", entry.id(), entry.message().chat(), failed.reason());
            markFailed(transaction, entry, failed.reason());
        }
    }

    public void markSent(Connection transaction, OutboxEntry entry, String messageId) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")) {
            update.setString(1, clock.instant().toString());
            update.setLong(2, entry.id());
            update.executeUpdate();
        }
        String editKey = entry.message().editKey();
        if (editKey != null && messageId != null) {
            try (PreparedStatement upsert = transaction.prepareStatement(
                    "INSERT INTO sent_message_keys (channel, chat_id, edit_key, message_id) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (channel, chat_id, edit_key) DO UPDATE SET message_id = excluded.message_id")) {
                upsert.setString(1, entry.message().chat().channel());
                upsert.setString(2, entry.message().chat().chatId());
                upsert.setString(3, editKey);
                upsert.setString(4, messageId);
                upsert.executeUpdate();
            }
        }
    }

    private void reschedule(Connection transaction, OutboxEntry entry, Duration wait, String reason) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?")) {
            update.setString(1, clock.instant().plus(wait).toString());
            update.setString(2, reason);
            update.setLong(3, entry.id());
            update.executeUpdate();
        }
    }

    private void markFailed(Connection transaction, OutboxEntry entry, String reason) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            update.setString(1, reason);
            update.setLong(2, entry.id());
            update.executeUpdate();
        }
    }

    /** The channel message id of an earlier message sent to this chat with this edit key. */
    public Optional<String> sentMessageId(Connection connection, ChatAddress chat, String editKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT message_id FROM sent_message_keys WHERE channel = ? AND chat_id = ? AND edit_key = ?")) {
            select.setString(1, chat.channel());
            select.setString(2, chat.chatId());
            select.setString(3, editKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    public int pendingCount(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM outbox WHERE status = 'pending'");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private String toJson(OutgoingMessage message) {
        try {
            return toJson.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an outgoing message", e);
        }
    }

    private OutgoingMessage fromJson(String payload) {
        try {
            return fromJson.readValue(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt outbox payload", e);
        }
    }
}
