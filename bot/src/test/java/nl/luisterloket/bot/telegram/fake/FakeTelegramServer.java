package nl.luisterloket.bot.telegram.fake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process fake of the Telegram Bot API, over real HTTP on 127.0.0.1 (an ephemeral port),
 * for end-to-end tests through the real pengrad client.
 *
 * <p>Point the bot at {@link #apiUrl()} with the token {@link #TOKEN}. Queue what residents and
 * workers send with the {@code queue…} methods (the bot picks them up with {@code getUpdates}, or
 * push them to its webhook with {@link #postToWebhook}); read what the bot did with
 * {@link #sentMessages()}, {@link #edits()}, {@link #callbackAnswers()}, {@link #calls()}; make
 * Telegram misbehave with {@link #rateLimitNext}, {@link #failNext}, {@link #delayNext},
 * {@link #blockChat} and {@link #setUnreachable}. Wait for effects with {@link #awaitSent} or
 * {@link #await} rather than sleeping.
 *
 * <p>Chat ids follow Telegram: a private chat's id is the user's id (positive); a group's is
 * negative. Every method is thread-safe.
 */
public final class FakeTelegramServer implements AutoCloseable {

    /** The token the fake accepts; any other token gets 401. */
    public static final String TOKEN = "123456789:AAFakeTokenThatMustNeverAppearInLogs";
    /**
     * The id of the first update queued. Update and message ids are sized like Telegram's, so that they keep their number
     * of digits through a long run, as they do on Telegram, and a benchmark's JSON parsing does not meet longer numbers
     * minutes in.
     */
    public static final long FIRST_UPDATE_ID = 500_000_000;
    private static final long FIRST_MESSAGE_ID = 1_000_000;
    /** The bot's own user id. */
    public static final long BOT_USER_ID = 123456789L;
    private static final Duration DEFAULT_AWAIT = Duration.ofSeconds(10);

    /** One message the bot sent (sendMessage, sendPhoto, sendDocument, sendVideo, sendVoice, sendSticker). */
    public record SentMessage(long messageId, String method, String chatId, String text, String parseMode,
            JsonNode replyMarkup, Long threadId, Long replyToMessageId, String fileId, Instant at) {

        /** Labels of the inline buttons, row by row flattened; empty without a keyboard. */
        public List<String> buttonLabels() {
            return buttons("text");
        }

        /** Callback data of the inline buttons, flattened. */
        public List<String> buttonData() {
            return buttons("callback_data");
        }

        private List<String> buttons(String field) {
            List<String> values = new ArrayList<>();
            if (replyMarkup != null) {
                for (JsonNode row : replyMarkup.path("inline_keyboard")) {
                    for (JsonNode button : row) {
                        values.add(button.path(field).asText());
                    }
                }
            }
            return values;
        }
    }

    /** One editMessageText the bot made. */
    public record Edit(String chatId, long messageId, String text, String parseMode, JsonNode replyMarkup, Instant at) {
    }

    /** One answerCallbackQuery. */
    public record CallbackAnswer(String callbackQueryId, String text, Instant at) {
    }

    /** Every API call, as it arrived, with the HTTP status the fake answered. */
    public record Call(String method, Map<String, String> parameters, int status, Instant at) {
    }

    /** The webhook the bot registered. */
    public record Webhook(String url, String secretToken) {
    }

    private record Fault(int status, String description, Integer retryAfter, Duration delay) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Object lock = new Object();
    private final Deque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<Consumer<SentMessage>> sentListeners = new CopyOnWriteArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<CallbackAnswer> callbackAnswers = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Set<String> blockedChats = new HashSet<>();
    private static final int TEXTS_KEPT_PER_CHAT = 4;

    private final Map<String, Map<Long, String>> messageTexts = new HashMap<>();
    private final List<String> forumTopics = new ArrayList<>();
    private long nextUpdateId = FIRST_UPDATE_ID;
    private long nextMessageId = FIRST_MESSAGE_ID;
    private long confirmedOffset;
    private boolean unreachable;
    private Webhook webhook;
    private volatile Duration maxPollWait = Duration.ofSeconds(2);
    private volatile boolean keepHistory = true;

    private FakeTelegramServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a fake on 127.0.0.1 and a free port. */
    public static FakeTelegramServer start() {
        // The JDK server writes headers and body apart; with Nagle's algorithm against the client's delayed ACK each
        // call would then take about 40 ms, and the fake, not the desk, would be what a sending test measures.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-telegram");
                thread.setDaemon(true);
                return thread;
            });
            FakeTelegramServer fake = new FakeTelegramServer(server, executor);
            server.createContext("/", fake::serve);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Telegram server", e);
        }
    }

    /** The base URL to configure as {@code telegram.apiUrl}: {@code http://127.0.0.1:PORT/bot}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port() + "/bot";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Without history the fake keeps no list of sent messages, edits, button answers and calls (listeners still hear
     * of every sent message) and remembers only a fingerprint of the last {@value #TEXTS_KEPT_PER_CHAT} texts a chat
     * was sent, for edits: a load run of many minutes then measures the desk, not the fake's growing lists (twenty
     * whole texts for each of 10,000 chats filled half of a 256 MiB heap the desk shares with the fake).
     */
    public void keepHistory(boolean keep) {
        this.keepHistory = keep;
    }

    /** The longest a {@code getUpdates} call waits for updates, whatever timeout the bot asks (default 2 s). */
    public void setMaxPollWait(Duration wait) {
        this.maxPollWait = requireNonNull(wait, "wait is null");
    }

    // ---------------------------------------------------------------- updates

    /** A resident writes {@code text} in their private chat with the bot; returns the update id. */
    public long queuePrivateText(long userId, String firstName, String text) {
        return queuePrivateText(userId, firstName, "nl", text);
    }

    public long queuePrivateText(long userId, String firstName, String languageCode, String text) {
        ObjectNode message = privateMessage(userId, firstName, languageCode);
        message.put("text", text);
        return queueMessage(message);
    }

    /**
     * Someone writes in a group (a workers' group): {@code threadId} is the forum topic or null,
     * {@code replyToMessageId} the message replied to or null.
     */
    public long queueGroupText(long groupChatId, long userId, String firstName, String text, Long threadId, Long replyToMessageId) {
        ObjectNode message = groupMessage(groupChatId, userId, firstName, threadId);
        message.put("text", text);
        if (replyToMessageId != null) {
            ObjectNode replied = message.putObject("reply_to_message");
            replied.put("message_id", replyToMessageId);
            replied.put("date", epochSeconds());
            replied.set("chat", message.get("chat").deepCopy());
        }
        return queueMessage(message);
    }

    /** A button press on the bot's message {@code messageId} in chat {@code chatId}; returns the update id. */
    public long queueCallback(long chatId, long userId, String firstName, long messageId, String data) {
        ObjectNode update = json.createObjectNode();
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "cbq-" + nextUpdateIdPeek());
        query.set("from", user(userId, firstName, "nl"));
        query.put("chat_instance", "instance-" + chatId);
        query.put("data", data);
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId);
        message.put("date", epochSeconds());
        message.set("chat", chat(chatId, firstName));
        message.set("from", user(BOT_USER_ID, "Luisterloket", null));
        message.put("text", "…");
        return queueUpdate(update);
    }

    /** A resident sends a voice message. */
    public long queuePrivateVoice(long userId, String firstName, String fileId) {
        ObjectNode message = privateMessage(userId, firstName, "nl");
        ObjectNode voice = message.putObject("voice");
        voice.put("file_id", fileId);
        voice.put("file_unique_id", "u-" + fileId);
        voice.put("duration", 3);
        return queueMessage(message);
    }

    /** A resident sends a photo (two sizes, the larger last) with an optional caption. */
    public long queuePrivatePhoto(long userId, String firstName, String fileId, String caption) {
        ObjectNode message = privateMessage(userId, firstName, "nl");
        ArrayNode photo = message.putArray("photo");
        photo.addObject().put("file_id", fileId + "-small").put("file_unique_id", "s-" + fileId).put("width", 90).put("height", 90);
        photo.addObject().put("file_id", fileId).put("file_unique_id", "l-" + fileId).put("width", 800).put("height", 800);
        if (caption != null) {
            message.put("caption", caption);
        }
        return queueMessage(message);
    }

    /** A resident shares a location. */
    public long queuePrivateLocation(long userId, String firstName, double latitude, double longitude) {
        ObjectNode message = privateMessage(userId, firstName, "nl");
        message.putObject("location").put("latitude", latitude).put("longitude", longitude);
        return queueMessage(message);
    }

    /**
     * Queues a message object as {@code {"message": …}}. Build one with {@link #privateMessage} or
     * {@link #groupMessage} and add fields ({@code "document"}, {@code "sticker"}, …).
     */
    public long queueMessage(ObjectNode message) {
        ObjectNode update = json.createObjectNode();
        update.set("message", message);
        return queueUpdate(update);
    }

    /** Queues any update (without {@code update_id}: the fake numbers it); returns the update id. */
    public long queueUpdate(ObjectNode update) {
        synchronized (lock) {
            long id = nextUpdateId++;
            ObjectNode numbered = json.createObjectNode();
            numbered.put("update_id", id);
            numbered.setAll(update);
            pendingUpdates.add(numbered);
            lock.notifyAll();
            return id;
        }
    }

    /** Queues an update of a kind the bot does not handle (a poll), to check it is acknowledged and skipped. */
    public long queueUnhandledUpdate() {
        ObjectNode update = json.createObjectNode();
        ObjectNode poll = update.putObject("poll");
        poll.put("id", "poll-1");
        poll.put("question", "?");
        poll.putArray("options");
        poll.put("total_voter_count", 0);
        poll.put("is_closed", false);
        poll.put("is_anonymous", true);
        poll.put("type", "regular");
        poll.put("allows_multiple_answers", false);
        return queueUpdate(update);
    }

    /** A message object in a private chat, without content: add {@code text}, {@code voice}, … yourself. */
    public ObjectNode privateMessage(long userId, String firstName, String languageCode) {
        ObjectNode message = json.createObjectNode();
        synchronized (lock) {
            message.put("message_id", nextMessageId++);
        }
        message.put("date", epochSeconds());
        message.set("from", user(userId, firstName, languageCode));
        message.set("chat", chat(userId, firstName));
        return message;
    }

    /** A message object in a group (a supergroup with topics when {@code threadId} is not null). */
    public ObjectNode groupMessage(long groupChatId, long userId, String firstName, Long threadId) {
        ObjectNode message = json.createObjectNode();
        synchronized (lock) {
            message.put("message_id", nextMessageId++);
        }
        message.put("date", epochSeconds());
        message.set("from", user(userId, firstName, "nl"));
        message.set("chat", chat(groupChatId, "Werkers"));
        if (threadId != null) {
            message.put("message_thread_id", threadId);
            message.put("is_topic_message", true);
        }
        return message;
    }

    /** Updates not yet confirmed by a later {@code getUpdates} offset. */
    public int unconfirmedUpdates() {
        synchronized (lock) {
            return pendingUpdates.size();
        }
    }

    /** The highest offset the bot has passed to {@code getUpdates} (everything below it is confirmed). */
    public long confirmedOffset() {
        synchronized (lock) {
            return confirmedOffset;
        }
    }

    // ---------------------------------------------------------------- what the bot did

    /** Tells {@code listener} of every message the moment the bot sends it (the load driver times replies with it); must be quick. */
    public void onSent(Consumer<SentMessage> listener) {
        sentListeners.add(requireNonNull(listener, "listener is null"));
    }

    public List<SentMessage> sentMessages() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    public List<SentMessage> sentTo(long chatId) {
        String id = Long.toString(chatId);
        return sentMessages().stream().filter(message -> message.chatId().equals(id)).toList();
    }

    public List<Edit> edits() {
        synchronized (lock) {
            return List.copyOf(edits);
        }
    }

    public List<CallbackAnswer> callbackAnswers() {
        synchronized (lock) {
            return List.copyOf(callbackAnswers);
        }
    }

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    public Optional<Webhook> webhook() {
        synchronized (lock) {
            return Optional.ofNullable(webhook);
        }
    }

    /** Names of the forum topics the bot created, in order. */
    public List<String> forumTopics() {
        synchronized (lock) {
            return List.copyOf(forumTopics);
        }
    }

    /** Waits until at least {@code count} messages were sent (10 s at most), then returns all sent messages. */
    public List<SentMessage> awaitSent(int count) {
        return await(this::sentMessages, messages -> messages.size() >= count, DEFAULT_AWAIT);
    }

    /** Waits until at least {@code count} messages were sent to {@code chatId}. */
    public List<SentMessage> awaitSentTo(long chatId, int count) {
        return await(() -> sentTo(chatId), messages -> messages.size() >= count, DEFAULT_AWAIT);
    }

    /** Polls {@code value} until {@code done} holds or {@code timeout} passes (then fails with the last value). */
    public static <T> T await(Supplier<T> value, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!done.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + "; last value: " + current);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            current = value.get();
        }
        return current;
    }

    // ---------------------------------------------------------------- faults

    /** The next {@code times} calls of {@code method} get 429 with {@code retry_after} seconds. */
    public void rateLimitNext(String method, int times, int retryAfterSeconds) {
        addFaults(method, times, new Fault(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null));
    }

    /** The next {@code times} calls of {@code method} fail with {@code status} (500, 502, 400 …). */
    public void failNext(String method, int times, int status) {
        String description = status >= 500 ? "Internal Server Error" : "Bad Request: injected failure";
        addFaults(method, times, new Fault(status, description, null, null));
    }

    /** The next {@code times} calls of {@code method} are answered only after {@code delay}. */
    public void delayNext(String method, int times, Duration delay) {
        addFaults(method, times, new Fault(0, null, null, delay));
    }

    /** Every send to {@code chatId} gets 403 (the user blocked the bot). */
    public void blockChat(long chatId) {
        synchronized (lock) {
            blockedChats.add(Long.toString(chatId));
        }
    }

    public void unblockChat(long chatId) {
        synchronized (lock) {
            blockedChats.remove(Long.toString(chatId));
        }
    }

    /** While true, every call gets 502 with an HTML body, as from a proxy in front of an unreachable Telegram. */
    public void setUnreachable(boolean unreachable) {
        synchronized (lock) {
            this.unreachable = unreachable;
        }
    }

    private void addFaults(String method, int times, Fault fault) {
        synchronized (lock) {
            Deque<Fault> queue = faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), key -> new ArrayDeque<>());
            for (int index = 0; index < times; index++) {
                queue.add(fault);
            }
        }
    }

    // ---------------------------------------------------------------- webhook

    /**
     * Pushes an update to the webhook the bot registered, the way Telegram does (with its secret
     * header); returns the HTTP status the bot answered. The update is numbered like queued ones.
     */
    public int postToWebhook(ObjectNode update) {
        Webhook registered = webhook().orElseThrow(() -> new IllegalStateException("no webhook registered"));
        return postToWebhook(registered.url(), registered.secretToken(), update);
    }

    /** Posts an update to {@code url} with the given secret header (null: none); returns the status. */
    public int postToWebhook(String url, String secretToken, ObjectNode update) {
        ObjectNode numbered = json.createObjectNode();
        synchronized (lock) {
            numbered.put("update_id", nextUpdateId++);
        }
        numbered.setAll(update);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(numbered.toString()));
        if (secretToken != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
        }
        try {
            return webhookClient.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the webhook " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A {@code {"message": …}} update with a private text, for {@link #postToWebhook}. */
    public ObjectNode privateTextUpdate(long userId, String firstName, String text) {
        ObjectNode message = privateMessage(userId, firstName, "nl");
        message.put("text", text);
        ObjectNode update = json.createObjectNode();
        update.set("message", message);
        return update;
    }

    // ---------------------------------------------------------------- serving

    private void serve(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot";
            int slash = path.indexOf('/', prefix.length());
            if (!path.startsWith(prefix) || slash < 0) {
                respond(exchange, 404, error(404, "Not Found"));
                return;
            }
            String token = path.substring(prefix.length(), slash);
            String method = path.substring(slash + 1);
            Map<String, String> parameters = parameters(exchange);
            if (!TOKEN.equals(token)) {
                record(method, parameters, 401);
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            Fault fault = nextFault(method);
            if (fault != null && fault.delay() != null) {
                sleep(fault.delay());
                fault = null;
            }
            synchronized (lock) {
                if (unreachable) {
                    record(method, parameters, 502);
                    respondRaw(exchange, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
                    return;
                }
            }
            if (fault != null) {
                record(method, parameters, fault.status());
                ObjectNode body = error(fault.status(), fault.description());
                if (fault.retryAfter() != null) {
                    body.putObject("parameters").put("retry_after", fault.retryAfter());
                }
                respond(exchange, fault.status(), body);
                return;
            }
            handle(exchange, method, parameters);
        } catch (RuntimeException e) {
            respond(exchange, 500, error(500, "fake server failure: " + e));
        } finally {
            exchange.close();
        }
    }

    private void handle(HttpExchange exchange, String method, Map<String, String> parameters) throws IOException {
        String lowerMethod = method.toLowerCase(Locale.ROOT);
        if (lowerMethod.equals("getupdates")) {
            getUpdates(exchange, parameters);
            return;
        }
        String chatId = parameters.get("chat_id");
        synchronized (lock) {
            if (chatId != null && blockedChats.contains(chatId) && lowerMethod.startsWith("send")) {
                record(method, parameters, 403);
                respond(exchange, 403, error(403, "Forbidden: bot was blocked by the user"));
                return;
            }
        }
        JsonNode result = switch (lowerMethod) {
            case "getme" -> user(BOT_USER_ID, "Luisterloket", null).put("is_bot", true).put("username", "LuisterloketBot");
            case "sendmessage", "sendphoto", "senddocument", "sendvideo", "sendvoice", "sendsticker", "sendaudio" ->
                    send(lowerMethod, parameters);
            case "editmessagetext" -> edit(exchange, method, parameters);
            case "answercallbackquery" -> answer(parameters);
            case "setwebhook" -> setWebhook(parameters);
            case "deletewebhook" -> deleteWebhook();
            case "getwebhookinfo" -> webhookInfo();
            case "createforumtopic" -> createForumTopic(parameters);
            case "sendchataction" -> json.getNodeFactory().booleanNode(true);
            default -> null;
        };
        if (result == null) {
            if (!lowerMethod.equals("editmessagetext")) {
                record(method, parameters, 404);
                respond(exchange, 404, error(404, "Not Found: method not found"));
            }
            return;
        }
        record(method, parameters, 200);
        ObjectNode body = json.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        respond(exchange, 200, body);
    }

    private void getUpdates(HttpExchange exchange, Map<String, String> parameters) throws IOException {
        long offset = Long.parseLong(parameters.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(parameters.getOrDefault("limit", "100"));
        long timeoutMillis = Math.min(TimeUnit.SECONDS.toMillis(Long.parseLong(parameters.getOrDefault("timeout", "0"))),
                maxPollWait.toMillis());
        ArrayNode result = json.createArrayNode();
        synchronized (lock) {
            if (webhook != null) {
                record("getUpdates", parameters, 409);
                respond(exchange, 409, error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
                return;
            }
            if (offset > 0) {
                confirmedOffset = Math.max(confirmedOffset, offset);
                pendingUpdates.removeIf(update -> update.get("update_id").asLong() < offset);
            }
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (pendingUpdates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (ObjectNode update : pendingUpdates) {
                if (result.size() >= limit) {
                    break;
                }
                result.add(update);
            }
            record("getUpdates", parameters, 200);
        }
        ObjectNode body = json.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        respond(exchange, 200, body);
    }

    private ObjectNode send(String method, Map<String, String> parameters) {
        String chatId = parameters.get("chat_id");
        String fileKey = method.substring("send".length());
        String fileId = method.equals("sendmessage") ? null : parameters.get(fileKey);
        String text = method.equals("sendmessage") ? parameters.get("text") : parameters.get("caption");
        JsonNode markup = readJson(parameters.get("reply_markup"));
        Long thread = longOrNull(parameters.get("message_thread_id"));
        Long replyTo = longOrNull(parameters.get("reply_to_message_id"));
        JsonNode replyParameters = readJson(parameters.get("reply_parameters"));
        if (replyParameters != null && replyParameters.has("message_id")) {
            replyTo = replyParameters.get("message_id").asLong();
        }
        ObjectNode message = json.createObjectNode();
        synchronized (lock) {
            long messageId = nextMessageId++;
            SentMessage sentMessage = new SentMessage(messageId, method, chatId, text, parameters.get("parse_mode"), markup,
                    thread, replyTo, fileId, Instant.now());
            if (keepHistory) {
                sent.add(sentMessage);
            }
            sentListeners.forEach(listener -> listener.accept(sentMessage));
            Map<Long, String> texts = messageTexts.computeIfAbsent(chatId, key -> new LinkedHashMap<>());
            texts.put(messageId, content(text, markup));
            if (!keepHistory && texts.size() > TEXTS_KEPT_PER_CHAT) {
                texts.remove(texts.keySet().iterator().next());
            }
            message.put("message_id", messageId);
        }
        message.put("date", epochSeconds());
        message.set("chat", chat(Long.parseLong(chatId), "Chat"));
        message.set("from", user(BOT_USER_ID, "Luisterloket", null).put("is_bot", true));
        if (text != null) {
            message.put(method.equals("sendmessage") ? "text" : "caption", text);
        }
        if (thread != null) {
            message.put("message_thread_id", thread);
        }
        return message;
    }

    /** What an edit is compared with: the text and buttons, or without history only a fingerprint of them. */
    private String content(String text, JsonNode markup) {
        String content = text + "|" + markup;
        return keepHistory ? content : Integer.toHexString(content.hashCode()) + ":" + content.length();
    }

    private JsonNode edit(HttpExchange exchange, String method, Map<String, String> parameters) throws IOException {
        String chatId = parameters.get("chat_id");
        long messageId = Long.parseLong(parameters.getOrDefault("message_id", "0"));
        String text = parameters.get("text");
        JsonNode markup = readJson(parameters.get("reply_markup"));
        synchronized (lock) {
            Map<Long, String> texts = messageTexts.getOrDefault(chatId, Map.of());
            String before = texts.get(messageId);
            if (before == null) {
                record(method, parameters, 400);
                respond(exchange, 400, error(400, "Bad Request: message to edit not found"));
                return null;
            }
            if (before.equals(content(text, markup))) {
                record(method, parameters, 400);
                respond(exchange, 400, error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"));
                return null;
            }
            texts.put(messageId, content(text, markup));
            if (keepHistory) {
                edits.add(new Edit(chatId, messageId, text, parameters.get("parse_mode"), markup, Instant.now()));
            }
        }
        ObjectNode message = json.createObjectNode();
        message.put("message_id", messageId);
        message.put("date", epochSeconds());
        message.set("chat", chat(Long.parseLong(chatId), "Chat"));
        message.put("text", text);
        return message;
    }

    private JsonNode answer(Map<String, String> parameters) {
        synchronized (lock) {
            if (keepHistory) {
                callbackAnswers.add(new CallbackAnswer(parameters.get("callback_query_id"), parameters.get("text"), Instant.now()));
            }
        }
        return json.getNodeFactory().booleanNode(true);
    }

    private JsonNode setWebhook(Map<String, String> parameters) {
        synchronized (lock) {
            String url = parameters.get("url");
            webhook = url == null || url.isEmpty() ? null : new Webhook(url, parameters.get("secret_token"));
        }
        return json.getNodeFactory().booleanNode(true);
    }

    private JsonNode deleteWebhook() {
        synchronized (lock) {
            webhook = null;
        }
        return json.getNodeFactory().booleanNode(true);
    }

    private JsonNode webhookInfo() {
        ObjectNode info = json.createObjectNode();
        synchronized (lock) {
            info.put("url", webhook == null ? "" : webhook.url());
            info.put("has_custom_certificate", false);
            info.put("pending_update_count", pendingUpdates.size());
        }
        return info;
    }

    private JsonNode createForumTopic(Map<String, String> parameters) {
        ObjectNode topic = json.createObjectNode();
        synchronized (lock) {
            forumTopics.add(parameters.get("name"));
            topic.put("message_thread_id", 5000 + forumTopics.size());
        }
        topic.put("name", parameters.get("name"));
        topic.put("icon_color", 7322096);
        return topic;
    }

    private Fault nextFault(String method) {
        synchronized (lock) {
            Deque<Fault> queue = faults.get(method.toLowerCase(Locale.ROOT));
            return queue == null ? null : queue.poll();
        }
    }

    private void record(String method, Map<String, String> parameters, int status) {
        synchronized (lock) {
            if (keepHistory) {
                calls.add(new Call(method, Map.copyOf(parameters), status, Instant.now()));
            }
        }
    }

    // ---------------------------------------------------------------- JSON and HTTP helpers

    private ObjectNode user(long id, String firstName, String languageCode) {
        ObjectNode user = json.createObjectNode();
        user.put("id", id);
        user.put("is_bot", id == BOT_USER_ID);
        user.put("first_name", firstName == null ? "" : firstName);
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    private ObjectNode chat(long chatId, String title) {
        ObjectNode chat = json.createObjectNode();
        chat.put("id", chatId);
        if (chatId > 0) {
            chat.put("type", "private");
            chat.put("first_name", title);
        } else {
            chat.put("type", "supergroup");
            chat.put("title", title);
            chat.put("is_forum", true);
        }
        return chat;
    }

    private ObjectNode error(int status, String description) {
        ObjectNode body = json.createObjectNode();
        body.put("ok", false);
        body.put("error_code", status);
        body.put("description", description);
        return body;
    }

    private long nextUpdateIdPeek() {
        synchronized (lock) {
            return nextUpdateId;
        }
    }

    private static long epochSeconds() {
        return Instant.now().getEpochSecond();
    }

    private JsonNode readJson(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(value);
        }
    }

    private static Long longOrNull(String value) {
        return value == null || value.isEmpty() ? null : Long.valueOf(value);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            parseForm(query, parameters);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType == null || body.length == 0) {
            return parameters;
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            parseForm(text, parameters);
        } else if (contentType.startsWith("multipart/form-data")) {
            parseMultipart(text, contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()), parameters);
        } else if (contentType.startsWith("application/json")) {
            JsonNode node = json.readTree(text);
            node.fields().forEachRemaining(field -> parameters.put(field.getKey(),
                    field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        }
        return parameters;
    }

    private static void parseForm(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    private static void parseMultipart(String body, String boundary, Map<String, String> into) {
        for (String part : body.split("--" + boundary)) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            int nameStart = headers.indexOf("name=\"");
            if (nameStart < 0) {
                continue;
            }
            String name = headers.substring(nameStart + 6, headers.indexOf('"', nameStart + 6));
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            into.put(name, value);
        }
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        respondRaw(exchange, status, "application/json", body.toString());
    }

    private static void respondRaw(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
