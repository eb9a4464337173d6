package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>What the send threads did is recorded in groups: a thread that finds no group being written writes everything
 * done so far in one transaction and goes on sending, and a round ends with all of it written. A transaction per reply
 * would queue each reply for the fair write lock behind the writer of incoming messages, whose transactions grow with
 * a backlog, and a backlog would drain slowly. A crash between a send and its record sends that message again on
 * restart; since a chat's next message waits for the record of the one before, that is at most a chat's last message.
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
    /** Held while a group of deliveries is written; the next group gathers meanwhile. */
    private final ReentrantLock recording = new ReentrantLock();
    private final LinkedBlockingQueue<Delivery> unrecorded = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;
    private final int parallelSends;
    private Thread thread;
    private volatile ExecutorService senders;

    @Inject
    TelegramSender(Database database, Outbox outbox, TelegramTransport transport, RateLimits limits, Metrics metrics, Clock clock,
            TelegramSettings settings) {
        this.database = requireNonNull(database, "database is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.parallelSends = requireNonNull(settings, "settings is null").parallelSends();
    }

    @Override
    public int startOrder() {
        return 100;
    }

    @Override
    public void start() {
        outbox.onEnqueued(this::wake);
        if (parallelSends > 1) {
            AtomicInteger number = new AtomicInteger();
            senders = Executors.newFixedThreadPool(parallelSends, task -> {
                Thread sender = new Thread(task, "telegram-send-" + number.incrementAndGet());
                sender.setDaemon(true);
                return sender;
            });
        }
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
        ExecutorService parallel = senders;
        if (parallel != null) {
            parallel.shutdownNow();
            parallel.awaitTermination(5, TimeUnit.SECONDS);
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

    /**
     * Delivers what may go now (held chats wait for their turn); returns how long to wait before the next round is
     * worth it. Different chats are served at the same time, each chat's messages one after the other.
     */
    Duration deliverRound() {
        // one read for the round: the lock it takes is shared with the writer of incoming messages
        Pending pending = database.read(this::pending);
        Map<String, List<OutboxEntry>> byChat = new LinkedHashMap<>();
        for (OutboxEntry entry : pending.due()) {
            String chatId = entry.message().chat().chatId();
            Long blockedFrom = pending.waitingFrom().get(chatId);
            if (blockedFrom == null || blockedFrom > entry.id()) {
                byChat.computeIfAbsent(chatId, key -> new ArrayList<>()).add(entry);
            }
        }
        List<ChatRound> rounds;
        try {
            rounds = deliverAll(byChat.values());
        } finally {
            // the next round reads what is pending: all of this round must be recorded by then
            recordAll();
        }
        Duration nextWait = IDLE_CHECK;
        boolean sentAny = false;
        for (ChatRound round : rounds) {
            sentAny |= round.sent() > 0;
            if (round.waitAtLeast() != null) {
                nextWait = min(nextWait, round.waitAtLeast());
            }
        }
        if (pending.due().size() == BATCH && sentAny) {
            return Duration.ZERO;
        }
        if (pending.nextDue() == null) {
            return nextWait;
        }
        Duration untilNextDue = Duration.between(clock.instant(), pending.nextDue());
        return min(nextWait, untilNextDue.isNegative() ? Duration.ZERO : untilNextDue);
    }

    /** What one chat's turn in a round did: messages sent, and how long the chat must wait (null: not held). */
    private record ChatRound(int sent, Duration waitAtLeast) {
    }

    private List<ChatRound> deliverAll(Collection<List<OutboxEntry>> chats) {
        ExecutorService parallel = senders;
        if (chats.size() < 2 || parallel == null) {
            return chats.stream().map(this::deliverChat).toList();
        }
        List<Future<ChatRound>> started = new ArrayList<>(chats.size());
        for (List<OutboxEntry> chat : chats) {
            started.add(parallel.submit(() -> deliverChat(chat)));
        }
        List<ChatRound> rounds = new ArrayList<>(started.size());
        for (Future<ChatRound> round : started) {
            rounds.add(outcome(round));
        }
        return rounds;
    }

    private static ChatRound outcome(Future<ChatRound> round) {
        try {
            return round.get();
        } catch (ExecutionException e) {
            log.error("Sending to a Telegram chat failed; trying again shortly", e.getCause());
            return new ChatRound(0, Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChatRound(0, Duration.ZERO);
        }
    }

    /** One chat's due messages in order, until one cannot go now. */
    private ChatRound deliverChat(List<OutboxEntry> entries) {
        int sent = 0;
        for (OutboxEntry entry : entries) {
            if (stopping && System.nanoTime() > stopDeadlineNanos) {
                break;
            }
            Duration wait = limits.waitFor(entry.message().chat().chatId(), clock.instant());
            if (!wait.isZero()) {
                return new ChatRound(sent, wait);
            }
            if (sent > 0) {
                // the chat's message before is recorded first: after a crash only a chat's last message can come twice,
                // never an older one out of order, and an edit finds the message it replaces
                recordAll();
            }
            DeliveryResult result = transport.deliver(entry);
            record(entry, result);
            if (result instanceof DeliveryResult.RetryLater retry) {
                return new ChatRound(sent, retry.delay());
            }
            if (!(result instanceof DeliveryResult.Sent)) {
                return new ChatRound(sent, IDLE_CHECK);
            }
            sent++;
        }
        return new ChatRound(sent, null);
    }

    /** One message's delivery, not yet recorded. */
    private record Delivery(OutboxEntry entry, DeliveryResult result) {
    }

    private void record(OutboxEntry entry, DeliveryResult result) {
        unrecorded.add(new Delivery(entry, result));
        if (recording.tryLock()) {
            try {
                writeUnrecorded();
            } finally {
                recording.unlock();
            }
        }
    }

    /** Records every delivery done so far, waiting for a group being written to finish. */
    private void recordAll() {
        recording.lock();
        try {
            writeUnrecorded();
        } finally {
            recording.unlock();
        }
    }

    private void writeUnrecorded() {
        List<Delivery> group = new ArrayList<>();
        unrecorded.drainTo(group);
        if (group.isEmpty()) {
            return;
        }
        database.inTransaction(transaction -> {
            for (Delivery delivery : group) {
                write(transaction, delivery.entry(), delivery.result());
            }
            return null;
        });
        for (Delivery delivery : group) {
            if (delivery.result() instanceof DeliveryResult.Sent) {
                metrics.increment(Metrics.MESSAGES_OUT);
            } else if (delivery.result() instanceof DeliveryResult.Undeliverable) {
                metrics.increment(Metrics.MESSAGES_UNDELIVERABLE);
            }
        }
    }

    private void write(Connection transaction, OutboxEntry entry, DeliveryResult result) throws SQLException {
        outbox.record(transaction, entry, result);
        if (!(result instanceof DeliveryResult.RetryLater)) {
            // a message sent or given up no longer resumes from a part
            progress.clear(transaction, entry.id());
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
