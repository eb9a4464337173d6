package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.http.Metrics;
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
    }

    Translated translate(Update update) {
        return new Translated(update, translator.translate(update, clock.instant()));
    }

    void process(Translated update) {
        process(update, transaction -> {
        });
    }

    /**
     * Handles one update unless it was handled before. A handler that keeps failing (a bug, not a
     * busy database) does not block the updates behind it: after a few attempts the update is
     * noted as handled without effect, and the failure is logged.
     */
    void process(Translated translated, AlongWith alongWith) {
        Update update = translated.update();
        Optional<IncomingMessage> message = translated.message();
        long updateId = update.updateId();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                boolean handled = database.inTransaction(transaction -> {
                    if (ledger.isProcessed(transaction, updateId)) {
                        alongWith.run(transaction);
                        return false;
                    }
                    if (message.isPresent()) {
                        markNotBlocked(transaction, message.get());
                        handler.handle(message.get());
                    }
                    ledger.recordProcessed(transaction, updateId);
                    alongWith.run(transaction);
                    return true;
                });
                if (handled && message.isPresent()) {
                    metrics.increment(Metrics.MESSAGES_IN);
                    metrics.recordLatency(Metrics.HANDLING_LATENCY, Duration.ofNanos(System.nanoTime() - started));
                }
                if (!handled) {
                    log.debug("Update {} was handled before; skipped", updateId);
                }
                break;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    log.error("Update {} ({}) failed {} times; skipping it", updateId,
                            message.map(incoming -> incoming.kind().name()).orElse("ignored"), attempt, e);
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
        message.filter(incoming -> incoming.callbackId() != null).ifPresent(this::answerCallback);
        if (message.isEmpty() && update.callbackQuery() != null) {
            answerCallback(update.callbackQuery().id());
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
