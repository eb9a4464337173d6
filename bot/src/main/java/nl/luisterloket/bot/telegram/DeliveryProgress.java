package nl.luisterloket.bot.telegram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How many parts of a split outbox message went out already ({@code telegram_delivery_progress}). */
final class DeliveryProgress {

    /** Parts sent so far and the Telegram id of the last one (null before the first). */
    record Progress(int partsSent, String lastMessageId) {

        static final Progress NONE = new Progress(0, null);
    }

    Progress read(Connection connection, long outboxId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT parts_sent, last_message_id FROM telegram_delivery_progress WHERE outbox_id = ?")) {
            select.setLong(1, outboxId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Progress(row.getInt(1), row.getString(2)) : Progress.NONE;
            }
        }
    }

    void save(Connection transaction, long outboxId, Progress progress) throws SQLException {
        try (PreparedStatement upsert = transaction.prepareStatement(
                "INSERT INTO telegram_delivery_progress (outbox_id, parts_sent, last_message_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (outbox_id) DO UPDATE SET parts_sent = excluded.parts_sent, last_message_id = excluded.last_message_id")) {
            upsert.setLong(1, outboxId);
            upsert.setInt(2, progress.partsSent());
            upsert.setString(3, progress.lastMessageId());
            upsert.executeUpdate();
        }
    }

    void clear(Connection transaction, long outboxId) throws SQLException {
        try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM telegram_delivery_progress WHERE outbox_id = ?")) {
            delete.setLong(1, outboxId);
            delete.executeUpdate();
        }
    }
}
