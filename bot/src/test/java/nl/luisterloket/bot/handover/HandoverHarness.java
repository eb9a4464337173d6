package nl.luisterloket.bot.handover;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

import nl.luisterloket.bot.access.AccessSettings.StaffSeed;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutboxEntry;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.ConfigModule;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.routing.MessageRouter;
import nl.luisterloket.bot.routing.RoutingModule;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.bot.storage.StorageModule;
import nl.luisterloket.knowledge.KnowledgeModule;

/**
 * The hand-over wired with Guice against a real SQLite file, with a pretend Telegram that
 * "delivers" the outbox: each chat keeps its messages, edits replace the message with the same
 * edit key, and every message gets an id that workers can reply to.
 */
final class HandoverHarness implements AutoCloseable {

    static final Instant MONDAY_10_AMSTERDAM = Instant.parse("2026-11-23T09:00:00Z");
    static final String GROUP = "-100200";
    static final String MONEY_GROUP = "-100300";
    static final String SANNE = "111";
    static final String AHMED = "222";
    static final String STRANGER = "999";

    /** A message as the chat shows it now. */
    record Shown(String messageId, String text, List<List<Button>> buttons, String threadId, String attachmentId) {

        boolean hasButton(String callbackData) {
            return buttons.stream().flatMap(List::stream).anyMatch(button -> button.callbackData().equals(callbackData));
        }
    }

    final MutableClock clock;
    final Injector injector;
    final Database database;
    final MessageRouter router;
    final HandoverDesk desk;
    final HandoverTimers timers;
    private final Outbox outbox;
    private final Map<ChatAddress, Map<String, Shown>> chats = new LinkedHashMap<>();
    private int nextMessageId = 1000;

    HandoverHarness(Path directory, HandoverSettings settings, Module... extraModules) {
        this.clock = new MutableClock(MONDAY_10_AMSTERDAM);
        LuisterloketConfig config = new LuisterloketConfig(directory, ZoneId.of("Europe/Amsterdam"), "nl", null, null, null, null, null,
                settings, null, null);
        List<Module> modules = new ArrayList<>(List.of(new ConfigModule(config, clock), new StorageModule(), new RoutingModule(),
                new HandoverModule(), new KnowledgeModule()));
        modules.addAll(List.of(extraModules));
        this.injector = Guice.createInjector(Stage.PRODUCTION, modules);
        this.database = injector.getInstance(Database.class);
        this.router = injector.getInstance(MessageRouter.class);
        this.desk = injector.getInstance(HandoverDesk.class);
        this.timers = injector.getInstance(HandoverTimers.class);
        this.outbox = injector.getInstance(Outbox.class);
        injector.getInstance(TeamMemberSeeder.class).start();
    }

    static HandoverSettings oneTeam(boolean forum) {
        return new HandoverSettings(List.of(new TeamSettings("Buurtteam Noord", GROUP, forum,
                List.of(new StaffSeed(SANNE, "Sanne"), new StaffSeed(AHMED, "Ahmed")), List.of(), List.of("wonen"))),
                null, 2, 15, 5, 60, 7);
    }

    static HandoverSettings twoTeams() {
        return new HandoverSettings(List.of(
                new TeamSettings("Buurtteam Noord", GROUP, false, List.of(new StaffSeed(SANNE, "Sanne")), List.of(), List.of("wonen")),
                new TeamSettings("Geldloket", MONEY_GROUP, false, List.of(new StaffSeed(AHMED, "Ahmed")),
                        List.of(new WorkingPeriod("mon-fri", java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0))),
                        List.of("geld"))),
                "Buurtteam Noord", 5, 15, 5, 60, 7);
    }

    // ---- residents ------------------------------------------------------------------------

    static ChatAddress residentChat(String chatId) {
        return new ChatAddress("telegram", chatId);
    }

    /** A resident with one conversation in which the bot suggested {@code serviceIds}; returns the request to hand over. */
    HandoverRequest resident(String chatId, String firstName, HandoverTrigger trigger, List<String> domains, List<String> serviceIds) {
        return database.inTransaction(transaction -> {
            String now = clock.instant().toString();
            try (PreparedStatement insert = transaction.prepareStatement(
                    "INSERT INTO residents (channel, chat_id, first_name, language, created_at, last_seen_at) VALUES ('telegram', ?, ?, 'nl', ?, ?)")) {
                insert.setString(1, chatId);
                insert.setString(2, firstName);
                insert.setString(3, now);
                insert.setString(4, now);
                insert.executeUpdate();
            }
            long residentId = lastId(transaction);
            try (PreparedStatement insert = transaction.prepareStatement(
                    "INSERT INTO conversations (resident_id, status, started_at, last_activity_at) VALUES (?, 'open', ?, ?)")) {
                insert.setLong(1, residentId);
                insert.setString(2, now);
                insert.setString(3, now);
                insert.executeUpdate();
            }
            long conversationId = lastId(transaction);
            message(transaction, conversationId, "in", "resident", "ik krijg een brief van de deurwaarder en weet niet wat ik moet doen");
            message(transaction, conversationId, "out", "bot", "Hier zijn diensten die kunnen helpen.");
            for (int rank = 0; rank < serviceIds.size(); rank++) {
                try (PreparedStatement insert = transaction.prepareStatement(
                        "INSERT INTO suggestions (conversation_id, service_id, rank, confidence, decision, shown_at, feedback) VALUES (?, ?, ?, 0.8, 'ANSWER', ?, ?)")) {
                    insert.setLong(1, conversationId);
                    insert.setString(2, serviceIds.get(rank));
                    insert.setInt(3, rank);
                    insert.setString(4, now);
                    insert.setString(5, rank == 0 ? "something_else" : null);
                    insert.executeUpdate();
                }
            }
            return new HandoverRequest(residentId, conversationId, residentChat(chatId), firstName, "nl", trigger, domains, serviceIds,
                    "Noord");
        });
    }

    void handover(HandoverRequest request) {
        database.inTransaction(transaction -> {
            desk.requestHandover(transaction, request);
            return null;
        });
    }

    boolean hasOpenCase(long residentId) {
        Boolean open = database.read(connection -> desk.hasOpenCase(connection, residentId));
        return open;
    }

    void residentSays(String chatId, String text) {
        router.handle(IncomingMessage.text(residentChat(chatId), new Author(chatId, "Amina", "nl"), text, clock.instant()));
    }

    void residentSendsPhoto(String chatId, String caption, String fileId) {
        router.handle(new IncomingMessage(residentChat(chatId), new Author(chatId, "Amina", "nl"), MessageKind.PHOTO, caption, null, null,
                null, null, null, fileId, true, clock.instant()));
    }

    void residentPresses(String chatId, String data) {
        router.handle(IncomingMessage.callback(residentChat(chatId), new Author(chatId, "Amina", "nl"), data, "cb", clock.instant()));
    }

    // ---- workers ---------------------------------------------------------------------------

    void workerSays(String userId, String text) {
        workerSaysReplyingTo(userId, text, null);
    }

    void workerSaysReplyingTo(String userId, String text, String replyToMessageId) {
        MessageKind kind = text.startsWith("/") ? MessageKind.COMMAND : MessageKind.TEXT;
        router.handle(new IncomingMessage(new ChatAddress("telegram", userId), new Author(userId, null, "nl"), kind, text, null, null,
                null, replyToMessageId, null, null, true, clock.instant()));
    }

    void pressInGroup(String groupId, String userId, String data) {
        router.handle(new IncomingMessage(new ChatAddress("telegram", groupId), new Author(userId, null, "nl"), MessageKind.CALLBACK, "",
                data, "cb", null, null, null, null, false, clock.instant()));
    }

    void saysInTopic(String groupId, String userId, String threadId, String text) {
        MessageKind kind = text.startsWith("/") ? MessageKind.COMMAND : MessageKind.TEXT;
        router.handle(new IncomingMessage(new ChatAddress("telegram", groupId), new Author(userId, null, "nl"), kind, text, null, null,
                null, null, threadId, null, false, clock.instant()));
    }

    // ---- the pretend channel -----------------------------------------------------------------

    /** Delivers everything pending: new messages get an id, messages with a known edit key replace their earlier version. */
    void deliver() {
        database.inTransaction(transaction -> {
            for (OutboxEntry entry : outbox.due(transaction, "telegram", 10_000)) {
                OutgoingMessage message = entry.message();
                Optional<String> earlier = message.editKey() == null ? Optional.empty()
                        : outbox.sentMessageId(transaction, message.chat(), message.editKey());
                String id = earlier.orElseGet(() -> String.valueOf(nextMessageId++));
                chats.computeIfAbsent(message.chat(), chat -> new LinkedHashMap<>())
                        .put(id, new Shown(id, message.text(), message.buttons(), message.threadId(), message.attachmentId()));
                outbox.markSent(transaction, entry, id);
            }
            return null;
        });
    }

    /** What the chat shows, oldest first (after delivering what is pending). */
    List<Shown> chat(String chatId) {
        deliver();
        return List.copyOf(chats.getOrDefault(new ChatAddress("telegram", chatId), Map.of()).values());
    }

    String lastText(String chatId) {
        List<Shown> shown = chat(chatId);
        return shown.isEmpty() ? "" : shown.get(shown.size() - 1).text();
    }

    List<String> texts(String chatId) {
        return chat(chatId).stream().map(Shown::text).toList();
    }

    // ---- the database ---------------------------------------------------------------------------

    String caseColumn(long caseId, String column) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM cases WHERE id = ?")) {
                select.setLong(1, caseId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    long onlyCaseId() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT max(id) FROM cases");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    String workerNameOf(long caseId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT w.first_name FROM cases c JOIN workers w ON w.id = c.worker_id WHERE c.id = ?")) {
                select.setLong(1, caseId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /** "actor action" per audit row of a case, oldest first. */
    List<String> audit(long caseId) {
        return database.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT actor, action FROM audit_log WHERE case_id = ? ORDER BY id")) {
                select.setLong(1, caseId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1) + " " + row.getString(2));
                    }
                }
            }
            return rows;
        });
    }

    String workerActor(String telegramUserId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM workers WHERE telegram_user_id = ?")) {
                select.setString(1, telegramUserId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return "worker:" + row.getLong(1);
                }
            }
        });
    }

    private static void message(java.sql.Connection transaction, long conversationId, String direction, String author, String text)
            throws java.sql.SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO messages (conversation_id, direction, author, kind, text, created_at) VALUES (?, ?, ?, 'text', ?, ?)")) {
            insert.setLong(1, conversationId);
            insert.setString(2, direction);
            insert.setString(3, author);
            insert.setString(4, text);
            insert.setString(5, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    private static long lastId(java.sql.Connection transaction) throws java.sql.SQLException {
        try (PreparedStatement select = transaction.prepareStatement("SELECT last_insert_rowid()");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    static Module forumTopics(FakeForumTopics topics) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(nl.luisterloket.bot.channel.ForumTopics.class).toInstance(topics);
            }
        };
    }

    @Override
    public void close() {
        database.close();
    }
}
