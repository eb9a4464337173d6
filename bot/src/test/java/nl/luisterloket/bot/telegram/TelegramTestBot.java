package nl.luisterloket.bot.telegram;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.Injector;
import com.google.inject.Module;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.http.EmbeddedHttpServer;
import nl.luisterloket.bot.http.HttpModule;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;

/**
 * The whole application (real router, conversation and understanding on the sample knowledge
 * base, SQLite in a temporary directory) serving
 * Telegram against a {@link FakeTelegramServer}, with short time-outs and backoff so tests stay fast.
 */
final class TelegramTestBot implements AutoCloseable {

    static final String WEBHOOK_SECRET = "test-secret_0123456789";
    /** Tests run in {@code bot/}; the sample knowledge base and the phrase lists live one level up. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final Injector injector;
    private final Lifecycle lifecycle;

    private TelegramTestBot(Injector injector) {
        this.injector = injector;
        this.lifecycle = injector.getInstance(Lifecycle.class);
    }

    /**
     * Polling mode with fast settings and an empty knowledge base (every question is unanswered, which
     * is all most channel tests need, and it starts faster); {@code telegramOverrides} are
     * {@code "key: value"} lines of the telegram section.
     */
    static TelegramTestBot polling(Path directory, FakeTelegramServer fake, String... telegramOverrides) {
        return start(withoutSample(directory, fake, "polling", telegramOverrides), List.of(new HttpModule(), new TelegramPollingModule()));
    }

    /** Polling mode (empty knowledge base) with one more module, e.g. a test route. */
    static TelegramTestBot pollingWith(Path directory, FakeTelegramServer fake, Module extra, String... telegramOverrides) {
        return start(withoutSample(directory, fake, "polling", telegramOverrides),
                List.of(new HttpModule(), new TelegramPollingModule(), extra));
    }

    /** Polling mode on the sample knowledge base, for tests that look at what the desk answers. */
    static TelegramTestBot pollingOnSample(Path directory, FakeTelegramServer fake, String... telegramOverrides) {
        return start(config(directory, fake, "polling", telegramOverrides), List.of(new HttpModule(), new TelegramPollingModule()));
    }

    static TelegramTestBot webhook(Path directory, FakeTelegramServer fake, String... telegramOverrides) {
        return start(withoutSample(directory, fake, "webhook", telegramOverrides), List.of(new HttpModule(), new TelegramWebhookModule()));
    }

    private static LuisterloketConfig withoutSample(Path directory, FakeTelegramServer fake, String mode, String... telegramOverrides) {
        Map<String, String> environment = environment(directory, fake, mode, telegramOverrides);
        environment.put("LUISTERLOKET_KNOWLEDGE_BASE_SAMPLE_FILE", directory.resolve("no-sample.json").toString());
        return new ConfigLoader(environment).load(shippedConfig(), false);
    }

    static TelegramTestBot start(LuisterloketConfig config, List<Module> channelModules) {
        Injector injector = Application.create(config, Clock.systemUTC(), channelModules);
        TelegramTestBot bot = new TelegramTestBot(injector);
        bot.lifecycle.start();
        return bot;
    }

    /**
     * The environment the tests (and the child process of the restart test) run with, on top of the
     * shipped {@code config/luisterloket.yml}: fast time-outs and backoff, the fake's address, a
     * temporary data directory. {@code telegramOverrides} are {@code "key: value"} lines of the
     * telegram section.
     */
    static Map<String, String> environment(Path directory, FakeTelegramServer fake, String mode, String... telegramOverrides) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LUISTERLOKET_DATA_DIRECTORY", directory.resolve("data").toString());
        environment.put("LUISTERLOKET_KNOWLEDGE_BASE_SAMPLE_FILE", REPOSITORY.resolve("knowledge-base/sample/services.json").toString());
        environment.put("LUISTERLOKET_MATCHING_CONFIG_DIRECTORY", REPOSITORY.resolve("config").toString());
        environment.put("LUISTERLOKET_HTTP_HOST", "127.0.0.1");
        environment.put("LUISTERLOKET_HTTP_PORT", "0");
        environment.put("LUISTERLOKET_TELEGRAM_TOKEN", FakeTelegramServer.TOKEN);
        environment.put("LUISTERLOKET_TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        Map<String, String> telegram = new LinkedHashMap<>();
        telegram.put("enabled", "true");
        telegram.put("mode", mode);
        telegram.put("apiUrl", fake.apiUrl());
        telegram.put("pollTimeoutSeconds", "1");
        telegram.put("requestTimeoutSeconds", "2");
        telegram.put("retryBaseMillis", "20");
        telegram.put("retryMaxSeconds", "1");
        telegram.put("chatIntervalMillis", "0");
        telegram.put("webhookUrl", "http://127.0.0.1:1/telegram/webhook");
        for (String override : telegramOverrides) {
            int colon = override.indexOf(':');
            telegram.put(override.substring(0, colon).strip(), override.substring(colon + 1).strip());
        }
        telegram.forEach((key, value) -> environment.put(ConfigLoader.environmentName(List.of("telegram", key)), value));
        return environment;
    }

    /** The shipped configuration file. */
    static Path shippedConfig() {
        return REPOSITORY.resolve("config/luisterloket.yml");
    }

    static LuisterloketConfig config(Path directory, FakeTelegramServer fake, String mode, String... telegramOverrides) {
        return new ConfigLoader(environment(directory, fake, mode, telegramOverrides)).load(shippedConfig(), false);
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
