package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.conversation.ConversationStore;

/** What a worker reads about a case: the conversation's messages, the services tried and how they landed, the notes. */
@Singleton
final class CaseHistory {

    private final Clock clock;
    private final ConversationStore conversations;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    CaseHistory(Clock clock, ConversationStore conversations) {
        this.clock = requireNonNull(clock, "clock is null");
        this.conversations = requireNonNull(conversations, "conversations is null");
    }

    /** A line of the conversation. */
    record Line(String author, String kind, String text) {
    }

    /** A service the bot suggested, and what the resident said about it (null when nothing). */
    record TriedService(String name, String phone, String feedback) {
    }

    /** A worker's internal note. */
    record Note(String workerFirstName, String text) {
    }

    /** Keeps a relayed message with the case's conversation, so the history a next worker reads is whole. */
    void append(Connection transaction, HandoverCase handoverCase, String direction, String author, String kind, String text)
            throws SQLException {
        if (handoverCase.conversationId() == null) {
            return;
        }
        conversations.addMessage(transaction, handoverCase.conversationId(), direction, author, kind, text);
    }

    /** The last {@code limit} lines of the conversation, oldest first; texts removed by retention are left out. */
    List<Line> lastLines(Connection connection, HandoverCase handoverCase, int limit) throws SQLException {
        if (handoverCase.conversationId() == null) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT author, kind, text FROM messages WHERE conversation_id = ? AND text IS NOT NULL ORDER BY id DESC LIMIT ?")) {
            select.setLong(1, handoverCase.conversationId());
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new Line(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        Collections.reverse(lines);
        return lines;
    }

    List<TriedService> triedServices(Connection connection, HandoverCase handoverCase) throws SQLException {
        List<TriedService> tried = new ArrayList<>();
        for (String serviceId : handoverCase.serviceIds()) {
            JsonNode service = service(connection, serviceId);
            String name = service == null ? serviceId : service.path("name").asText(serviceId);
            String phone = service == null ? null : service.path("contact").path("phone").asText(null);
            tried.add(new TriedService(name, phone, feedback(connection, handoverCase, serviceId)));
        }
        return tried;
    }

    void addNote(Connection transaction, long caseId, long workerId, String text) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO case_notes (case_id, worker_id, text, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, caseId);
            insert.setLong(2, workerId);
            insert.setString(3, text);
            insert.setString(4, clock.instant().toString());
            insert.executeUpdate();
        }
    }

    List<Note> notes(Connection connection, long caseId) throws SQLException {
        List<Note> notes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT w.first_name, n.text FROM case_notes n JOIN workers w ON w.id = n.worker_id WHERE n.case_id = ? ORDER BY n.id")) {
            select.setLong(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    notes.add(new Note(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return notes;
    }

    private String feedback(Connection connection, HandoverCase handoverCase, String serviceId) throws SQLException {
        if (handoverCase.conversationId() == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT feedback FROM suggestions WHERE conversation_id = ? AND service_id = ? AND feedback IS NOT NULL ORDER BY id DESC LIMIT 1")) {
            select.setLong(1, handoverCase.conversationId());
            select.setString(2, serviceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private JsonNode service(Connection connection, String serviceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT json FROM services WHERE id = ?")) {
            select.setString(1, serviceId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                try {
                    return json.readTree(row.getString(1));
                } catch (JsonProcessingException e) {
                    return null;
                }
            }
        }
    }
}
