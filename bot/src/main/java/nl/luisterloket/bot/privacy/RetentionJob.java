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
 * {@code daily_counts}, then, for what is older than the limit: deletes message texts, closes
 * conversations and empties their working state, deletes workers' notes on closed cases, sent
 * outbox rows, unanswered questions and follow-ups, and forgets residents who have not been in
 * touch since (unless a case of theirs is still open). Whole days: data is kept at most one day
 * longer than the limit.
 */
@Singleton
public final class RetentionJob implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

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

    /** Runs retention now, in one transaction: all of it happens, or none. */
    public RetentionResult runNow() {
        LocalDate firstKeptDay = LocalDate.ofInstant(clock.instant(), zone).minusDays(settings.retentionDays());
        String cutoff = firstKeptDay.atStartOfDay(zone).toInstant().toString();
        RetentionResult result = database.inTransaction(transaction -> {
            int daysCounted = retireDaysBefore(transaction, firstKeptDay);
            int residentsForgotten = forgetResidentsSilentSince(transaction, cutoff);
            int textsDeleted = update(transaction,
                    "UPDATE messages SET text = NULL WHERE text IS NOT NULL AND " + before("created_at"), cutoff);
            int conversationsClosed = update(transaction, "UPDATE conversations SET status = 'closed', closed_at = ?"
                    + " WHERE status <> 'closed' AND " + before("last_activity_at"), clock.instant().toString(), cutoff);
            update(transaction, "UPDATE conversations SET state_json = '{}' WHERE state_json <> '{}' AND "
                    + before("last_activity_at"), cutoff);
            int notesDeleted = update(transaction, "DELETE FROM case_notes WHERE case_id IN"
                    + " (SELECT id FROM cases WHERE status = 'closed' AND " + before("coalesce(closed_at, created_at)") + ")", cutoff);
            int outboxDeleted = update(transaction, "DELETE FROM outbox WHERE status <> 'pending' AND " + before("created_at"), cutoff);
            int unansweredDeleted = update(transaction, "DELETE FROM unanswered_questions WHERE " + before("created_at"), cutoff);
            update(transaction, "DELETE FROM follow_ups WHERE " + before("due_at"), cutoff);
            RetentionResult run = new RetentionResult(daysCounted, residentsForgotten, textsDeleted, conversationsClosed,
                    notesDeleted, outboxDeleted, unansweredDeleted);
            if (run.changedAnything()) {
                audit.record(transaction, "system", "privacy.retention", null, null, run.summary());
            }
            return run;
        });
        if (result.changedAnything()) {
            log.info("Retention ({} days): {}", settings.retentionDays(), result.summary());
        }
        return result;
    }

    /** Adds the counts of each day not yet retired, from the first day with data up to the day before {@code firstKeptDay}. */
    private int retireDaysBefore(Connection transaction, LocalDate firstKeptDay) throws SQLException {
        String earliest = single(transaction, "SELECT min(t) FROM ("
                + " SELECT min(created_at) AS t FROM residents UNION ALL SELECT min(started_at) FROM conversations"
                + " UNION ALL SELECT min(created_at) FROM messages UNION ALL SELECT min(shown_at) FROM suggestions"
                + " UNION ALL SELECT min(created_at) FROM cases UNION ALL SELECT min(due_at) FROM follow_ups"
                + " UNION ALL SELECT min(created_at) FROM unanswered_questions)");
        if (earliest == null) {
            return 0;
        }
        LocalDate day = LocalDate.ofInstant(Instant.parse(earliest), zone);
        String lastRetired = single(transaction, "SELECT max(day) FROM retired_days");
        if (lastRetired != null && !LocalDate.parse(lastRetired).isBefore(day)) {
            day = LocalDate.parse(lastRetired).plusDays(1);
        }
        int retired = 0;
        String now = clock.instant().toString();
        for (; day.isBefore(firstKeptDay); day = day.plusDays(1)) {
            if (!counts.isRetired(transaction, day)) {
                counts.retire(transaction, day, now);
                retired++;
            }
        }
        return retired;
    }

    /** Residents with no sign of life since the cutoff and no open case: everything about them goes. */
    private int forgetResidentsSilentSince(Connection transaction, String cutoff) throws SQLException {
        List<ChatAddress> silent = new ArrayList<>();
        try (PreparedStatement select = transaction.prepareStatement("SELECT channel, chat_id FROM residents r WHERE "
                + before("r.last_seen_at")
                + " AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.resident_id = r.id AND NOT " + before("c.last_activity_at") + ")"
                + " AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.resident_id = r.id"
                + "   AND (k.status <> 'closed' OR NOT " + before("coalesce(k.closed_at, k.created_at)") + "))")) {
            select.setString(1, cutoff);
            select.setString(2, cutoff);
            select.setString(3, cutoff);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    silent.add(new ChatAddress(rows.getString(1), rows.getString(2)));
                }
            }
        }
        for (ChatAddress chat : silent) {
            eraser.eraseWithoutAudit(transaction, chat);
        }
        return silent.size();
    }

    /** {@code column} lies before the cutoff (bound as the next parameter); first 19 characters of ISO instants compare as text. */
    private static String before(String column) {
        return "substr(" + column + ", 1, 19) < substr(?, 1, 19)";
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
