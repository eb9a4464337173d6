package nl.luisterloket.bot.conversation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.catalog.KnowledgeBaseSettings;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.GeoPoint;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.bot.terminal.TerminalChat;
import nl.luisterloket.knowledge.understanding.MatchingSettings;

/**
 * The desk as the {@code chat} command assembles it (real SQLite file, real Lucene index with the
 * sample knowledge base, the real understanding step), driven through the terminal channel with a
 * clock the test moves. {@link #restart()} starts a new process's worth of objects on the same file.
 */
final class ConversationHarness implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Duration TYPING_PAUSE = Duration.ofSeconds(5);
    private static Path template;

    final MutableClock clock;
    private final LuisterloketConfig config;
    private final Map<String, Terminal> terminals = new HashMap<>();
    private Injector injector;
    private Lifecycle lifecycle;

    ConversationHarness(Path dataDirectory, ZonedDateTime start) {
        this(dataDirectory, start, ConversationSettings.defaults());
    }

    ConversationHarness(Path dataDirectory, ZonedDateTime start, ConversationSettings conversation) {
        this.clock = new MutableClock(start.toInstant(), ZONE);
        this.config = config(dataDirectory, conversation);
        copyImportedTemplate(dataDirectory);
        boot();
    }

    private static LuisterloketConfig config(Path dataDirectory, ConversationSettings conversation) {
        Path root = repositoryRoot();
        return new LuisterloketConfig(dataDirectory, ZONE, "nl",
                new KnowledgeBaseSettings(root.resolve("knowledge-base/sample/services.json"), 180, null, null),
                new MatchingSettings(0.5, 0.3, root.resolve("config")), null, null, conversation, null, null, null);
    }

    /**
     * Importing the sample knowledge base takes seconds on a busy machine; it is done once per test
     * run into a template database, which each test starts from (as a second start of the desk would).
     */
    private static synchronized void copyImportedTemplate(Path dataDirectory) {
        try {
            if (template == null) {
                Path templateDirectory = Files.createTempDirectory("luisterloket-template");
                Injector importer = Guice.createInjector(Stage.PRODUCTION, modules(config(templateDirectory, ConversationSettings.defaults()),
                        Clock.systemUTC()));
                Lifecycle lifecycle = importer.getInstance(Lifecycle.class);
                lifecycle.start();
                lifecycle.stop();
                template = templateDirectory.resolve("luisterloket.db");
                templateDirectory.toFile().deleteOnExit();
                template.toFile().deleteOnExit();
            }
            Files.createDirectories(dataDirectory);
            Files.copy(template, dataDirectory.resolve("luisterloket.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Module> modules(LuisterloketConfig config, Clock clock) {
        return Application.coreModules(config, clock);
    }

    private void boot() {
        injector = Guice.createInjector(Stage.PRODUCTION, modules(config, clock));
        lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();
        terminals.clear();
    }

    /** Stops everything (closing the database) and starts afresh on the same data directory, as after a restart. */
    void restart() {
        lifecycle.stop();
        boot();
    }

    /**
     * Types the lines as the resident, a few seconds apart (a number presses a button under the last
     * message); returns what the desk printed. Without lines it only shows what is waiting.
     */
    String chat(String resident, String... lines) {
        Terminal terminal = terminal(resident);
        int before = terminal.printed().length();
        if (lines.length == 0) {
            terminal.chat.run(new ByteArrayInputStream(new byte[0]), true);
        }
        for (String line : lines) {
            clock.advance(TYPING_PAUSE);
            terminal.chat.run(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)), true);
        }
        return terminal.printed().substring(before);
    }

    /** Sends a message of another kind (voice, location …) as the resident; returns what the desk printed. */
    String send(String resident, MessageKind kind, GeoPoint location) {
        Terminal terminal = terminal(resident);
        int before = terminal.printed().length();
        injector.getInstance(IncomingMessageHandler.class).handle(new IncomingMessage(terminal.address, terminal.author, kind, "", null,
                null, location, null, null, null, true, clock.instant()));
        chat(resident);
        return terminal.printed().substring(before);
    }

    private Terminal terminal(String resident) {
        return terminals.computeIfAbsent(resident, Terminal::new);
    }

    FollowUpScheduler scheduler() {
        return injector.getInstance(FollowUpScheduler.class);
    }

    Database database() {
        return injector.getInstance(Database.class);
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    long count(String sql, Object... arguments) {
        return database().read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int index = 0; index < arguments.length; index++) {
                    select.setObject(index + 1, arguments[index]);
                }
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    List<String> strings(String sql, Object... arguments) {
        return database().read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int index = 0; index < arguments.length; index++) {
                    select.setObject(index + 1, arguments[index]);
                }
                List<String> values = new java.util.ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            }
        });
    }

    @Override
    public void close() {
        lifecycle.stop();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config/signals")) && Files.isRegularFile(dir.resolve("knowledge-base/sample/services.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    /** One resident's terminal: the same chat across calls, so numbered buttons keep working. */
    private final class Terminal {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final TerminalChat chat;
        final ChatAddress address;
        final Author author;

        Terminal(String name) {
            chat = new TerminalChat(injector.getInstance(IncomingMessageHandler.class), injector.getInstance(Database.class),
                    injector.getInstance(Outbox.class), clock, new PrintStream(output, true, StandardCharsets.UTF_8), name, "nl");
            address = new ChatAddress("terminal", name);
            author = new Author(name, name, "nl");
        }

        String printed() {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
