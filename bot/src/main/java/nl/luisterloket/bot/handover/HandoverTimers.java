package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;

/**
 * No one waits unseen: posts unclaimed cases again (within the team's working hours), pings the
 * team again for an unclaimed urgent case, and puts a claimed case whose worker stays silent back
 * in the queue, and withdraws a consent question left unanswered for a day. {@link #runOnce()} does one pass; the service runs it every half minute.
 */
@Singleton
public final class HandoverTimers implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(HandoverTimers.class);
    private static final long PERIOD_SECONDS = 30;
    static final Duration CONSENT_EXPIRY = Duration.ofHours(24);

    private final Database database;
    private final CaseStore cases;
    private final CaseBoard board;
    private final CaseWorkflow workflow;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final HandoverSettings settings;
    private final TeamHours hours;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Inject
    HandoverTimers(Database database, CaseStore cases, CaseBoard board, CaseWorkflow workflow, StaffDirectory staff, AuditLog audit,
            HandoverSettings settings, LuisterloketConfig config, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.cases = requireNonNull(cases, "cases is null");
        this.board = requireNonNull(board, "board is null");
        this.workflow = requireNonNull(workflow, "workflow is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.hours = new TeamHours(config.timeZone());
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public int startOrder() {
        return 60;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "handover-timers");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * One pass over the waiting and silent cases, now. Which cases are due is looked up on a read connection, by their
     * times, in one indexed query; each due case is then handled in a short transaction of its own, which checks again
     * that it is still due. So a pass over thousands of waiting cases reads only the due ones and never holds the write
     * lock while it looks, and residents' messages are written in between.
     */
    public void runOnce() {
        Instant now = clock.instant();
        // a team without a group (or after hours) has nowhere to post again: its waiting cases are not even read
        List<String> repostingTeams = settings.teams().stream().filter(team -> mayRepost(team, now)).map(TeamSettings::name).toList();
        List<CaseStore.TimerCandidate> due = database.read(connection -> cases.timerCandidates(connection,
                now.minus(Duration.ofMinutes(settings.urgentRepingMinutes())), repostingTeams,
                now.minus(Duration.ofMinutes(settings.unclaimedRepostMinutes())), now.minus(CONSENT_EXPIRY),
                now.minus(Duration.ofMinutes(settings.silentClaimRequeueMinutes()))));
        for (CaseStore.TimerCandidate candidate : due) {
            database.inTransaction(transaction -> {
                Optional<HandoverCase> current = cases.find(transaction, candidate.id());
                if (current.isPresent() && current.get().status() == candidate.status()) {
                    act(transaction, current.get(), now);
                }
                return null;
            });
        }
    }

    private void act(Connection transaction, HandoverCase waiting, Instant now) throws SQLException {
        switch (waiting.status()) {
            case QUEUED -> {
                if (waiting.urgent()) {
                    repingUrgent(transaction, waiting, now);
                } else {
                    repostUnclaimed(transaction, waiting, now);
                }
            }
            case AWAITING_CONSENT -> {
                if (!waiting.createdAt().plus(CONSENT_EXPIRY).isAfter(now) && cases.withdrawUnanswered(transaction, waiting.id())) {
                    audit.record(transaction, "system", "case.withdraw", waiting.id(), null, "consent not answered");
                }
            }
            case CLAIMED -> requeueSilent(transaction, waiting, now);
            default -> {
            }
        }
    }

    private void repostUnclaimed(Connection transaction, HandoverCase queued, Instant now) throws SQLException {
        Optional<Instant> posted = cases.lastPostedAt(transaction, queued.id());
        if (mayRepost(queued.team(), now) && isDue(posted, now, settings.unclaimedRepostMinutes())) {
            audit.record(transaction, "system", "case.repost", queued.id(), null, "unclaimed");
            board.post(transaction, queued.id());
        }
    }

    /** A team's unclaimed cases are posted again only to its group, and only within its working hours. */
    private boolean mayRepost(String team, Instant now) {
        return settings.team(team).map(found -> mayRepost(found, now)).orElse(false);
    }

    private boolean mayRepost(TeamSettings team, Instant now) {
        return team.group().isPresent() && hours.isOpen(team, now);
    }

    private void repingUrgent(Connection transaction, HandoverCase queued, Instant now) throws SQLException {
        if (isDue(cases.lastPingAt(transaction, queued.id()), now, settings.urgentRepingMinutes())) {
            audit.record(transaction, "system", "case.ping", queued.id(), null, "urgent and unclaimed");
            board.pingUrgent(transaction, queued.id());
            board.refresh(transaction, queued.id());
        }
    }

    private void requeueSilent(Connection transaction, HandoverCase claimed, Instant now) throws SQLException {
        if (claimed.workerRepliedAt() != null || claimed.assignedAt() == null
                || !isDue(Optional.of(claimed.assignedAt()), now, settings.silentClaimRequeueMinutes())) {
            return;
        }
        Optional<StaffMember> worker = staff.byId(transaction, claimed.workerId());
        if (worker.isPresent()) {
            workflow.requeue(transaction, claimed, worker.get(), null, true);
        }
    }

    private static boolean isDue(Optional<Instant> since, Instant now, int minutes) {
        return since.isEmpty() || !since.get().plus(Duration.ofMinutes(minutes)).isAfter(now);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("A hand-over timer pass failed; the next pass tries again", e);
        }
    }
}
