package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The follow_ups table: one question a few days after an answer, whether the resident reached the service and it helped. */
@Singleton
public final class FollowUpStore {

    public static final String REACHED_HELPED = "reached_helped";
    public static final String REACHED_NOT_HELPED = "reached_not_helped";
    public static final String NOT_REACHED = "not_reached";

    private final Clock clock;

    @Inject
    public FollowUpStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Plans a follow-up; an earlier one not yet sent is replaced, so a resident is asked once, about the latest answer. */
    public void plan(Connection transaction, long residentId, long conversationId, String serviceId, Instant dueAt) throws SQLException {
        try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM follow_ups WHERE resident_id = ? AND sent_at IS NULL")) {
            delete.setLong(1, residentId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO follow_ups (resident_id, conversation_id, service_id, due_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, residentId);
            insert.setLong(2, conversationId);
            insert.setString(3, serviceId);
            insert.setString(4, dueAt.toString());
            insert.executeUpdate();
        }
    }

    /** Unsent follow-ups that are due, for residents who still want them and have not blocked the bot. */
    public List<DueFollowUp> due(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT f.id, f.resident_id, f.conversation_id, f.service_id FROM follow_ups f JOIN residents r ON r.id = f.resident_id"
                        + " WHERE f.sent_at IS NULL AND f.due_at <= ? AND r.follow_up_enabled = 1 AND r.blocked_bot = 0"
                        + " ORDER BY f.due_at LIMIT ?")) {
            select.setString(1, clock.instant().toString());
            select.setInt(2, limit);
            List<DueFollowUp> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long conversationId = rows.getLong(3);
                    due.add(new DueFollowUp(rows.getLong(1), rows.getLong(2), rows.wasNull() ? null : conversationId, rows.getString(4)));
                }
            }
            return due;
        }
    }

    public void markSent(Connection transaction, long followUpId) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement("UPDATE follow_ups SET sent_at = ? WHERE id = ?")) {
            update.setString(1, clock.instant().toString());
            update.setLong(2, followUpId);
            update.executeUpdate();
        }
    }

    /** Records the answer once (the first press counts); returns the service asked about, if this follow-up is the resident's. */
    public Optional<String> recordAnswer(Connection transaction, long residentId, long followUpId, String answer) throws SQLException {
        String serviceId;
        try (PreparedStatement select = transaction.prepareStatement(
                "SELECT service_id FROM follow_ups WHERE id = ? AND resident_id = ? AND sent_at IS NOT NULL")) {
            select.setLong(1, followUpId);
            select.setLong(2, residentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                serviceId = row.getString(1);
            }
        }
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE follow_ups SET answer = ?, answered_at = ? WHERE id = ? AND answer IS NULL")) {
            update.setString(1, answer);
            update.setString(2, clock.instant().toString());
            update.setLong(3, followUpId);
            update.executeUpdate();
        }
        return Optional.of(serviceId);
    }

    /** The resident does not want follow-ups: the planned ones go too. */
    public void cancelPlanned(Connection transaction, long residentId) throws SQLException {
        try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM follow_ups WHERE resident_id = ? AND sent_at IS NULL")) {
            delete.setLong(1, residentId);
            delete.executeUpdate();
        }
    }

    /** A follow-up that is due. */
    public record DueFollowUp(long id, long residentId, Long conversationId, String serviceId) {
    }
}
