package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.http.Metrics;
import nl.luisterloket.bot.routing.PreparedRuns;
import nl.luisterloket.bot.storage.Database;

/**
 * Handles each Telegram update exactly once: the handler's work, the note that the update was
 * handled and the new polling offset are one transaction; an update already noted is skipped.
 * Button presses are always answered, so the resident's button stops spinning.
 */
final class UpdateProcessor {

    /** Extra work that must commit together with the update (the webhook removes it from its inbox). */
    @FunctionalInterface
    interface AlongWith {
        void run(Connection transaction) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);
    private static final int ATTEMPTS = 3;
    /** Understood updates written in one transaction, at most: more would keep the sender from the database too long. */
    static final int TOGETHER = 16;

    private final Database database;
    private final IncomingMessageHandler handler;
    private final UpdateLedger ledger;
    private final UpdateTranslator translator;
    private final TelegramApi api;
    private final Metrics metrics;
    private final Clock clock;
    private final Backoff backoff;

    @Inject
    UpdateProcessor(Database database, IncomingMessageHandler handler, UpdateLedger ledger, UpdateTranslator translator,
            TelegramApi api, Metrics metrics, Clock clock, Backoff backoff) {
        this.database = requireNonNull(database, "database is null");
        this.handler = requireNonNull(handler, "handler is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.translator = requireNonNull(translator, "translator is null");
        this.api = requireNonNull(api, "api is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
    }

    /** An update and the message it carries, if any: translated once, before its preparation and its handling. */
    record Translated(Update update, Optional<IncomingMessage> message) {

        /** The chat whose order this update keeps, or null when it carries no message. */
        Object chat() {
            return message.map(IncomingMessage::chat).orElse(null);
        }
    }

    /** Received updates waiting for their turn: each chat's in arrival order (see {@link PreparedRuns}). */
    static PreparedRuns<Translated> waitingRuns() {
        return new PreparedRuns<>(Translated::chat);
    }

    /**
     * Writes the next run of {@code waiting} that is understood (waiting a little for one, see
     * {@link PreparedRuns#next}), as {@link #processAll} does.
     */
    void processNextRun(PreparedRuns<Translated> waiting, Function<Translated, AlongWith> alongWith, BooleanSupplier going)
            throws InterruptedException {
        List<Translated> run = waiting.next(TOGETHER);
        if (!run.isEmpty()) {
            processAll(run, alongWith, going);
        }
    }

    Translated translate(Update update) {
        return new Translated(update, translator.translate(update, clock.instant()));
    }

    /**
     * Handles one update unless it was handled before. A handler that keeps failing (a bug, not a
     * busy database) does not block the updates behind it: after a few attempts the update is
     * noted as handled without effect, and the failure is logged.
     */
    void process(Translated translated, AlongWith alongWith) {
        long updateId = translated.update().updateId();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                boolean handled = database.inTransaction(transaction -> handleOnce(transaction, translated, alongWith));
                afterCommit(translated, handled, started);
                break;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    log.error("Update {} ({}) failed {} times; skipping it", updateId,
                            translated.message().map(incoming -> incoming.kind().name()).orElse("ignored"), attempt, e);
                    database.inTransaction(transaction -> {
                        ledger.recordProcessed(transaction, updateId);
                        alongWith.run(transaction);
                        return null;
                    });
                    break;
                }
                log.warn("Update {} failed (attempt {}), trying again: {}", updateId, attempt, e.toString());
                pause(backoff.delay(attempt - 1));
            }
        }
        answerCallback(translated);
    }

    /**
     * Handles several updates, in order, in one transaction: one commit for all of them, which is most of what writing
     * a short message costs. Each runs in a savepoint of its own; at the first that fails, its savepoint is rolled back
     * and the ones before it are committed, and it is left to {@link #process} (with its retries) so the updates
     * behind it keep their order. Returns how many were handled (or skipped as handled before).
     */
    int processTogether(List<Translated> updates, Function<Translated, AlongWith> alongWith) {
        long started = System.nanoTime();
        List<Boolean> handled = new ArrayList<>(updates.size());
        try {
            database.inTransaction(transaction -> {
                for (Translated update : updates) {
                    try {
                        handled.add(database.inTransaction(savepoint -> handleOnce(savepoint, update, alongWith.apply(update))));
                    } catch (RuntimeException e) {
                        log.debug("Update {} failed among others; it is handled alone next: {}", update.update().updateId(), e.toString());
                        break;
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Committing {} updates together failed; handling them one by one: {}", updates.size(), e.toString());
            return 0;
        }
        for (int index = 0; index < handled.size(); index++) {
            afterCommit(updates.get(index), handled.get(index), started);
            answerCallback(updates.get(index));
        }
        return handled.size();
    }

    /**
     * Handles the updates in order, as many together as go ({@link #processTogether}), one that fails on its own
     * ({@link #process}). A failure of the database itself is retried after a pause, the update staying in hand so
     * nothing behind it goes first; only {@code going} turning false stops it early.
     */
    void processAll(List<Translated> updates, Function<Translated, AlongWith> alongWith, BooleanSupplier going) {
        int done = 0;
        int failures = 0;
        while (done < updates.size() && going.getAsBoolean()) {
            try {
                done += processTogether(updates.subList(done, updates.size()), alongWith);
                if (done < updates.size()) {
                    Translated failed = updates.get(done);
                    process(failed, alongWith.apply(failed));
                    done++;
                }
                failures = 0;
            } catch (RuntimeException e) {
                log.error("Handling update {} failed; trying again after a pause", updates.get(done).update().updateId(), e);
                pause(backoff.delay(failures++));
            }
        }
    }

    /** The update's work, the note that it was handled and {@code alongWith}, in the caller's transaction. */
    private boolean handleOnce(Connection transaction, Translated translated, AlongWith alongWith) throws SQLException {
        long updateId = translated.update().updateId();
        if (ledger.isProcessed(transaction, updateId)) {
            alongWith.run(transaction);
            return false;
        }
        Optional<IncomingMessage> message = translated.message();
        if (message.isPresent()) {
            markNotBlocked(transaction, message.get());
            handler.handle(message.get());
        }
        ledger.recordProcessed(transaction, updateId);
        alongWith.run(transaction);
        return true;
    }

    private void afterCommit(Translated translated, boolean handled, long started) {
        if (handled && translated.message().isPresent()) {
            metrics.increment(Metrics.MESSAGES_IN);
            metrics.recordLatency(Metrics.HANDLING_LATENCY, Duration.ofNanos(System.nanoTime() - started));
        }
        if (!handled) {
            log.debug("Update {} was handled before; skipped", translated.update().updateId());
        }
    }

    /** Button presses are always answered, so the resident's button stops spinning. */
    private void answerCallback(Translated translated) {
        Optional<IncomingMessage> message = translated.message();
        message.filter(incoming -> incoming.callbackId() != null).ifPresent(this::answerCallback);
        if (message.isEmpty() && translated.update().callbackQuery() != null) {
            answerCallback(translated.update().callbackQuery().id());
        }
    }

    private void answerCallback(IncomingMessage message) {
        answerCallback(message.callbackId());
    }

    private void answerCallback(String callbackId) {
        TelegramApi.Outcome<?> outcome = api.call(new AnswerCallbackQuery(callbackId));
        if (!(outcome instanceof TelegramApi.Outcome.Ok<?>)) {
            log.debug("Answering a button press failed: {}", outcome);
        }
    }

    /** A resident who writes again has unblocked the bot. */
    private static void markNotBlocked(Connection transaction, IncomingMessage message) throws SQLException {
        if (!message.privateChat()) {
            return;
        }
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE residents SET blocked_bot = 0 WHERE channel = ? AND chat_id = ? AND blocked_bot = 1")) {
            update.setString(1, message.chat().channel());
            update.setString(2, message.chat().chatId());
            update.executeUpdate();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
