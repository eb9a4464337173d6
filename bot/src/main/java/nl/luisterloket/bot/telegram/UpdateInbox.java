package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

/**
 * Updates taken from Telegram and not yet handled ({@code telegram_inbox}): the webhook endpoint stores each before it
 * answers Telegram, the poller each batch before it asks Telegram past it. Each is removed in the transaction that
 * handles it, so one stored before a crash is handled after the restart.
 */
final class UpdateInbox {

    /** One stored update. */
    record Stored(long updateId, String json) {
    }

    private final Clock clock;

    @Inject
    UpdateInbox(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Stores an update; one already stored (Telegram delivered it twice) is ignored. */
    void store(Connection transaction, long updateId, String json) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT OR IGNORE INTO telegram_inbox (update_id, payload_json, received_at) VALUES (?, ?, ?)")) {
            insert.setLong(1, updateId);
            insert.setString(2, json);
            insert.setString(3, clock.instant().toString());
            insert.executeUpdate();
        }
    }

    List<Stored> oldest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT update_id, payload_json FROM telegram_inbox ORDER BY update_id LIMIT ?")) {
            select.setInt(1, limit);
            List<Stored> stored = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Stored(rows.getLong(1), rows.getString(2)));
                }
            }
            return stored;
        }
    }

    /** Removes the update in the transaction that handles it. */
    UpdateProcessor.AlongWith removal(UpdateProcessor.Translated update) {
        return transaction -> remove(transaction, update.update().updateId());
    }

    void remove(Connection transaction, long updateId) throws SQLException {
        try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM telegram_inbox WHERE update_id = ?")) {
            delete.setLong(1, updateId);
            delete.executeUpdate();
        }
    }
}
