package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pengrad.telegrambot.utility.BotUtils;

import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.http.Metrics;
import nl.luisterloket.bot.storage.Database;

/** Updates written together in one transaction: each once, in order, and one that fails costs the others nothing. */
class UpdateProcessorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private Database database;
    private final List<String> handled = new ArrayList<>();
    private UpdateProcessor processor;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("luisterloket.db"));
        IncomingMessageHandler handler = this::handle;
        processor = new UpdateProcessor(database, handler, new UpdateLedger(CLOCK), new UpdateTranslator(), mock(TelegramApi.class),
                new Metrics(), CLOCK, new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), RandomGenerator.getDefault()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Writes the text as a row; "kapot" writes its row, then fails every time. */
    private void handle(IncomingMessage message) {
        database.inTransaction(transaction -> {
            try (PreparedStatement insert = transaction.prepareStatement(
                    "INSERT INTO channel_offsets (channel, next_offset) VALUES (?, 0)")) {
                insert.setString(1, "text:" + message.text());
                insert.executeUpdate();
            }
            if (message.text().equals("kapot")) {
                throw new IllegalStateException("this message always fails");
            }
            handled.add(message.text());
            return null;
        });
    }

    @Test
    void updatesWrittenTogetherAreEachHandledOnceAndInOrder() {
        List<UpdateProcessor.Translated> updates = List.of(text(1, "eerste"), text(2, "tweede"), text(3, "derde"));

        assertThat(processor.processTogether(updates, update -> transaction -> { })).isEqualTo(3);
        assertThat(processor.processTogether(updates, update -> transaction -> { })).as("handled before: skipped").isEqualTo(3);

        assertThat(handled).containsExactly("eerste", "tweede", "derde");
        assertThat(processedUpdates()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aFailingUpdateStopsTheBatchBeforeItAndLeavesNoTraceWhileTheOnesBeforeItAreCommitted() {
        List<UpdateProcessor.Translated> updates = List.of(text(1, "eerste"), text(2, "kapot"), text(3, "derde"));

        int together = processor.processTogether(updates, update -> transaction -> { });

        assertThat(together).isEqualTo(1);
        assertThat(handled).containsExactly("eerste");
        assertThat(rows()).containsExactly("text:eerste");
        assertThat(processedUpdates()).containsExactly(1L);

        processor.process(updates.get(1), transaction -> { });
        assertThat(processor.processTogether(updates.subList(2, 3), update -> transaction -> { })).isEqualTo(1);

        assertThat(handled).as("the failing one is skipped after its attempts; the next keeps its turn").containsExactly("eerste", "derde");
        assertThat(rows()).containsExactly("text:derde", "text:eerste");
        assertThat(processedUpdates()).containsExactly(1L, 2L, 3L);
    }

    private UpdateProcessor.Translated text(long updateId, String text) {
        String json = "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1795000000,"
                + "\"chat\":{\"id\":1001,\"type\":\"private\"},\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"Amira\"},"
                + "\"text\":\"" + text + "\"}}";
        return processor.translate(BotUtils.parseUpdate(json));
    }

    private List<String> rows() {
        return strings("SELECT channel FROM channel_offsets WHERE channel LIKE 'text:%' ORDER BY channel");
    }

    private List<Long> processedUpdates() {
        return strings("SELECT update_id FROM processed_updates ORDER BY update_id").stream().map(Long::valueOf).toList();
    }

    private List<String> strings(String sql) {
        return database.read(connection -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
