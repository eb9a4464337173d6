package nl.luisterloket.bot.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.catalog.ServiceCatalog;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.storage.Database;

/**
 * The whole application (real SQLite file, real Lucene index over the sample knowledge base, real router) with a
 * seeded admin, driven one message at a time; replies are read back from the outbox.
 */
final class AdminDesk implements AutoCloseable {

    static final String ADMIN = "1001";
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A Wednesday: no digest is due. */
    static final Instant WEDNESDAY = Instant.parse("2026-12-02T09:00:00Z");

    final Path configFile;
    final Injector injector;
    final Database database;
    private final IncomingMessageHandler handler;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private long seenOutboxId;

    AdminDesk(Path directory, Clock clock) {
        this.clock = clock;
        Path root = Path.of("").toAbsolutePath().getParent();
        configFile = directory.resolve("luisterloket.yml");
        try {
            Files.writeString(configFile, """
                    dataDirectory: %s
                    knowledgeBase:
                      sampleFile: %s
                      staleAfterDays: 180
                    matching:
                      answerThreshold: 0.5
                      clarifyThreshold: 0.3
                      configDirectory: %s
                    privacy:
                      floodLimitPerMinute: 1000
                    access:
                      admins:
                        - {telegramUserId: "%s", firstName: Fatima}
                    """.formatted(directory.resolve("data"), root.resolve("knowledge-base/sample/services.json"),
                    root.resolve("config"), ADMIN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LuisterloketConfig config = new ConfigLoader(Map.of()).load(configFile, false);
        injector = Application.create(config, clock, List.of());
        database = injector.getInstance(Database.class);
        injector.getInstance(ServiceCatalog.class).start();
        injector.getInstance(AdminSeeder.class).start();
        handler = injector.getInstance(IncomingMessageHandler.class);
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /** Sends a text from this Telegram user in their private chat; returns the texts of the replies to them. */
    List<String> send(String userId, String text) {
        handler.handle(IncomingMessage.text(chat(userId), new Author(userId, "Test", "nl"), text, clock.instant()));
        return replies(userId);
    }

    List<String> press(String userId, String callbackData) {
        handler.handle(IncomingMessage.callback(chat(userId), new Author(userId, "Test", "nl"), callbackData, "cb", clock.instant()));
        return replies(userId);
    }

    /** Replies to this chat since the last call. */
    List<String> replies(String userId) {
        return database.read(connection -> {
            List<String> texts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, chat_id, payload_json FROM outbox WHERE id > ? ORDER BY id")) {
                select.setLong(1, seenOutboxId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seenOutboxId = rows.getLong(1);
                        if (rows.getString(2).equals(userId)) {
                            texts.add(json.readValue(rows.getString(3), OutgoingMessage.class).text());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return texts;
        });
    }

    long count(String sql) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    void execute(String sql) {
        database.inTransaction(connection -> connection.createStatement().executeUpdate(sql));
    }

    private static ChatAddress chat(String userId) {
        return new ChatAddress("telegram", userId);
    }

    @Override
    public void close() throws Exception {
        injector.getInstance(ServiceCatalog.class).stop();
        database.close();
    }
}
