package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.OutgoingMessage;

/** Another process holding the database's write lock for a moment delays a message; it does not lose it. */
class BusyDatabaseTest {

    private static final String RESIDENT = "600001";

    @TempDir
    Path directory;

    @Test
    void messageArrivingWhileAnotherConnectionHoldsTheWriteLockIsHandledOnceItIsReleased() throws Exception {
        ExecutorService resident = Executors.newSingleThreadExecutor();
        try (TestDesk desk = TestDesk.start(directory);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + desk.database.file())) {
            desk.say(RESIDENT, "hoi");
            try (Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");
                lock.execute("INSERT INTO channel_offsets (channel, next_offset) VALUES ('backup-tool', 1)");

                CompletableFuture<List<OutgoingMessage>> replies = CompletableFuture.supplyAsync(
                        () -> desk.say(RESIDENT, "ik kan mijn huur niet betalen"), resident);

                assertThatThrownBy(() -> replies.get(1, TimeUnit.SECONDS))
                        .as("the message waits while the lock is held").isInstanceOf(TimeoutException.class);
                lock.execute("COMMIT");
                assertThat(replies.get(30, TimeUnit.SECONDS)).isNotEmpty()
                        .allSatisfy(reply -> assertThat(reply.chat()).isEqualTo(TestDesk.chat(RESIDENT)));
            }
            assertThat(desk.count("SELECT count(*) FROM messages WHERE text = 'ik kan mijn huur niet betalen'")).isEqualTo(1);
            assertThat(desk.count("SELECT count(*) FROM channel_offsets WHERE channel = 'backup-tool'")).isEqualTo(1);
        } finally {
            resident.shutdownNow();
        }
    }
}
