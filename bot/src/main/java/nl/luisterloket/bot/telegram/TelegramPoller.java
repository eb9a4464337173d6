package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.routing.InOrderWithPreparation;
import nl.luisterloket.bot.storage.Database;

/**
 * Long polling: asks Telegram for updates from the stored offset, handles them one by one (each
 * exactly once, see {@link UpdateProcessor}), and asks again. The offset only moves in the
 * transaction that handled the update, so a crash at any point neither loses nor repeats one.
 * Failures wait with backoff; nothing stops the loop but {@link #stop()}, which cancels the
 * waiting poll and lets the update in hand finish.
 */
@Singleton
final class TelegramPoller implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final int BATCH = 100;

    private final TelegramApi api;
    private final UpdateProcessor processor;
    private final InOrderWithPreparation inOrder;
    private final UpdateLedger ledger;
    private final Database database;
    private final Backoff backoff;
    private final TelegramSettings settings;
    private final Object pauseLock = new Object();
    private volatile boolean running;
    private volatile TelegramApi.PendingCall<GetUpdatesResponse> inFlight;
    private Thread thread;
    private int webhookRemovalFailures;

    @Inject
    TelegramPoller(TelegramApi api, UpdateProcessor processor, InOrderWithPreparation inOrder, UpdateLedger ledger,
            Database database, Backoff backoff, TelegramSettings settings) {
        this.api = requireNonNull(api, "api is null");
        this.processor = requireNonNull(processor, "processor is null");
        this.inOrder = requireNonNull(inOrder, "inOrder is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
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
        thread = new Thread(this::run, "telegram-poller");
        thread.start();
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
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    private void run() {
        int failures = 0;
        boolean webhookRemoved = removeWebhook();
        while (running) {
            TelegramApi.Outcome<GetUpdatesResponse> outcome;
            try {
                outcome = poll();
                if (!running) {
                    return;
                }
                if (outcome instanceof TelegramApi.Outcome.Ok<GetUpdatesResponse> ok) {
                    failures = 0;
                    handle(ok.response().updates());
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

    private TelegramApi.Outcome<GetUpdatesResponse> poll() {
        long offset = database.read(ledger::nextOffset);
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

    private void handle(List<Update> updates) {
        if (updates == null) {
            return;
        }
        List<UpdateProcessor.Translated> batch = updates.stream().sorted(Comparator.comparing(Update::updateId))
                .map(processor::translate).toList();
        inOrder.handle(batch, UpdateProcessor.Translated::message, update -> {
            processor.process(update);
            return running;
        });
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
