package nl.luisterloket.bot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.inject.Injector;
import com.google.inject.Module;

import nl.luisterloket.bot.TestApplications;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.http.EmbeddedHttpServer;
import nl.luisterloket.bot.http.HttpModule;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;

/**
 * The whole application (real router, conversation, SQLite in a temporary directory) serving
 * Telegram against a {@link FakeTelegramServer}, with short time-outs and backoff so tests stay fast.
 */
final class TelegramTestBot implements AutoCloseable {

    static final String WEBHOOK_SECRET = "test-secret_0123456789";

    private final Injector injector;
    private final Lifecycle lifecycle;

    private TelegramTestBot(Injector injector) {
        this.injector = injector;
        this.lifecycle = injector.getInstance(Lifecycle.class);
    }

    /** Polling mode with fast settings; {@code extraTelegramYaml} adds or overrides lines of the telegram section. */
    static TelegramTestBot polling(Path directory, FakeTelegramServer fake, String... extraTelegramYaml) {
        LuisterloketConfig config = config(directory, fake, "polling", extraTelegramYaml);
        return start(config, List.of(new HttpModule(), new TelegramPollingModule()));
    }

    static TelegramTestBot webhook(Path directory, FakeTelegramServer fake, String... extraTelegramYaml) {
        LuisterloketConfig config = config(directory, fake, "webhook", extraTelegramYaml);
        return start(config, List.of(new HttpModule(), new TelegramWebhookModule()));
    }

    static TelegramTestBot start(LuisterloketConfig config, List<Module> channelModules) {
        Injector injector = TestApplications.create(config, Clock.systemUTC(), channelModules, new SmallUnderstandingModule());
        TelegramTestBot bot = new TelegramTestBot(injector);
        bot.lifecycle.start();
        return bot;
    }

    /** The configuration file text the tests (and the child process of the restart test) run with. */
    static String configYaml(Path directory, FakeTelegramServer fake, String mode, String... extraTelegramYaml) {
        List<String> lines = new ArrayList<>(List.of(
                "dataDirectory: " + directory.resolve("data"),
                "knowledgeBase:",
                "  sampleFile: " + directory.resolve("no-sample.json"),
                "http:",
                "  host: 127.0.0.1",
                "  port: 0",
                "telegram:",
                "  enabled: true",
                "  mode: " + mode,
                "  apiUrl: " + fake.apiUrl(),
                "  pollTimeoutSeconds: 1",
                "  requestTimeoutSeconds: 2",
                "  retryBaseMillis: 20",
                "  retryMaxSeconds: 1",
                "  chatIntervalMillis: 0"));
        if (mode.equals("webhook")) {
            lines.add("  webhookUrl: http://127.0.0.1:1/telegram/webhook");
        }
        for (String extra : extraTelegramYaml) {
            String key = extra.substring(0, extra.indexOf(':'));
            lines.removeIf(line -> line.startsWith("  " + key + ":"));
            lines.add("  " + extra);
        }
        return String.join("\n", lines) + "\n";
    }

    static LuisterloketConfig config(Path directory, FakeTelegramServer fake, String mode, String... extraTelegramYaml) {
        try {
            Path file = directory.resolve(mode + "-luisterloket.yml");
            Files.writeString(file, configYaml(directory, fake, mode, extraTelegramYaml), StandardCharsets.UTF_8);
            return new ConfigLoader(Map.of("LUISTERLOKET_TELEGRAM_TOKEN", FakeTelegramServer.TOKEN,
                    "LUISTERLOKET_TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET)).load(file, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    Database database() {
        return get(Database.class);
    }

    int httpPort() {
        return get(EmbeddedHttpServer.class).port();
    }

    long count(String sql, Object... parameters) {
        return database().read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int index = 0; index < parameters.length; index++) {
                    select.setObject(index + 1, parameters[index]);
                }
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0;
                }
            }
        });
    }

    void stop() {
        lifecycle.stop();
    }

    @Override
    public void close() {
        lifecycle.stop();
    }
}
