package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;
import com.google.inject.util.Modules;

import nl.luisterloket.bot.TestApplications;
import nl.luisterloket.bot.admin.ListeningReports;
import nl.luisterloket.bot.config.ConfigException;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.http.EmbeddedHttpServer;
import nl.luisterloket.bot.http.HttpModule;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.telegram.TelegramPollingModule;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer.SentMessage;

/**
 * The bot token never shows: not in any log line at any level (Logback and java.util.logging,
 * exceptions included), not in errors, not in what a resident or the health and metrics pages
 * get, not in the listening report. And what residents write is never logged at INFO or above.
 */
class SecretsTest {

    private static final String TOKEN = FakeTelegramServer.TOKEN;
    private static final String TOKEN_SECRET_PART = TOKEN.substring(TOKEN.indexOf(':') + 1);
    private static final long RESIDENT = 424242L;
    private static final String RESIDENT_WORDS = "mijn buurman Kwartelkoning slaat zijn hond";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    @Test
    void fullTelegramConversationLogsNeitherTheTokenNorWhatResidentsWriteAtInfo() throws Exception {
        List<String> outputs = new ArrayList<>();
        List<LogCapture.Line> lines;
        try (LogCapture capture = new LogCapture(); FakeTelegramServer fake = FakeTelegramServer.start()) {
            LuisterloketConfig config = config(fake.apiUrl(), "ok");
            outputs.add(config.toString());
            outputs.add(config.telegram().toString());
            Injector injector = TestApplications.create(config, Clock.systemUTC(), List.of(new HttpModule(), new TelegramPollingModule()),
                    Modules.EMPTY_MODULE);
            Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
            lifecycle.start();
            try {
                fake.queuePrivateText(RESIDENT, "Amira", "/start");
                fake.queuePrivateText(RESIDENT, "Amira", RESIDENT_WORDS);
                fake.queuePrivateText(RESIDENT, "Amira", "ik kan de huur niet betalen, " + RESIDENT_WORDS);
                fake.queuePrivateText(RESIDENT, "Amira", "/mijngegevens");
                List<SentMessage> sent = FakeTelegramServer.await(() -> fake.sentTo(RESIDENT),
                        messages -> messages.stream().anyMatch(message -> message.text().contains("exported_at")), WAIT);
                fake.queuePrivateText(RESIDENT, "Amira", "/vergeet");
                SentMessage question = FakeTelegramServer.await(() -> fake.sentTo(RESIDENT),
                        messages -> messages.stream().anyMatch(message -> message.buttonData().contains(PrivacyCommandRoute.FORGET_YES)), WAIT)
                        .stream().filter(message -> message.buttonData().contains(PrivacyCommandRoute.FORGET_YES)).findFirst().orElseThrow();
                fake.queueCallback(RESIDENT, RESIDENT, "Amira", question.messageId(), PrivacyCommandRoute.FORGET_YES);
                int before = sent.size();
                sent = FakeTelegramServer.await(() -> fake.sentTo(RESIDENT), messages -> messages.size() > before + 1, WAIT);
                sent.forEach(message -> outputs.add(message.text()));
                int port = injector.getInstance(EmbeddedHttpServer.class).port();
                outputs.add(get(port, "/health"));
                outputs.add(get(port, "/metrics"));
                java.time.LocalDate today = java.time.LocalDate.now(config.timeZone());
                for (ListeningReports.Format format : ListeningReports.Format.values()) {
                    outputs.add(injector.getInstance(ListeningReports.class)
                            .write(today.minusDays(1), today.plusDays(1), format, null, "cli:test").text());
                }
                injector.getInstance(RetentionJob.class).runNow();
            } finally {
                lifecycle.stop();
            }
            lines = capture.lines().stream().filter(line -> !isFakeTelegramServer(line)).toList();
        }

        assertThat(lines).as("something was logged").isNotEmpty();
        assertThat(lines).filteredOn(line -> line.text().contains(TOKEN_SECRET_PART)).isEmpty();
        assertThat(outputs).filteredOn(output -> output.contains(TOKEN_SECRET_PART)).isEmpty();
        assertThat(lines).filteredOn(line -> line.infoOrAbove() && line.text().contains("Kwartelkoning")).isEmpty();
    }

    @Test
    void telegramUnreachableLogsErrorsWithoutTheToken() throws Exception {
        List<LogCapture.Line> lines;
        try (LogCapture capture = new LogCapture()) {
            LuisterloketConfig config = config("http://127.0.0.1:1/bot", "ok");
            Injector injector = TestApplications.create(config, Clock.systemUTC(), List.of(new TelegramPollingModule()),
                    Modules.EMPTY_MODULE);
            Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
            try {
                lifecycle.start();
                FakeTelegramServer.await(capture::lines, captured -> captured.stream()
                        .anyMatch(line -> line.logger().contains("telegram") && line.infoOrAbove()), WAIT);
            } catch (RuntimeException startFailure) {
                assertThat(describe(startFailure)).doesNotContain(TOKEN_SECRET_PART);
            } finally {
                lifecycle.stop();
            }
            lines = capture.lines();
        }

        assertThat(lines).filteredOn(line -> line.text().contains(TOKEN_SECRET_PART)).isEmpty();
    }

    @Test
    void configurationErrorsNeverRepeatTheToken() throws IOException {
        Path file = directory.resolve("bad.yml");
        Files.writeString(file, "telegram:\n  enabled: true\n  mode: carrier-pigeon\n  pollTimeoutSeconds: abc\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ConfigLoader(Map.of("LUISTERLOKET_TELEGRAM_TOKEN", TOKEN)).load(file, false))
                .isInstanceOf(ConfigException.class)
                .satisfies(error -> assertThat(describe(error)).doesNotContain(TOKEN_SECRET_PART));
        Files.writeString(file, "telegram:\n  token: " + TOKEN + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class)
                .satisfies(error -> assertThat(describe(error)).doesNotContain(TOKEN_SECRET_PART));
    }

    /**
     * The JDK HTTP server logs request lines at FINE. The fake Bot API server plays Telegram, whose
     * URLs carry the token by design; the bot's own server (health, metrics, webhook) never gets the
     * token in a URL, and JUL is not routed to the bot's log output in production anyway.
     */
    private static boolean isFakeTelegramServer(LogCapture.Line line) {
        return line.logger().equals("com.sun.net.httpserver") && line.text().contains(" /bot");
    }

    private LuisterloketConfig config(String apiUrl, String name) throws IOException {
        Path root = TestDesk.repositoryRoot();
        String yaml = String.join("\n",
                "dataDirectory: " + directory.resolve(name),
                "knowledgeBase:",
                "  sampleFile: " + root.resolve("knowledge-base/sample/services.json"),
                "matching:",
                "  configDirectory: " + root.resolve("config"),
                "  answerThreshold: 0.5",
                "  clarifyThreshold: 0.3",
                "http:",
                "  host: 127.0.0.1",
                "  port: 0",
                "telegram:",
                "  enabled: true",
                "  apiUrl: " + apiUrl,
                "  pollTimeoutSeconds: 1",
                "  requestTimeoutSeconds: 2",
                "  retryBaseMillis: 20",
                "  retryMaxSeconds: 1",
                "  chatIntervalMillis: 0",
                "");
        Path file = directory.resolve(name + ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return new ConfigLoader(Map.of("LUISTERLOKET_TELEGRAM_TOKEN", TOKEN)).load(file, false);
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    /** An exception as a person or a log would see it: every message and stack frame in the chain. */
    private static String describe(Throwable error) {
        java.io.StringWriter text = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
