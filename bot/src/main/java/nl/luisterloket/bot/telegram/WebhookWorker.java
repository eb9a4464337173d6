package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.utility.BotUtils;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.routing.InOrderWithPreparation;
import nl.luisterloket.bot.routing.PreparedRuns;
import nl.luisterloket.bot.storage.Database;

/**
 * Webhook mode's worker thread: registers the webhook with Telegram (until that succeeds), then
 * handles the updates the endpoint stored, oldest first, each exactly once and removed from the
 * inbox in the same transaction. Updates stored before a crash are handled after the restart.
 */
@Singleton
final class WebhookWorker implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int BATCH = 50;
    private static final Duration IDLE_CHECK = Duration.ofSeconds(5);

    private final TelegramApi api;
    private final TelegramSettings settings;
    private final Database database;
    private final UpdateInbox inbox;
    private final UpdateProcessor processor;
    private final InOrderWithPreparation inOrder;
    private final Backoff backoff;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    @Inject
    WebhookWorker(TelegramApi api, TelegramSettings settings, Database database, UpdateInbox inbox, UpdateProcessor processor,
            InOrderWithPreparation inOrder, Backoff backoff) {
        this.api = requireNonNull(api, "api is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.database = requireNonNull(database, "database is null");
        this.inbox = requireNonNull(inbox, "inbox is null");
        this.processor = requireNonNull(processor, "processor is null");
        this.inOrder = requireNonNull(inOrder, "inOrder is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
    }

    @Override
    public int startOrder() {
        return 110;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "telegram-webhook");
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        boolean registered = false;
        int failures = 0;
        while (running) {
            if (!registered) {
                registered = register();
            }
            boolean more;
            try {
                more = handleStored();
            } catch (RuntimeException e) {
                log.error("Webhook: handling stored updates failed; trying again", e);
                more = false;
            }
            Duration wait = registered ? IDLE_CHECK : backoff.delay(failures++);
            if (!more) {
                await(wait);
            }
        }
    }

    /** Registers the webhook with its secret; switching to webhook mode ends polling on Telegram's side. */
    private boolean register() {
        SetWebhook request = new SetWebhook().url(settings.webhookUrl()).secretToken(settings.webhookSecret().reveal())
                .dropPendingUpdates(false);
        TelegramApi.Outcome<BaseResponse> outcome = api.call(request);
        if (outcome instanceof TelegramApi.Outcome.Ok<BaseResponse>) {
            log.info("Telegram: webhook registered at {}", settings.webhookUrl());
            return true;
        }
        log.warn("Telegram: registering the webhook failed ({}); will try again", outcome);
        return false;
    }

    /**
     * Handles a batch of stored updates, understood on all cores, written in order (those understood when their turn
     * comes together, in one transaction); true when there may be more.
     */
    private boolean handleStored() {
        List<UpdateInbox.Stored> stored = database.read(connection -> inbox.oldest(connection, BATCH));
        PreparedRuns<UpdateProcessor.Translated> runs = UpdateProcessor.waitingRuns();
        stored.stream()
                .map(update -> processor.translate(BotUtils.parseUpdate(update.json())))
                .forEach(translated -> runs.add(inOrder.ahead(translated, translated.message())));
        try {
            while (!runs.isEmpty() && running) {
                processor.processNextRun(runs, inbox::removal, () -> running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return stored.size() == BATCH && running;
    }

    private void await(Duration wait) {
        synchronized (signal) {
            try {
                if (!woken && running) {
                    signal.wait(Math.max(1, wait.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
