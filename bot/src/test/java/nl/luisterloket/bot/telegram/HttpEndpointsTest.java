package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;

/** {@code /health} and {@code /metrics} of a running bot. */
class HttpEndpointsTest {

    @TempDir
    Path directory;

    private final HttpClient client = HttpClient.newHttpClient();
    private FakeTelegramServer fake;
    private TelegramTestBot bot;

    @BeforeEach
    void start() {
        fake = FakeTelegramServer.start();
        bot = TelegramTestBot.polling(directory, fake);
    }

    @AfterEach
    void stop() {
        bot.close();
        fake.close();
    }

    @Test
    void healthSaysOkWhileTheDatabaseAnswers() throws Exception {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void metricsCountMessagesAndShowTheQueueInPrometheusFormat() throws Exception {
        fake.queuePrivateText(4004, "Sem", "ik heb schulden");
        fake.awaitSentTo(4004, 1);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM outbox WHERE status = 'pending'"), pending -> pending == 0,
                Duration.ofSeconds(10));

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("# TYPE luisterloket_messages_in_total counter")
                .contains("\nluisterloket_messages_in_total 1\n")
                .containsPattern("\nluisterloket_messages_out_total [1-9]")
                .contains("\nluisterloket_outbox_pending 0\n")
                .containsPattern("\nluisterloket_outbox_oldest_pending_age_seconds 0(\\.0)?\n")
                .contains("\nluisterloket_cases_open 0\n")
                .containsPattern("\nluisterloket_search_latency_seconds_count [1-9]")
                .contains("\nluisterloket_message_handling_seconds_count 1\n");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertThat(get("/health/extra").statusCode()).isEqualTo(404);
        assertThat(get("/admin").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
