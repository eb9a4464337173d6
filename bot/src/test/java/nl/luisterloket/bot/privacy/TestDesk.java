package nl.luisterloket.bot.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutboxDelivery;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.storage.Database;

/**
 * The whole application as a resident meets it, on a real SQLite file: messages go in through the
 * router, replies come out through the outbox to a recording transport. Uses the real
 * understanding and the sample knowledge base of the repository.
 */
final class TestDesk implements AutoCloseable {

    static final String CHANNEL = "telegram";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock;
    final Injector injector;
    final Database database;
    final Lifecycle lifecycle;
    private final IncomingMessageHandler handler;
    private final OutboxDelivery delivery;
    private final RecordingTransport transport = new RecordingTransport(CHANNEL);
    private long callbacks;

    private TestDesk(LuisterloketConfig config, Module... overrides) {
        this.clock = new MutableClock(START, config.timeZone());
        this.injector = Guice.createInjector(Stage.PRODUCTION, Modules.override(Application.coreModules(config, clock)).with(overrides));
        this.database = injector.getInstance(Database.class);
        this.lifecycle = injector.getInstance(Lifecycle.class);
        this.handler = injector.getInstance(IncomingMessageHandler.class);
        this.delivery = new OutboxDelivery(database, injector.getInstance(Outbox.class), transport);
        lifecycle.start();
    }

    /** A desk with its data in {@code directory} and the given extra YAML (may be empty). */
    static TestDesk start(Path directory, String yaml, Map<String, String> environment, Module... overrides) {
        return new TestDesk(config(directory, yaml, environment), overrides);
    }

    static TestDesk start(Path directory) {
        return start(directory, "", Map.of());
    }

    static LuisterloketConfig config(Path directory, String yaml, Map<String, String> environment) {
        Path root = repositoryRoot();
        String text = "dataDirectory: " + directory.resolve("data") + "\n"
                + "knowledgeBase:\n  sampleFile: " + root.resolve("knowledge-base/sample/services.json") + "\n"
                + "matching:\n  configDirectory: " + root.resolve("config") + "\n"
                + "  answerThreshold: 0.5\n  clarifyThreshold: 0.3\n"
                + yaml;
        try {
            Path file = directory.resolve("luisterloket.yml");
            Files.writeString(file, text);
            return new ConfigLoader(environment).load(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("knowledge-base"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return here;
    }

    static ChatAddress chat(String chatId) {
        return new ChatAddress(CHANNEL, chatId);
    }

    /** A resident writes in their private chat; returns what the desk sent back to anyone. */
    List<OutgoingMessage> say(String chatId, String text) {
        return deliver(IncomingMessage.text(chat(chatId), author(chatId), text, clock.instant()));
    }

    /** A resident presses a button. */
    List<OutgoingMessage> press(String chatId, String callbackData) {
        return deliver(IncomingMessage.callback(chat(chatId), author(chatId), callbackData, "cb-" + (++callbacks), clock.instant()));
    }

    List<OutgoingMessage> deliver(IncomingMessage message) {
        handler.handle(message);
        delivery.deliverDue();
        return transport.takeAll();
    }

    static Author author(String chatId) {
        return new Author(chatId, "Bewoner" + chatId, "nl");
    }

    /** Runs a query and returns the first column of every row, as text. */
    List<String> column(String sql, Object... parameters) {
        return database.read(connection -> column(connection, sql, parameters));
    }

    static List<String> column(Connection connection, String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                select.setObject(index + 1, parameters[index]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    long count(String sql, Object... parameters) {
        return Long.parseLong(column(sql, parameters).get(0));
    }

    static ZoneId zone() {
        return ZoneId.of("Europe/Amsterdam");
    }

    @Override
    public void close() {
        lifecycle.stop();
    }
}
