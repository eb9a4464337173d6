package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;
import static nl.luisterloket.bot.privacy.DatabaseSchema.quoted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.channel.ChatAddress;

/**
 * Deletes every row about one resident, in the caller's transaction: the resident and all that
 * hangs off them (conversations, messages, suggestions, follow-ups, cases and their notes), every
 * row in any table that names their resident id, conversations or cases, the outbox rows and edit
 * keys of their chat, and what was relayed about their cases to the workers' group. The audit log
 * keeps who did what when, but loses any subject or detail that concerned them.
 */
@Singleton
public final class ResidentEraser {

    /** Tables swept by column name, except these: the residents row goes last, the audit log is anonymised instead. */
    private static final Set<String> NOT_SWEPT = Set.of("residents", "audit_log", "flyway_schema_history");

    private final AuditLog audit;

    @Inject
    public ResidentEraser(AuditLog audit) {
        this.audit = requireNonNull(audit, "audit is null");
    }

    /** Erases the resident of this chat at their request; returns false when nothing was stored about them. */
    public boolean erase(Connection transaction, ChatAddress chat) throws SQLException {
        boolean erased = eraseWithoutAudit(transaction, chat);
        if (erased) {
            audit.record(transaction, "resident", "privacy.forget", null, null, null);
        }
        return erased;
    }

    /** Erases the resident of this chat; the caller records why. False when no resident was stored for it. */
    boolean eraseWithoutAudit(Connection transaction, ChatAddress chat) throws SQLException {
        DatabaseSchema schema = DatabaseSchema.read(transaction);
        Optional<Long> resident = residentId(transaction, chat);
        if (resident.isPresent()) {
            forgetMessagesToStaffNaming(transaction, chat, firstName(transaction, resident.get()));
            eraseResident(transaction, schema, resident.get());
        }
        for (String table : schema.tablesWith("chat_id")) {
            if (!NOT_SWEPT.contains(table) && schema.has(table, "channel")) {
                update(transaction, "DELETE FROM " + quoted(table) + " WHERE channel = ? AND chat_id = ?",
                        chat.channel(), chat.chatId());
            }
        }
        return resident.isPresent();
    }

    private void eraseResident(Connection transaction, DatabaseSchema schema, long residentId) throws SQLException {
        forgetRelaysToWorkers(transaction, schema, residentId);
        update(transaction, "UPDATE audit_log SET subject = NULL, detail = NULL"
                + " WHERE case_id IN (SELECT id FROM cases WHERE resident_id = ?) OR subject = ?", residentId, "resident:" + residentId);
        update(transaction, "UPDATE audit_log SET actor = 'resident' WHERE actor = ?", "resident:" + residentId);
        for (String table : schema.tablesWith("case_id")) {
            if (!NOT_SWEPT.contains(table)) {
                update(transaction, "DELETE FROM " + quoted(table)
                        + " WHERE case_id IN (SELECT id FROM cases WHERE resident_id = ?)", residentId);
            }
        }
        for (String table : schema.tablesWith("conversation_id")) {
            if (!NOT_SWEPT.contains(table)) {
                update(transaction, "DELETE FROM " + quoted(table)
                        + " WHERE conversation_id IN (SELECT id FROM conversations WHERE resident_id = ?)", residentId);
            }
        }
        for (String table : schema.tablesWith("resident_id")) {
            if (!NOT_SWEPT.contains(table)) {
                update(transaction, "DELETE FROM " + quoted(table) + " WHERE resident_id = ?", residentId);
            }
        }
        update(transaction, "DELETE FROM residents WHERE id = ?", residentId);
    }

    /**
     * A case's card and messages go to the workers' group (its forum topic) and the worker's
     * private chat with edit keys {@code case:<id>}, {@code case:<id>:<post>} and
     * {@code relay:<id>:<n>}: those outbox rows and keys carry the resident's words, so they go too.
     */
    private static void forgetRelaysToWorkers(Connection transaction, DatabaseSchema schema, long residentId) throws SQLException {
        String caseKeys = "EXISTS (SELECT 1 FROM cases c WHERE c.resident_id = ? AND (%1$s = 'case:' || c.id OR %1$s LIKE 'case:' || c.id || ':%%'"
                + " OR %1$s LIKE 'relay:' || c.id || ':%%'))";
        update(transaction, "DELETE FROM outbox WHERE "
                + caseKeys.formatted("json_extract(outbox.payload_json, '$.editKey')"), residentId);
        if (schema.has("cases", "topic_id")) {
            update(transaction, "DELETE FROM outbox WHERE json_extract(payload_json, '$.threadId') IN"
                    + " (SELECT topic_id FROM cases WHERE resident_id = ? AND topic_id IS NOT NULL)", residentId);
        }
        update(transaction, "DELETE FROM sent_message_keys WHERE "
                + caseKeys.formatted("sent_message_keys.edit_key"), residentId);
    }

    /**
     * Messages to workers and groups that name the resident without an edit key ("Je hebt zaak 12 van
     * Amina"): sent ones are only a record by now, so any naming them goes; pending ones only when
     * they go to a chat that is not a resident's, so no other resident's reply is lost.
     */
    private static void forgetMessagesToStaffNaming(Connection transaction, ChatAddress chat, String firstName) throws SQLException {
        String names = "(instr(payload_json, ?) > 0" + (firstName == null ? "" : " OR instr(payload_json, ?) > 0") + ")";
        String sql = "DELETE FROM outbox WHERE " + names + " AND (status <> 'pending'"
                + " OR NOT EXISTS (SELECT 1 FROM residents r WHERE r.channel = outbox.channel AND r.chat_id = outbox.chat_id))";
        if (firstName == null) {
            update(transaction, sql, chat.chatId());
        } else {
            update(transaction, sql, chat.chatId(), firstName);
        }
    }

    /** The resident's first name when it is distinctive enough to search for (two letters or more). */
    private static String firstName(Connection connection, long residentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT first_name FROM residents WHERE id = ?")) {
            select.setLong(1, residentId);
            try (ResultSet row = select.executeQuery()) {
                String name = row.next() ? row.getString(1) : null;
                return name == null || name.strip().length() < 2 ? null : name.strip();
            }
        }
    }

    private static Optional<Long> residentId(Connection connection, ChatAddress chat) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM residents WHERE channel = ? AND chat_id = ?")) {
            select.setString(1, chat.channel());
            select.setString(2, chat.chatId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static int update(Connection transaction, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = transaction.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            return statement.executeUpdate();
        }
    }
}
