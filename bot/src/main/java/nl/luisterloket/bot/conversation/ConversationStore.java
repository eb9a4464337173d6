package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The conversations and messages tables. */
@Singleton
public final class ConversationStore {

    public static final String OPEN = "open";
    public static final String HANDED_OVER = "handed_over";
    public static final String CLOSED = "closed";

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    public ConversationStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The resident's conversation that is not closed, if any. */
    public Optional<Conversation> current(Connection connection, long residentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, status, state_json, last_activity_at FROM conversations WHERE resident_id = ? AND status <> 'closed'"
                        + " ORDER BY id DESC LIMIT 1")) {
            select.setLong(1, residentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Conversation(row.getLong(1), residentId, row.getString(2), parse(row.getString(3)),
                        Instant.parse(row.getString(4))));
            }
        }
    }

    /** Whether the resident ever had a conversation (a closed one counts). */
    public boolean hadConversation(Connection connection, long residentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM conversations WHERE resident_id = ? LIMIT 1")) {
            select.setLong(1, residentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public Conversation open(Connection transaction, long residentId) throws SQLException {
        String now = clock.instant().toString();
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO conversations (resident_id, status, state_json, started_at, last_activity_at) VALUES (?, 'open', '{}', ?, ?)")) {
            insert.setLong(1, residentId);
            insert.setString(2, now);
            insert.setString(3, now);
            insert.executeUpdate();
        }
        return current(transaction, residentId).orElseThrow();
    }

    public void saveState(Connection transaction, long conversationId, ConversationState state) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE conversations SET state_json = ?, last_activity_at = ? WHERE id = ?")) {
            update.setString(1, write(state));
            update.setString(2, clock.instant().toString());
            update.setLong(3, conversationId);
            update.executeUpdate();
        }
    }

    public void setStatus(Connection transaction, long conversationId, String status) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE conversations SET status = ?, closed_at = CASE WHEN ? = 'closed' THEN ? ELSE closed_at END WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, status);
            update.setString(3, clock.instant().toString());
            update.setLong(4, conversationId);
            update.executeUpdate();
        }
    }

    /** Closes every conversation without activity since {@code idleSince}; returns how many. */
    public int closeIdle(Connection transaction, Instant idleSince) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE conversations SET status = 'closed', closed_at = ? WHERE status <> 'closed' AND last_activity_at < ?")) {
            update.setString(1, clock.instant().toString());
            update.setString(2, idleSince.toString());
            return update.executeUpdate();
        }
    }

    public void addMessage(Connection transaction, long conversationId, String direction, String author, String kind, String text)
            throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO messages (conversation_id, direction, author, kind, text, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, conversationId);
            insert.setString(2, direction);
            insert.setString(3, author);
            insert.setString(4, kind);
            insert.setString(5, text);
            insert.setString(6, clock.instant().toString());
            insert.executeUpdate();
        }
    }

    private ConversationState parse(String stateJson) {
        try {
            ConversationState state = json.readValue(stateJson, ConversationState.class);
            return state == null ? ConversationState.EMPTY : state;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt conversation state", e);
        }
    }

    private String write(ConversationState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write conversation state", e);
        }
    }
}
