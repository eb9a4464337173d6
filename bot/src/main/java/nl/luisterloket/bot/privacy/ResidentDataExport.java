package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;
import static nl.luisterloket.bot.privacy.DatabaseSchema.quoted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.ChatAddress;

/**
 * Everything stored about one resident, as a JSON document they can read (the right of access).
 * Never included: workers' internal notes on a case, the audit log, which worker handled a case
 * (by id), and anything about anyone else.
 */
@Singleton
public final class ResidentDataExport {

    /** Tables with a resident_id that are internal to the workers, not the resident's data. */
    private static final Set<String> INTERNAL_TABLES = Set.of("case_notes", "audit_log", "worker_focus");
    private static final Set<String> KNOWN_TABLES = Set.of("residents", "conversations", "messages", "suggestions",
            "follow_ups", "cases");

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public ResidentDataExport(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The resident's data, or empty when nothing is stored about this chat. */
    public Optional<ResidentData> export(Connection connection, ChatAddress chat) throws SQLException {
        ArrayNode residents = rows(connection, "SELECT id, channel, chat_id, first_name, language, neighbourhood,"
                + " follow_up_enabled, blocked_bot, created_at, last_seen_at FROM residents WHERE channel = ? AND chat_id = ?",
                chat.channel(), chat.chatId());
        if (residents.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode resident = (ObjectNode) residents.get(0);
        long residentId = resident.remove("id").asLong();
        ObjectNode document = document(resident, outboxTexts(connection, chat));
        ArrayNode conversations = rows(connection, "SELECT id, status, started_at, last_activity_at, closed_at, state_json"
                + " FROM conversations WHERE resident_id = ? ORDER BY id", residentId);
        int messageCount = 0;
        for (JsonNode node : conversations) {
            ObjectNode conversation = (ObjectNode) node;
            conversation.set("state", parse(conversation.remove("state_json").asText("{}")));
            long conversationId = conversation.get("id").asLong();
            ArrayNode messages = rows(connection, "SELECT direction, author, kind, text, created_at FROM messages"
                    + " WHERE conversation_id = ? ORDER BY id", conversationId);
            messageCount += messages.size();
            conversation.set("messages", messages);
            conversation.set("suggestions", rows(connection, "SELECT service_id, rank, confidence, decision, shown_at, feedback,"
                    + " feedback_at FROM suggestions WHERE conversation_id = ? ORDER BY id", conversationId));
        }
        document.set("conversations", conversations);
        document.set("follow_ups", rows(connection, "SELECT service_id, due_at, sent_at, answer, answered_at FROM follow_ups"
                + " WHERE resident_id = ? ORDER BY id", residentId));
        ArrayNode cases = rows(connection, "SELECT * FROM cases WHERE resident_id = ? ORDER BY id", residentId);
        withoutInternalColumns(cases);
        document.set("cases", cases);
        DatabaseSchema schema = DatabaseSchema.read(connection);
        ObjectNode other = json.createObjectNode();
        for (String table : schema.tablesWith("resident_id")) {
            if (!KNOWN_TABLES.contains(table) && !INTERNAL_TABLES.contains(table) && !table.toLowerCase(Locale.ROOT).contains("note")) {
                ArrayNode rows = rows(connection, "SELECT * FROM " + quoted(table) + " WHERE resident_id = ? ORDER BY rowid", residentId);
                other.set(table, withoutInternalColumns(rows));
            }
        }
        if (!other.isEmpty()) {
            document.set("other", other);
        }
        return Optional.of(new ResidentData(document, conversations.size(), messageCount, cases.size()));
    }

    /** Row ids linking to the resident, which worker (by id), notes and topic ids are the desk's plumbing, not theirs. */
    private static ArrayNode withoutInternalColumns(ArrayNode rows) {
        for (JsonNode node : rows) {
            List<String> internal = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(name -> {
                if (name.equals("resident_id") || name.equals("topic_id") || name.contains("worker") || name.contains("note")) {
                    internal.add(name);
                }
            });
            ((ObjectNode) node).remove(internal);
        }
        return rows;
    }

    private ObjectNode document(ObjectNode resident, ArrayNode outbox) {
        ObjectNode document = json.createObjectNode();
        document.put("exported_at", clock.instant().toString());
        document.set("resident", resident);
        document.set("messages_to_send_or_sent", outbox);
        return document;
    }

    /** What the desk queued or sent to this chat: only the texts, the rest is plumbing. */
    private ArrayNode outboxTexts(Connection connection, ChatAddress chat) throws SQLException {
        return rows(connection, "SELECT created_at, status, json_extract(payload_json, '$.text') AS text FROM outbox"
                + " WHERE channel = ? AND chat_id = ? ORDER BY id", chat.channel(), chat.chatId());
    }

    private ArrayNode rows(Connection connection, String sql, Object... parameters) throws SQLException {
        ArrayNode rows = json.createArrayNode();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                select.setObject(index + 1, parameters[index]);
            }
            try (ResultSet result = select.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    ObjectNode row = rows.addObject();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.putPOJO(meta.getColumnLabel(column), result.getObject(column));
                    }
                }
            }
        }
        return rows;
    }

    private JsonNode parse(String stateJson) {
        try {
            return json.readTree(stateJson);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(stateJson);
        }
    }

    /**
     * One resident's data.
     *
     * @param document      the JSON document
     * @param conversations how many conversations it holds
     * @param messages      how many messages
     * @param cases         how many cases
     */
    public record ResidentData(ObjectNode document, int conversations, int messages, int cases) {

        public ResidentData {
            requireNonNull(document, "document is null");
        }

        public String json() {
            try {
                return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the export", e);
            }
        }
    }
}
