package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.luisterloket.bot.Main;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer.SentMessage;

/**
 * The real program ({@code luisterloket run}) in a child process, killed with SIGKILL in the middle
 * of a burst of residents' messages, then started again: every update is handled exactly once and
 * every reply reaches Telegram. Then SIGTERM stops it cleanly.
 */
class TelegramProcessRestartTest {

    private static final int RESIDENTS = 25;
    private static final int MESSAGES_EACH = 2;
    private static final int UPDATES = RESIDENTS * MESSAGES_EACH;
    private static final long FIRST_RESIDENT = 50_000;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> QUESTIONS = List.of("ik heb schulden", "mijn huur is te hoog", "ik voel me eenzaam",
            "hulp bij formulieren", "mijn zoon spijbelt", "ik zoek werk", "hallo");

    @TempDir
    Path directory;

    private FakeTelegramServer fake;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void startFake() {
        fake = FakeTelegramServer.start();
        fake.setMaxPollWait(Duration.ofMillis(500));
    }

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
        fake.close();
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void processKilledDuringABurstHandlesEveryUpdateOnceAndSendsEveryReplyAfterRestart() throws Exception {
        Process first = launch("first");
        for (int message = 0; message < MESSAGES_EACH; message++) {
            for (int resident = 0; resident < RESIDENTS; resident++) {
                fake.queuePrivateText(FIRST_RESIDENT + resident, "Bewoner" + resident,
                        QUESTIONS.get((resident + message) % QUESTIONS.size()) + " (" + message + ")");
            }
        }
        FakeTelegramServer.await(this::processedUpdates, count -> count >= 6, WAIT);
        FakeTelegramServer.await(() -> fake.sentMessages().size(), count -> count >= 2, WAIT);
        first.destroyForcibly();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        long handledBeforeTheKill = processedUpdates();

        Process second = launch("second");
        FakeTelegramServer.await(this::processedUpdates, count -> count == UPDATES, WAIT);
        FakeTelegramServer.await(() -> countOrMinusOne("SELECT count(*) FROM outbox WHERE status <> 'sent'"), count -> count == 0, WAIT);
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(handledBeforeTheKill).as("killed in the middle of the burst").isLessThan(UPDATES);
        assertThat(count("SELECT count(DISTINCT update_id) FROM processed_updates")).isEqualTo(UPDATES);
        assertThat(count("SELECT count(*) FROM messages WHERE direction = 'in'")).as("each message handled once").isEqualTo(UPDATES);
        assertThat(count("SELECT count(*) FROM residents")).isEqualTo(RESIDENTS);
        assertEveryReplyArrivedAndOnlyThoseInFlightTwice();
        assertThat(log("first") + log("second")).doesNotContain(FakeTelegramServer.TOKEN);
        assertThat(log("second")).doesNotContain("ERROR");
    }

    private void assertEveryReplyArrivedAndOnlyThoseInFlightTwice() throws SQLException, IOException {
        Map<String, List<String>> queued = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("SELECT chat_id, payload_json FROM outbox ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                JsonNode payload = json.readTree(rows.getString(2));
                queued.computeIfAbsent(rows.getString(1), chat -> new ArrayList<>()).add(payload.get("text").asText().strip());
            }
        }
        Map<String, List<String>> delivered = fake.sentMessages().stream().collect(Collectors.groupingBy(SentMessage::chatId,
                LinkedHashMap::new, Collectors.mapping(message -> unescape(message.text()), Collectors.toList())));
        for (Map.Entry<String, List<String>> chat : queued.entrySet()) {
            List<String> received = delivered.getOrDefault(chat.getKey(), List.of());
            List<String> withoutRepeats = new ArrayList<>();
            int duplicates = 0;
            for (String text : received) {
                if (!withoutRepeats.isEmpty() && withoutRepeats.get(withoutRepeats.size() - 1).equals(text)) {
                    duplicates++;
                } else {
                    withoutRepeats.add(text);
                }
            }
            assertThat(withoutRepeats).as("replies to chat %s, in order", chat.getKey()).isEqualTo(chat.getValue());
            // a chat's next reply goes only once the one before is marked sent: a reply sent and not yet marked at the
            // kill may arrive twice, right after itself, and no other reply of that chat
            assertThat(duplicates).as("replies to chat %s that arrived twice", chat.getKey()).isLessThanOrEqualTo(1);
        }
    }

    private Process launch(String name) throws IOException {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(javaBinary, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, Main.class.getName(),
                "run", "--config", TelegramTestBot.shippedConfig().toString());
        builder.environment().putAll(TelegramTestBot.environment(directory, fake, "polling", "chatIntervalMillis: 0"));
        builder.environment().put("LUISTERLOKET_LOG_LEVEL", "DEBUG");
        builder.redirectErrorStream(true);
        builder.redirectOutput(directory.resolve(name + ".log").toFile());
        builder.directory(new File(System.getProperty("user.dir")));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private String log(String name) throws IOException {
        return Files.readString(directory.resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    private long processedUpdates() {
        return countOrMinusOne("SELECT count(*) FROM processed_updates");
    }

    /** While the child creates the database, a query may fail: that reads as -1, "not yet". */
    private long countOrMinusOne(String sql) {
        try {
            return count(sql);
        } catch (SQLException e) {
            return -1;
        }
    }

    private long count(String sql) throws SQLException {
        if (!Files.exists(databaseFile())) {
            return -1;
        }
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
        }
        return connection;
    }

    private Path databaseFile() {
        return directory.resolve("data/luisterloket.db");
    }

    private static String unescape(String html) {
        return html == null ? "" : html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&").strip();
    }
}
