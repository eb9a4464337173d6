package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import jakarta.inject.Inject;

/**
 * Which Telegram updates were handled ({@code processed_updates}) and where polling resumes
 * ({@code channel_offsets}). Both are written in the transaction that handles the update, so an
 * update's effects and the note that it was handled are committed together or not at all.
 */
final class UpdateLedger {

    /** Ids this far below the newest are forgotten: Telegram never sends them again. */
    private static final long REMEMBERED_UPDATES = 100_000;

    private final Clock clock;

    @Inject
    UpdateLedger(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The offset for the next getUpdates: one past the highest update handled, 0 at first. */
    long nextOffset(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT next_offset FROM channel_offsets WHERE channel = ?")) {
            select.setString(1, UpdateTranslator.CHANNEL);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    boolean isProcessed(Connection connection, long updateId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM processed_updates WHERE channel = ? AND update_id = ?")) {
            select.setString(1, UpdateTranslator.CHANNEL);
            select.setLong(2, updateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Notes the update as handled and moves the polling offset past it, in the caller's transaction. */
    void recordProcessed(Connection transaction, long updateId) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT OR IGNORE INTO processed_updates (channel, update_id, processed_at) VALUES (?, ?, ?)")) {
            insert.setString(1, UpdateTranslator.CHANNEL);
            insert.setLong(2, updateId);
            insert.setString(3, clock.instant().toString());
            insert.executeUpdate();
        }
        try (PreparedStatement upsert = transaction.prepareStatement(
                "INSERT INTO channel_offsets (channel, next_offset) VALUES (?, ?)"
                        + " ON CONFLICT (channel) DO UPDATE SET next_offset = max(next_offset, excluded.next_offset)")) {
            upsert.setString(1, UpdateTranslator.CHANNEL);
            upsert.setLong(2, updateId + 1);
            upsert.executeUpdate();
        }
        try (PreparedStatement prune = transaction.prepareStatement(
                "DELETE FROM processed_updates WHERE channel = ? AND update_id < ?")) {
            prune.setString(1, UpdateTranslator.CHANNEL);
            prune.setLong(2, updateId - REMEMBERED_UPDATES);
            prune.executeUpdate();
        }
    }
}
