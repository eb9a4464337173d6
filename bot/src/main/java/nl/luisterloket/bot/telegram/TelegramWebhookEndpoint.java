package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.utility.BotUtils;
import com.sun.net.httpserver.HttpExchange;

import jakarta.inject.Inject;
import nl.luisterloket.bot.http.HttpRoute;
import nl.luisterloket.bot.storage.Database;

/**
 * The webhook Telegram posts updates to. A call without the right secret header gets 401 and
 * changes nothing (the comparison takes the same time wherever the secrets differ). A good call
 * stores the update and answers 200 at once; {@link WebhookWorker} handles it.
 */
final class TelegramWebhookEndpoint implements HttpRoute {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookEndpoint.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final String TEXT = "text/plain; charset=utf-8";

    private final TelegramSettings settings;
    private final byte[] secret;
    private final Database database;
    private final UpdateInbox inbox;
    private final WebhookWorker worker;

    @Inject
    TelegramWebhookEndpoint(TelegramSettings settings, Database database, UpdateInbox inbox, WebhookWorker worker) {
        this.settings = requireNonNull(settings, "settings is null");
        this.secret = requireNonNull(settings.webhookSecret(), "webhookSecret is null").reveal().getBytes(StandardCharsets.UTF_8);
        this.database = requireNonNull(database, "database is null");
        this.inbox = requireNonNull(inbox, "inbox is null");
        this.worker = requireNonNull(worker, "worker is null");
    }

    @Override
    public String path() {
        return settings.webhookPath();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
        if (!MessageDigest.isEqual(secret, given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8))) {
            HttpRoute.respond(exchange, 401, TEXT, "unauthorized\n");
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            HttpRoute.respond(exchange, 405, TEXT, "method not allowed\n");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            HttpRoute.respond(exchange, 413, TEXT, "too large\n");
            return;
        }
        String json = new String(body, StandardCharsets.UTF_8);
        Update update;
        try {
            update = BotUtils.parseUpdate(json);
        } catch (RuntimeException e) {
            update = null;
        }
        if (update == null || update.updateId() == null) {
            log.warn("Webhook: a call with the right secret but no readable update ({} bytes)", body.length);
            HttpRoute.respond(exchange, 400, TEXT, "not an update\n");
            return;
        }
        long updateId = update.updateId();
        database.inTransaction(transaction -> {
            inbox.store(transaction, updateId, json);
            return null;
        });
        HttpRoute.respond(exchange, 200, TEXT, "");
        worker.wake();
    }
}
