package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.ChatAddress;

/**
 * The cases table. State changes are conditional updates ({@code WHERE status = ...}) that report
 * whether they happened, so that two workers pressing at once cannot both win.
 */
@Singleton
final class CaseStore {

    private static final String SELECT = "SELECT c.id, c.resident_id, c.conversation_id, r.channel, r.chat_id, r.first_name, c.team,"
            + " c.trigger, c.urgency, c.status, c.domains_json, c.services_json, c.worker_id, c.language, c.neighbourhood,"
            + " c.created_at, c.claimed_at, c.assigned_at, c.worker_replied_at, c.closed_at, c.outcome, c.topic_id,"
            + " c.post_count, c.ping_count, c.reopen_count FROM cases c JOIN residents r ON r.id = c.resident_id";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    CaseStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    long open(Connection transaction, HandoverRequest request, String team, CaseStatus status, String consent) throws SQLException {
        String now = now();
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO cases (resident_id, conversation_id, team, trigger, urgency, status, domains_json, services_json,"
                        + " created_at, language, neighbourhood, consent, consent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, request.residentId());
            if (request.conversationId() > 0) {
                insert.setLong(2, request.conversationId());
            } else {
                insert.setNull(2, Types.INTEGER);
            }
            insert.setString(3, team);
            insert.setString(4, request.trigger().name().toLowerCase(Locale.ROOT));
            insert.setString(5, request.urgent() ? "urgent" : "normal");
            insert.setString(6, status.dbValue());
            insert.setString(7, write(request.domains()));
            insert.setString(8, write(request.suggestedServiceIds()));
            insert.setString(9, now);
            insert.setString(10, request.language());
            insert.setString(11, request.neighbourhood());
            insert.setString(12, consent);
            insert.setString(13, consent == null ? null : now);
            insert.executeUpdate();
        }
        try (PreparedStatement id = transaction.prepareStatement("SELECT last_insert_rowid()");
             ResultSet row = id.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    Optional<HandoverCase> find(Connection connection, long caseId) throws SQLException {
        return first(list(connection, SELECT + " WHERE c.id = ?", caseId));
    }

    /** The resident's case that is not closed. */
    Optional<HandoverCase> openOf(Connection connection, long residentId) throws SQLException {
        return first(list(connection, SELECT + " WHERE c.resident_id = ? AND c.status <> 'closed' ORDER BY c.id DESC", residentId));
    }

    Optional<HandoverCase> openOf(Connection connection, ChatAddress residentChat) throws SQLException {
        return first(list(connection, SELECT + " WHERE r.channel = ? AND r.chat_id = ? AND c.status <> 'closed' ORDER BY c.id DESC",
                residentChat.channel(), residentChat.chatId()));
    }

    /** The resident's most recent closed case that a worker handled. */
    Optional<HandoverCase> lastHandledOf(Connection connection, ChatAddress residentChat) throws SQLException {
        return first(list(connection, SELECT + " WHERE r.channel = ? AND r.chat_id = ? AND c.status = 'closed'"
                + " AND c.worker_id IS NOT NULL ORDER BY c.id DESC LIMIT 1", residentChat.channel(), residentChat.chatId()));
    }

    List<HandoverCase> claimedBy(Connection connection, long workerId) throws SQLException {
        return list(connection, SELECT + " WHERE c.worker_id = ? AND c.status = 'claimed' ORDER BY c.id", workerId);
    }

    int claimedCount(Connection connection, long workerId) throws SQLException {
        return claimedBy(connection, workerId).size();
    }

    List<HandoverCase> queuedOf(Connection connection, String team) throws SQLException {
        return list(connection, SELECT + " WHERE c.status = 'queued' AND c.team = ? ORDER BY c.urgency = 'urgent' DESC, c.id", team);
    }

    Optional<HandoverCase> byTopic(Connection connection, String team, String topicId) throws SQLException {
        return first(list(connection, SELECT + " WHERE c.team = ? AND c.topic_id = ? ORDER BY c.id DESC", team, topicId));
    }

    /** Consent given: the case joins the queue. False when it was not waiting for consent. */
    boolean consentGiven(Connection transaction, long caseId) throws SQLException {
        return update(transaction, "UPDATE cases SET status = 'queued', consent = 'given', consent_at = ? WHERE id = ? AND status = 'awaiting_consent'",
                now(), caseId) == 1;
    }

    boolean consentDeclined(Connection transaction, long caseId) throws SQLException {
        String now = now();
        return update(transaction, "UPDATE cases SET status = 'closed', consent = 'declined', consent_at = ?, closed_at = ?,"
                + " outcome = 'consent_declined' WHERE id = ? AND status = 'awaiting_consent'", now, now, caseId) == 1;
    }

    /** A consent question nobody answered is withdrawn, so the resident is not kept in a half-open case. */
    boolean withdrawUnanswered(Connection transaction, long caseId) throws SQLException {
        return update(transaction, "UPDATE cases SET status = 'closed', closed_at = ?, outcome = 'consent_unanswered'"
                + " WHERE id = ? AND status = 'awaiting_consent'", now(), caseId) == 1;
    }

    /** The one conditional update that decides who has a case: only a queued case can be claimed. */
    boolean claim(Connection transaction, long caseId, long workerId) throws SQLException {
        String now = now();
        return update(transaction, "UPDATE cases SET status = 'claimed', worker_id = ?, claimed_at = COALESCE(claimed_at, ?),"
                + " assigned_at = ?, worker_replied_at = NULL WHERE id = ? AND status = 'queued'", workerId, now, now, caseId) == 1;
    }

    boolean transfer(Connection transaction, long caseId, long fromWorkerId, long toWorkerId) throws SQLException {
        return update(transaction, "UPDATE cases SET worker_id = ?, assigned_at = ?, worker_replied_at = NULL"
                + " WHERE id = ? AND status = 'claimed' AND worker_id = ?", toWorkerId, now(), caseId, fromWorkerId) == 1;
    }

    /** Back to the queue; it is posted again as if new. */
    boolean requeue(Connection transaction, long caseId) throws SQLException {
        return update(transaction, "UPDATE cases SET status = 'queued', worker_id = NULL, assigned_at = NULL,"
                + " worker_replied_at = NULL, last_posted_at = NULL WHERE id = ? AND status = 'claimed'", caseId) == 1;
    }

    boolean close(Connection transaction, long caseId, String outcome) throws SQLException {
        return update(transaction, "UPDATE cases SET status = 'closed', closed_at = ?, outcome = ? WHERE id = ? AND status <> 'closed'",
                now(), outcome, caseId) == 1;
    }

    /** Reopens a closed case with its worker (claimed) or, when {@code workerId} is null, into the queue. */
    boolean reopen(Connection transaction, long caseId, Long workerId) throws SQLException {
        if (workerId == null) {
            return update(transaction, "UPDATE cases SET status = 'queued', worker_id = NULL, assigned_at = NULL, closed_at = NULL,"
                    + " outcome = NULL, last_posted_at = NULL, reopen_count = reopen_count + 1 WHERE id = ? AND status = 'closed'",
                    caseId) == 1;
        }
        return update(transaction, "UPDATE cases SET status = 'claimed', worker_id = ?, assigned_at = ?, worker_replied_at = NULL,"
                + " closed_at = NULL, outcome = NULL, reopen_count = reopen_count + 1 WHERE id = ? AND status = 'closed'",
                workerId, now(), caseId) == 1;
    }

    void workerReplied(Connection transaction, long caseId) throws SQLException {
        String now = now();
        update(transaction, "UPDATE cases SET first_reply_at = COALESCE(first_reply_at, ?), worker_replied_at = ? WHERE id = ?",
                now, now, caseId);
    }

    void posted(Connection transaction, long caseId, int postCount) throws SQLException {
        update(transaction, "UPDATE cases SET post_count = ?, last_posted_at = ? WHERE id = ?", postCount, now(), caseId);
    }

    void pinged(Connection transaction, long caseId) throws SQLException {
        update(transaction, "UPDATE cases SET ping_count = ping_count + 1, last_ping_at = ? WHERE id = ?", now(), caseId);
    }

    /**
     * One indexed search per status (SQLite scans the whole table for the same conditions joined by OR). Instants are
     * stored as ISO text of varying precision, so times compare by their first 19 characters, to the second: a case due
     * within the bound's second is found too, and checked exactly by the caller. Queued cases are read only for the
     * teams that may post again now (a JSON array): a team without a group never posts again, and reading its
     * thousands of waiting cases every pass, to drop them in Java, was work for nothing.
     */
    static final String TIMER_CANDIDATES = "SELECT id, status, urgency, team FROM cases WHERE status = 'queued' AND urgency = 'urgent'"
            + " AND (last_ping_at IS NULL OR " + notAfter("last_ping_at") + ")"
            + " UNION ALL SELECT id, status, urgency, team FROM cases WHERE status = 'queued' AND urgency <> 'urgent'"
            + " AND team IN (SELECT value FROM json_each(?)) AND (last_posted_at IS NULL OR " + notAfter("last_posted_at") + ")"
            + " UNION ALL SELECT id, status, urgency, team FROM cases WHERE status = 'awaiting_consent' AND " + notAfter("created_at")
            + " UNION ALL SELECT id, status, urgency, team FROM cases WHERE status = 'claimed' AND worker_replied_at IS NULL"
            + " AND " + notAfter("assigned_at") + " ORDER BY 1";

    private static String notAfter(String column) {
        return "substr(" + column + ", 1, 19) <= substr(?, 1, 19)";
    }

    /** A case that a hand-over timer may have to act on: its id, the status it was found in, its urgency and team. */
    record TimerCandidate(long id, CaseStatus status, boolean urgent, String team) {
    }

    /**
     * The cases a timer may be due for, oldest first: queued urgent ones last pinged by {@code pingedBy}, other queued
     * ones of {@code repostingTeams} last posted by {@code postedBy} (or never), consent questions asked by
     * {@code askedBy}, and claimed ones whose worker has not replied since {@code assignedBy}; to the second (see
     * {@link #TIMER_CANDIDATES}). The statuses are indexed: a pass reads the few due cases, not every waiting one.
     */
    List<TimerCandidate> timerCandidates(Connection connection, Instant pingedBy, Collection<String> repostingTeams, Instant postedBy,
            Instant askedBy, Instant assignedBy) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TIMER_CANDIDATES)) {
            bind(select, pingedBy.toString(), json.writeValueAsString(repostingTeams), postedBy.toString(), askedBy.toString(),
                    assignedBy.toString());
            List<TimerCandidate> candidates = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new TimerCandidate(rows.getLong(1), CaseStatus.fromDb(rows.getString(2)), "urgent".equals(rows.getString(3)),
                            rows.getString(4)));
                }
            }
            return candidates;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("team names cannot be written as JSON", e);
        }
    }

    Optional<Instant> lastPostedAt(Connection connection, long caseId) throws SQLException {
        return instantColumn(connection, "last_posted_at", caseId);
    }

    Optional<Instant> lastPingAt(Connection connection, long caseId) throws SQLException {
        return instantColumn(connection, "last_ping_at", caseId);
    }

    void topic(Connection transaction, long caseId, String topicId) throws SQLException {
        update(transaction, "UPDATE cases SET topic_id = ? WHERE id = ?", topicId, caseId);
    }

    boolean feedback(Connection transaction, long caseId, String answer) throws SQLException {
        return update(transaction, "UPDATE cases SET resident_feedback = ? WHERE id = ? AND status = 'closed'", answer, caseId) == 1;
    }

    /** Numbers relayed messages per case, so each gets its own edit key (and a reply to it finds the case). */
    int nextRelayNumber(Connection transaction, long caseId) throws SQLException {
        update(transaction, "UPDATE cases SET relay_count = relay_count + 1 WHERE id = ?", caseId);
        try (PreparedStatement select = transaction.prepareStatement("SELECT relay_count FROM cases WHERE id = ?")) {
            select.setLong(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    void focus(Connection transaction, long workerId, long caseId) throws SQLException {
        update(transaction, "INSERT INTO worker_focus (worker_id, case_id) VALUES (?, ?)"
                + " ON CONFLICT (worker_id) DO UPDATE SET case_id = excluded.case_id", workerId, caseId);
    }

    Optional<Long> focusOf(Connection connection, long workerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT case_id FROM worker_focus WHERE worker_id = ?")) {
            select.setLong(1, workerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private Optional<Instant> instantColumn(Connection connection, String column, long caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM cases WHERE id = ?")) {
            select.setLong(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(instant(row.getString(1))) : Optional.empty();
            }
        }
    }

    private List<HandoverCase> list(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            List<HandoverCase> cases = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cases.add(load(rows));
                }
            }
            return cases;
        }
    }

    private HandoverCase load(ResultSet row) throws SQLException {
        long conversationId = row.getLong(3);
        Long conversation = row.wasNull() ? null : conversationId;
        long workerId = row.getLong(13);
        Long worker = row.wasNull() ? null : workerId;
        return new HandoverCase(row.getLong(1), row.getLong(2), conversation, new ChatAddress(row.getString(4), row.getString(5)),
                row.getString(6), row.getString(7), HandoverTrigger.valueOf(row.getString(8).toUpperCase(Locale.ROOT)),
                "urgent".equals(row.getString(9)), CaseStatus.fromDb(row.getString(10)), read(row.getString(11)),
                read(row.getString(12)), worker, row.getString(14), row.getString(15), instant(row.getString(16)),
                instant(row.getString(17)), instant(row.getString(18)), instant(row.getString(19)), instant(row.getString(20)),
                row.getString(21), row.getString(22), row.getInt(23), row.getInt(24), row.getInt(25));
    }

    private static int update(Connection transaction, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(sql)) {
            bind(update, parameters);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int index = 0; index < parameters.length; index++) {
            Object parameter = parameters[index];
            if (parameter instanceof Long number) {
                statement.setLong(index + 1, number);
            } else if (parameter instanceof Integer number) {
                statement.setInt(index + 1, number);
            } else {
                statement.setString(index + 1, (String) parameter);
            }
        }
    }

    private static <T> Optional<T> first(List<T> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private String now() {
        return clock.instant().toString();
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a case field", e);
        }
    }

    private List<String> read(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt case field", e);
        }
    }
}
