package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;

/** The Telegram channel in webhook mode: registration, the secret check, exactly-once handling of posted updates. */
class TelegramWebhookTest {

    private static final long AMIRA = 2002;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private FakeTelegramServer fake;
    private TelegramTestBot bot;

    @BeforeEach
    void startFake() {
        fake = FakeTelegramServer.start();
    }

    @AfterEach
    void stopAll() {
        if (bot != null) {
            bot.close();
        }
        fake.close();
    }

    @Test
    void webhookIsRegisteredWithItsSecretAndAPostedUpdateIsAnswered() {
        bot = TelegramTestBot.webhook(directory, fake);

        FakeTelegramServer.Webhook registered = FakeTelegramServer.await(fake::webhook, Optional::isPresent, WAIT).orElseThrow();
        int status = fake.postToWebhook(webhookUrl(), TelegramTestBot.WEBHOOK_SECRET, fake.privateTextUpdate(AMIRA, "Amira", "ik heb schulden"));

        assertThat(registered.url()).isEqualTo("http://127.0.0.1:1/telegram/webhook");
        assertThat(registered.secretToken()).isEqualTo(TelegramTestBot.WEBHOOK_SECRET);
        assertThat(status).isEqualTo(200);
        fake.awaitSentTo(AMIRA, 1);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM telegram_inbox"), count -> count == 0, WAIT);
        assertThat(bot.count("SELECT count(*) FROM processed_updates")).isEqualTo(1);
    }

    @Test
    void callWithAWrongOrMissingSecretGets401AndChangesNothing() {
        bot = TelegramTestBot.webhook(directory, fake);

        int wrong = fake.postToWebhook(webhookUrl(), "not-the-secret", fake.privateTextUpdate(AMIRA, "Amira", "hallo"));
        int almost = fake.postToWebhook(webhookUrl(), TelegramTestBot.WEBHOOK_SECRET + "x", fake.privateTextUpdate(AMIRA, "Amira", "hallo"));
        int missing = fake.postToWebhook(webhookUrl(), null, fake.privateTextUpdate(AMIRA, "Amira", "hallo"));

        assertThat(wrong).isEqualTo(401);
        assertThat(almost).isEqualTo(401);
        assertThat(missing).isEqualTo(401);
        assertThat(bot.count("SELECT count(*) FROM telegram_inbox")).isZero();
        assertThat(bot.count("SELECT count(*) FROM processed_updates")).isZero();
        assertThat(bot.count("SELECT count(*) FROM residents")).isZero();
    }

    @Test
    void updateDeliveredTwiceIsHandledOnce() {
        bot = TelegramTestBot.webhook(directory, fake);
        ObjectNode update = fake.privateTextUpdate(AMIRA, "Amira", "ik heb schulden");
        update.put("update_id", 777);

        assertThat(fake.postToWebhook(webhookUrl(), TelegramTestBot.WEBHOOK_SECRET, update)).isEqualTo(200);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM processed_updates"), count -> count == 1, WAIT);
        assertThat(fake.postToWebhook(webhookUrl(), TelegramTestBot.WEBHOOK_SECRET, update)).isEqualTo(200);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM telegram_inbox"), count -> count == 0, WAIT);

        assertThat(bot.count("SELECT count(*) FROM messages WHERE direction = 'in'")).isEqualTo(1);
    }

    @Test
    void updateStoredBeforeACrashIsHandledAfterTheRestart() throws Exception {
        bot = TelegramTestBot.webhook(directory, fake);
        bot.stop();
        ObjectNode update = fake.privateTextUpdate(AMIRA, "Amira", "ik heb schulden");
        update.put("update_id", 4242);
        try (Database database = Database.open(directory.resolve("data/luisterloket.db"))) {
            database.inTransaction(transaction -> {
                try (PreparedStatement insert = transaction.prepareStatement(
                        "INSERT INTO telegram_inbox (update_id, payload_json, received_at) VALUES (?, ?, ?)")) {
                    insert.setLong(1, 4242);
                    insert.setString(2, update.toString());
                    insert.setString(3, Instant.now().toString());
                    return insert.executeUpdate();
                }
            });
        }

        bot = TelegramTestBot.webhook(directory, fake);

        fake.awaitSentTo(AMIRA, 1);
        assertThat(bot.count("SELECT count(*) FROM processed_updates WHERE update_id = 4242")).isEqualTo(1);
    }

    @Test
    void switchingToPollingRemovesTheWebhook() {
        bot = TelegramTestBot.webhook(directory, fake);
        FakeTelegramServer.await(fake::webhook, Optional::isPresent, WAIT);
        bot.stop();

        bot = TelegramTestBot.polling(directory, fake);
        fake.queuePrivateText(AMIRA, "Amira", "ik heb schulden");

        fake.awaitSentTo(AMIRA, 1);
        assertThat(fake.webhook()).isEmpty();
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + bot.httpPort() + "/telegram/webhook";
    }
}
