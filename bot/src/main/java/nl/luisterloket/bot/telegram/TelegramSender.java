package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.DeliveryResult;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutboxEntry;
import nl.luisterloket.bot.http.Metrics;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;

/**
 * Drains the Telegram part of the outbox on its own thread: wakes when something is enqueued,
 * keeps each chat's messages in order, holds back what Telegram's limits do not allow yet, and
 * records for each message whether it was sent, must wait, or can never be delivered. On stop it
 * sends what is due (for a few seconds at most) before it ends.
 */
@Singleton
final class TelegramSender implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    private static final int BATCH = 100;
    private static final Duration IDLE_CHECK = Duration.ofSeconds(5);
    private static final Duration FLUSH_ON_STOP = Duration.ofSeconds(5);

    private final Database database;
    private final Outbox outbox;
    private final TelegramTransport transport;
    private final RateLimits limits;
    private final DeliveryProgress progress = new DeliveryProgress();
    private final Metrics metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;
    private Thread thread;

    @Inject
    TelegramSender(Database database, Outbox outbox, TelegramTransport transport, RateLimits limits, Metrics metrics, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public int startOrder() {
        return 100;
    }

    @Override
    public void start() {
        outbox.onEnqueued(this::wake);
        thread = new Thread(this::run, "telegram-sender");
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        stopDeadlineNanos = System.nanoTime() + FLUSH_ON_STOP.toNanos();
        stopping = true;
        wake();
        if (thread != null) {
            thread.join(FLUSH_ON_STOP.plusSeconds(5).toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        }
    }

    void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Duration idle;
            try {
                idle = deliverRound();
            } catch (RuntimeException e) {
                log.error("Sending Telegram messages failed; trying again shortly", e);
                idle = Duration.ofSeconds(1);
            }
            if (stopping) {
                return;
            }
            await(idle);
        }
    }

    /** Delivers what may go now (held chats wait for their turn); returns how long to wait before the next round is worth it. */
    Duration deliverRound() {
        Duration nextWait = IDLE_CHECK;
        Set<String> heldChats = new HashSet<>();
        // one read for the round: the lock it takes is shared with the writer of incoming messages
        Pending pending = database.read(this::pending);
        Map<String, Long> waitingFrom = pending.waitingFrom();
        List<OutboxEntry> due = pending.due();
        for (OutboxEntry entry : due) {
            if (stopping && System.nanoTime() > stopDeadlineNanos) {
                break;
            }
            String chatId = entry.message().chat().chatId();
            Long blockedFrom = waitingFrom.get(chatId);
            if (heldChats.contains(chatId) || (blockedFrom != null && blockedFrom < entry.id())) {
                continue;
            }
            Duration wait = limits.waitFor(chatId, clock.instant());
            if (!wait.isZero()) {
                heldChats.add(chatId);
                nextWait = min(nextWait, wait);
                continue;
            }
            DeliveryResult result = transport.deliver(entry);
            record(entry, result);
            if (!(result instanceof DeliveryResult.Sent)) {
                heldChats.add(chatId);
            }
            if (result instanceof DeliveryResult.RetryLater retry) {
                nextWait = min(nextWait, retry.delay());
            }
        }
        if (due.size() == BATCH && heldChats.size() < due.size()) {
            return Duration.ZERO;
        }
        if (pending.nextDue() == null) {
            return nextWait;
        }
        Duration untilNextDue = Duration.between(clock.instant(), pending.nextDue());
        return min(nextWait, untilNextDue.isNegative() ? Duration.ZERO : untilNextDue);
    }

    private void record(OutboxEntry entry, DeliveryResult result) {
        database.inTransaction(transaction -> {
            if (result instanceof DeliveryResult.Sent sent) {
                outbox.markSent(transaction, entry, sent.messageId());
                progress.clear(transaction, entry.id());
            } else if (result instanceof DeliveryResult.RetryLater retry) {
                log.debug("Outbox message {} waits {}: {}", entry.id(), retry.delay(), retry.reason());
                outbox.reschedule(transaction, entry, retry.delay(), retry.reason());
            } else if (result instanceof DeliveryResult.Undeliverable failed) {
                log.info("Outbox message {} to {} cannot be delivered: {}", entry.id(), entry.message().chat(), failed.reason());
                outbox.markFailed(transaction, entry, failed.reason());
                progress.clear(transaction, entry.id());
            }
            return null;
        });
        if (result instanceof DeliveryResult.Sent) {
            metrics.increment(Metrics.MESSAGES_OUT);
        } else if (result instanceof DeliveryResult.Undeliverable) {
            metrics.increment(Metrics.MESSAGES_UNDELIVERABLE);
        }
    }

    /**
     * What is pending: the messages due now, and per chat the oldest one not due yet (later ones of that chat wait for
     * it, to keep the order), and when the first of those falls due.
     */
    private record Pending(List<OutboxEntry> due, Map<String, Long> waitingFrom, Instant nextDue) {
    }

    private Pending pending(Connection connection) throws SQLException {
        Map<String, Long> oldest = new HashMap<>();
        Instant nextDue = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT chat_id, min(id), min(not_before) FROM outbox"
                + " WHERE status = 'pending' AND channel = ? AND not_before > ? GROUP BY chat_id")) {
            select.setString(1, transport.channel());
            select.setString(2, clock.instant().toString());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    oldest.put(rows.getString(1), rows.getLong(2));
                    Instant notBefore = Instant.parse(rows.getString(3));
                    nextDue = nextDue == null || notBefore.isBefore(nextDue) ? notBefore : nextDue;
                }
            }
        }
        return new Pending(outbox.due(connection, transport.channel(), BATCH), oldest, nextDue);
    }

    private void await(Duration idle) {
        lock.lock();
        try {
            long nanos = Math.max(1, idle.toNanos());
            while (!woken && !stopping && nanos > 0) {
                nanos = wakeUp.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }
}
