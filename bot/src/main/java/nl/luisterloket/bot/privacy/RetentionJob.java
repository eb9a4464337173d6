package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;

/**
 * Keeps personal data only as long as configured ({@code privacy.retentionDays}). Each run first
 * adds the anonymous counts of every whole day that is about to pass the limit to
 * {@code daily_counts}, then forgets residents who have not been in touch since (unless a case of
 * theirs is still open), then, for what is older than the limit: deletes message texts, closes
 * conversations and empties their working state, deletes workers' notes on closed cases, sent
 * outbox rows, unanswered questions and follow-ups. Whole days: data is kept at most one day
 * longer than the limit.
 */
@Singleton
public final class RetentionJob implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** Rows changed in one write transaction: a few milliseconds of the write lock. */
    static final int CHUNK = 1000;

    /** The earliest instant anything was stored at: the first day to count when no day was retired yet. */
    private static final String EARLIEST_DATA = "SELECT min(t) FROM ("
            + " SELECT min(created_at) AS t FROM residents UNION ALL SELECT min(started_at) FROM conversations"
            + " UNION ALL SELECT min(created_at) FROM messages UNION ALL SELECT min(shown_at) FROM suggestions"
            + " UNION ALL SELECT min(created_at) FROM cases UNION ALL SELECT min(due_at) FROM follow_ups"
            + " UNION ALL SELECT min(created_at) FROM unanswered_questions)";

    /** Silent since the cutoff (bound three times): not seen, no conversation active, no case open or recently closed. */
    private static final String SILENT = before("r.last_seen_at")
            + " AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.resident_id = r.id AND NOT " + before("c.last_activity_at") + ")"
            + " AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.resident_id = r.id"
            + " AND (k.status <> 'closed' OR NOT " + before("coalesce(k.closed_at, k.created_at)") + "))";
    private static final String SILENT_RESIDENTS = "SELECT channel, chat_id FROM residents r WHERE " + SILENT;
    private static final String STILL_SILENT = "SELECT 1 FROM residents r WHERE " + SILENT + " AND r.channel = ? AND r.chat_id = ?";

    /** What goes once older than the cutoff; closing a conversation also stamps when ({@code closed_at}). */
    static final ChunkedChange TEXTS = new ChunkedChange("UPDATE messages SET text = NULL", "messages",
            "text IS NOT NULL AND " + before("created_at"));
    static final ChunkedChange CONVERSATIONS = new ChunkedChange("UPDATE conversations SET status = 'closed', closed_at = ?",
            "conversations", "status <> 'closed' AND " + before("last_activity_at"));
    static final ChunkedChange STATES = new ChunkedChange("UPDATE conversations SET state_json = '{}'", "conversations",
            "state_json <> '{}' AND " + before("last_activity_at"));
    static final ChunkedChange NOTES = new ChunkedChange("DELETE FROM case_notes", "case_notes",
            "case_id IN (SELECT id FROM cases WHERE status = 'closed' AND " + before("coalesce(closed_at, created_at)") + ")");
    static final ChunkedChange OUTBOX = new ChunkedChange("DELETE FROM outbox", "outbox", "status <> 'pending' AND " + before("created_at"));
    static final ChunkedChange UNANSWERED = new ChunkedChange("DELETE FROM unanswered_questions", "unanswered_questions",
            before("created_at"));
    static final ChunkedChange FOLLOW_UPS = new ChunkedChange("DELETE FROM follow_ups", "follow_ups", before("due_at"));

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;
    private final PrivacySettings settings;
    private final DailyCounts counts;
    private final ResidentEraser eraser;
    private final AuditLog audit;
    private ScheduledExecutorService scheduler;

    @Inject
    RetentionJob(Database database, Clock clock, LuisterloketConfig config, PrivacySettings settings, DailyCounts counts,
            ResidentEraser eraser, AuditLog audit) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.zone = requireNonNull(config, "config is null").timeZone();
        this.settings = requireNonNull(settings, "settings is null");
        this.counts = requireNonNull(counts, "counts is null");
        this.eraser = requireNonNull(eraser, "eraser is null");
        this.audit = requireNonNull(audit, "audit is null");
    }

    @Override
    public int startOrder() {
        return 60;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "privacy-retention");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.retentionIntervalMinutes();
        scheduler.scheduleWithFixedDelay(this::runLogged, 1, interval, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void runLogged() {
        try {
            runNow();
        } catch (RuntimeException e) {
            log.error("Retention run failed; it is tried again in {} minutes", settings.retentionIntervalMinutes(), e);
        }
    }

    /**
     * Runs retention now, in short write transactions, so that a resident's message never waits long behind it: first
     * the counts of each day that passes the limit (a day's data goes only once it is counted), then the silent
     * residents one by one, then the rest at most {@value #CHUNK} rows a transaction. A run cut short leaves every row
     * consistent, and the next run does the rest.
     */
    public RetentionResult runNow() {
        LocalDate firstKeptDay = LocalDate.ofInstant(clock.instant(), zone).minusDays(settings.retentionDays());
        String cutoff = firstKeptDay.atStartOfDay(zone).toInstant().toString();
        int daysCounted = retireDaysBefore(firstKeptDay);
        int residentsForgotten = forgetResidentsSilentSince(cutoff);
        int textsDeleted = inChunks(TEXTS, cutoff);
        int conversationsClosed = inChunks(CONVERSATIONS, clock.instant().toString(), cutoff);
        inChunks(STATES, cutoff);
        int notesDeleted = inChunks(NOTES, cutoff);
        int outboxDeleted = inChunks(OUTBOX, cutoff);
        int unansweredDeleted = inChunks(UNANSWERED, cutoff);
        inChunks(FOLLOW_UPS, cutoff);
        RetentionResult result = new RetentionResult(daysCounted, residentsForgotten, textsDeleted, conversationsClosed,
                notesDeleted, outboxDeleted, unansweredDeleted);
        if (result.changedAnything()) {
            database.inTransaction(transaction -> {
                audit.record(transaction, "system", "privacy.retention", null, null, result.summary());
                return null;
            });
            log.info("Retention ({} days): {}", settings.retentionDays(), result.summary());
        }
        return result;
    }

    /** Adds the counts of each day not yet retired, up to the day before {@code firstKeptDay}: a transaction a day. */
    private int retireDaysBefore(LocalDate firstKeptDay) {
        LocalDate firstDay = database.read(connection -> {
            String lastRetired = single(connection, "SELECT max(day) FROM retired_days");
            if (lastRetired != null) {
                // days are retired in order, so everything before the last one is counted
                return LocalDate.parse(lastRetired).plusDays(1);
            }
            String earliest = single(connection, EARLIEST_DATA);
            return earliest == null ? null : LocalDate.ofInstant(Instant.parse(earliest), zone);
        });
        int retired = 0;
        String now = clock.instant().toString();
        for (LocalDate day = firstDay; day != null && day.isBefore(firstKeptDay); day = day.plusDays(1)) {
            LocalDate toRetire = day;
            boolean counted = database.inTransaction(transaction -> {
                if (counts.isRetired(transaction, toRetire)) {
                    return false;
                }
                counts.retire(transaction, toRetire, now);
                return true;
            });
            retired += counted ? 1 : 0;
        }
        return retired;
    }

    /**
     * Residents with no sign of life since the cutoff and no open case: everything about them goes, each in a
     * transaction that checks they are still silent (they may have written since they were looked up).
     */
    private int forgetResidentsSilentSince(String cutoff) {
        List<ChatAddress> silent = database.read(connection -> {
            List<ChatAddress> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SILENT_RESIDENTS)) {
                bindCutoff(select, cutoff);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new ChatAddress(rows.getString(1), rows.getString(2)));
                    }
                }
            }
            return found;
        });
        int forgotten = 0;
        for (ChatAddress chat : silent) {
            boolean erased = database.inTransaction(transaction -> {
                try (PreparedStatement stillSilent = transaction.prepareStatement(STILL_SILENT)) {
                    bindCutoff(stillSilent, cutoff);
                    stillSilent.setString(4, chat.channel());
                    stillSilent.setString(5, chat.chatId());
                    try (ResultSet row = stillSilent.executeQuery()) {
                        if (!row.next()) {
                            return false;
                        }
                    }
                }
                return eraser.eraseWithoutAudit(transaction, chat);
            });
            forgotten += erased ? 1 : 0;
        }
        return forgotten;
    }

    private static void bindCutoff(PreparedStatement select, String cutoff) throws SQLException {
        for (int index = 1; index <= 3; index++) {
            select.setString(index, cutoff);
        }
    }

    /**
     * Applies {@code change} a chunk at a time, each in a transaction of its own, until a chunk changes fewer rows than
     * it may; {@code parameters} bind the change's placeholders, then the condition's.
     */
    private int inChunks(ChunkedChange change, String... parameters) {
        String statement = change.statement();
        int total = 0;
        int changed;
        do {
            changed = database.inTransaction(transaction -> update(transaction, statement, parameters));
            total += changed;
        } while (changed == CHUNK);
        return total;
    }

    /**
     * {@code column} lies before the cutoff (bound as the next parameter). Instants are stored as ISO-8601 text: one of
     * at least 19 characters lies before the first 19 of the cutoff exactly when its own first 19 do, and a column
     * compared whole can be searched in its index.
     */
    private static String before(String column) {
        return column + " < substr(?, 1, 19)";
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static int update(Connection transaction, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = transaction.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setString(index + 1, parameters[index]);
            }
            return statement.executeUpdate();
        }
    }

    /**
     * One kind of row that goes after the limit: {@code change} applied to the rows of {@code table} meeting
     * {@code condition}, a chunk at a time.
     */
    record ChunkedChange(String change, String table, String condition) {

        /** The rows the next chunk takes: a search of the condition's index, limited to {@value #CHUNK} rows. */
        String chunk() {
            return "SELECT rowid FROM " + table + " WHERE " + condition + " LIMIT " + CHUNK;
        }

        String statement() {
            return change + " WHERE rowid IN (" + chunk() + ")";
        }
    }

    /**
     * What one run did.
     *
     * @param daysCounted         days whose anonymous counts were added to daily_counts
     * @param residentsForgotten  residents silent for longer than the limit, erased
     * @param messageTextsDeleted message texts deleted
     * @param conversationsClosed conversations closed
     * @param caseNotesDeleted    workers' notes on cases closed before the limit
     * @param outboxRowsDeleted   sent or failed outgoing messages deleted
     * @param unansweredDeleted   unanswered questions deleted
     */
    public record RetentionResult(int daysCounted, int residentsForgotten, int messageTextsDeleted, int conversationsClosed,
            int caseNotesDeleted, int outboxRowsDeleted, int unansweredDeleted) {

        public boolean changedAnything() {
            return daysCounted + residentsForgotten + messageTextsDeleted + conversationsClosed + caseNotesDeleted
                    + outboxRowsDeleted + unansweredDeleted > 0;
        }

        public String summary() {
            return "days counted " + daysCounted + ", residents forgotten " + residentsForgotten + ", message texts deleted "
                    + messageTextsDeleted + ", conversations closed " + conversationsClosed + ", case notes deleted "
                    + caseNotesDeleted + ", outbox rows deleted " + outboxRowsDeleted + ", unanswered questions deleted "
                    + unansweredDeleted;
        }
    }
}
