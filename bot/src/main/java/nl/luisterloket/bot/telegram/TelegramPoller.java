package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.utility.BotUtils;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.routing.InOrderWithPreparation;
import nl.luisterloket.bot.routing.PreparedRuns;
import nl.luisterloket.bot.storage.Database;

/**
 * Long polling, with the handling of updates pipelined behind it. The poller asks Telegram for updates, stores each
 * batch in the {@link UpdateInbox} (asking past an update confirms it, and Telegram then forgets it), starts
 * understanding their messages on the other cores, hands them to the handler thread and asks again at once. The
 * handler writes them in arrival order within each chat, each exactly once (see {@link UpdateProcessor}; those
 * understood by their turn together, in one transaction), and removes each from the inbox in the transaction that
 * handled it. So the next poll, the understanding of the next messages and the writing of this one overlap, and a
 * crash at any point neither loses nor repeats an update: what is in the inbox at start is handled first. Failures
 * wait with backoff; nothing stops the loops but {@link #stop()}, which cancels the waiting poll and lets the update
 * in hand finish (those behind it stay in the inbox for the next start).
 */
@Singleton
final class TelegramPoller implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final int BATCH = 100;
    /** Updates received and not yet handled, at most; beyond this the poller waits (the rest wait safely at Telegram). */
    private static final int AHEAD = 2 * BATCH;
    private static final long IDLE_CHECK_MILLIS = 200;

    private final TelegramApi api;
    private final UpdateProcessor processor;
    private final InOrderWithPreparation inOrder;
    private final UpdateLedger ledger;
    private final UpdateInbox inbox;
    private final Database database;
    private final Backoff backoff;
    private final TelegramSettings settings;
    private final BlockingQueue<InOrderWithPreparation.Ahead<UpdateProcessor.Translated>> received =
            new ArrayBlockingQueue<>(AHEAD);
    private final Object pauseLock = new Object();
    private volatile boolean running;
    private volatile TelegramApi.PendingCall<GetUpdatesResponse> inFlight;
    private Thread poller;
    private Thread handler;
    private int webhookRemovalFailures;

    @Inject
    TelegramPoller(TelegramApi api, UpdateProcessor processor, InOrderWithPreparation inOrder, UpdateLedger ledger,
            UpdateInbox inbox, Database database, Backoff backoff, TelegramSettings settings) {
        this.api = requireNonNull(api, "api is null");
        this.processor = requireNonNull(processor, "processor is null");
        this.inOrder = requireNonNull(inOrder, "inOrder is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.inbox = requireNonNull(inbox, "inbox is null");
        this.database = requireNonNull(database, "database is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public int startOrder() {
        return 110;
    }

    @Override
    public void start() {
        running = true;
        handler = new Thread(this::handleReceived, "telegram-updates");
        poller = new Thread(this::run, "telegram-poller");
        handler.start();
        poller.start();
        log.info("Telegram: polling for updates");
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        TelegramApi.PendingCall<GetUpdatesResponse> call = inFlight;
        if (call != null) {
            call.cancellable().cancel();
        }
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        for (Thread thread : new Thread[] {poller, handler}) {
            if (thread != null) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
        }
    }

    private void run() {
        int failures = 0;
        long offset = -1;
        boolean webhookRemoved = removeWebhook();
        while (running) {
            TelegramApi.Outcome<GetUpdatesResponse> outcome;
            try {
                if (offset < 0) {
                    offset = resumeFromInbox();
                }
                outcome = poll(offset);
                if (!running) {
                    return;
                }
                if (outcome instanceof TelegramApi.Outcome.Ok<GetUpdatesResponse> ok) {
                    failures = 0;
                    offset = receive(ok.response().updates(), offset);
                    continue;
                }
            } catch (RuntimeException e) {
                log.error("Telegram: polling failed; going on after a pause", e);
                pause(backoff.delay(failures++));
                continue;
            }
            if (outcome instanceof TelegramApi.Outcome.RateLimited<GetUpdatesResponse> limited) {
                pause(limited.retryAfter());
            } else if (outcome instanceof TelegramApi.Outcome.Rejected<GetUpdatesResponse> rejected && rejected.errorCode() == 409) {
                log.warn("Telegram: a webhook is still registered; removing it to poll");
                webhookRemoved = removeWebhook();
                pause(backoff.delay(failures++));
            } else {
                if (failures == 0 || failures % 10 == 0) {
                    log.warn("Telegram: getUpdates failed ({}); retrying with backoff", describe(outcome));
                }
                pause(backoff.delay(failures++));
                if (!webhookRemoved) {
                    webhookRemoved = removeWebhook();
                }
            }
        }
    }

    /**
     * Hands what the inbox kept from before (a crash, a stop, webhook mode) to the handler, and returns where polling
     * resumes: past everything handled and everything stored.
     */
    private long resumeFromInbox() {
        long offset = database.read(ledger::nextOffset);
        for (UpdateInbox.Stored stored : database.read(connection -> inbox.oldest(connection, Integer.MAX_VALUE))) {
            offset = Math.max(offset, stored.updateId() + 1);
            readStored(stored).ifPresent(this::hand);
        }
        return offset;
    }

    /** A stored update that cannot be read back would block every update behind it: it is logged and removed. */
    private Optional<Update> readStored(UpdateInbox.Stored stored) {
        try {
            return Optional.of(BotUtils.parseUpdate(stored.json()));
        } catch (RuntimeException e) {
            log.error("Telegram: stored update {} cannot be read ({}); removed without handling it", stored.updateId(),
                    e.getClass().getSimpleName());
            database.inTransaction(transaction -> {
                inbox.remove(transaction, stored.updateId());
                return null;
            });
            return Optional.empty();
        }
    }

    private TelegramApi.Outcome<GetUpdatesResponse> poll(long offset) {
        GetUpdates request = new GetUpdates().offset((int) offset).limit(BATCH).timeout(settings.pollTimeoutSeconds());
        TelegramApi.PendingCall<GetUpdatesResponse> call = api.start(request);
        inFlight = call;
        try {
            if (!running) {
                call.cancellable().cancel();
            }
            return call.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return new TelegramApi.Outcome.Unavailable<>("interrupted");
        } catch (ExecutionException e) {
            return new TelegramApi.Outcome.Unavailable<>(api.scrub(String.valueOf(e.getCause())));
        } finally {
            inFlight = null;
        }
    }

    /** Stores the new updates in the inbox, then hands them to the handler; returns the offset past them. */
    private long receive(List<Update> updates, long offset) {
        if (updates == null) {
            return offset;
        }
        List<Update> fresh = updates.stream().filter(update -> update.updateId() >= offset)
                .sorted(Comparator.comparing(Update::updateId)).toList();
        if (fresh.isEmpty()) {
            return offset;
        }
        database.inTransaction(transaction -> {
            for (Update update : fresh) {
                inbox.store(transaction, update.updateId(), BotUtils.toJson(update));
            }
            return null;
        });
        fresh.forEach(this::hand);
        return fresh.get(fresh.size() - 1).updateId() + 1L;
    }

    /** Starts understanding the update's message and queues it for the handler; waits while the handler is far behind. */
    private void hand(Update update) {
        UpdateProcessor.Translated translated = processor.translate(update);
        InOrderWithPreparation.Ahead<UpdateProcessor.Translated> ahead = inOrder.ahead(translated, translated.message());
        try {
            while (running && !received.offer(ahead, IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                // the handler is a full queue behind; it frees a place with every update it handles
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * The handler thread: the received updates in order (an update slow to understand holds up only its own chat, see
     * {@link PreparedRuns}), removed from the inbox as they are handled. Those already understood when their turn comes
     * are written together, in one transaction.
     */
    private void handleReceived() {
        PreparedRuns<UpdateProcessor.Translated> runs = UpdateProcessor.waitingRuns();
        try {
            while (running) {
                if (runs.isEmpty()) {
                    var first = received.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    runs.add(first);
                }
                for (var next = received.poll(); next != null; next = runs.size() < AHEAD ? received.poll() : null) {
                    runs.add(next);
                }
                processor.processNextRun(runs, inbox::removal, () -> running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polling and a webhook exclude each other: switching to polling removes the webhook (keeping its pending updates). */
    private boolean removeWebhook() {
        TelegramApi.Outcome<BaseResponse> outcome = api.call(new DeleteWebhook().dropPendingUpdates(false));
        if (outcome instanceof TelegramApi.Outcome.Ok<BaseResponse>) {
            return true;
        }
        if (webhookRemovalFailures++ == 0) {
            log.warn("Telegram: removing the webhook failed ({}); will try again", describe(outcome));
        }
        return false;
    }

    private void pause(Duration duration) {
        synchronized (pauseLock) {
            if (!running) {
                return;
            }
            try {
                pauseLock.wait(Math.max(1, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static String describe(TelegramApi.Outcome<?> outcome) {
        return outcome.toString();
    }
}
