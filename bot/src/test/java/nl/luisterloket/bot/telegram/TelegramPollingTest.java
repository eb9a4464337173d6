package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer.SentMessage;

/** The Telegram channel in polling mode, end to end through the real client against the fake Bot API. */
class TelegramPollingTest {

    private static final long AMIRA = 1001;
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
    void residentMessageIsAnsweredWithButtonsInHtmlMode() {
        bot = TelegramTestBot.pollingOnSample(directory, fake);
        long updateId = fake.queuePrivateText(AMIRA, "Amira", "ik heb <b>schulden</b> & kan de huur niet betalen");

        List<SentMessage> sent = FakeTelegramServer.await(() -> fake.sentTo(AMIRA),
                messages -> messages.stream().anyMatch(message -> !message.buttonLabels().isEmpty()), WAIT);

        assertThat(sent).allSatisfy(message -> assertThat(message.parseMode()).isEqualTo("HTML"));
        assertThat(sent).anySatisfy(message -> assertThat(message.text()).containsAnyOf("Schuldhulpverlening", "Geldfit", "Nibud"));
        SentMessage withButtons = sent.stream().filter(message -> !message.buttonLabels().isEmpty()).findFirst().orElseThrow();
        assertThat(withButtons.buttonData()).allSatisfy(data -> assertThat(data).isNotBlank());
        assertThat(bot.count("SELECT count(*) FROM processed_updates WHERE update_id = ?", updateId)).isEqualTo(1);
        assertThat(bot.count("SELECT next_offset FROM channel_offsets WHERE channel = 'telegram'")).isEqualTo(updateId + 1);
    }

    @Test
    void buttonPressIsAlwaysAnswered() {
        bot = TelegramTestBot.pollingOnSample(directory, fake);
        fake.queuePrivateText(AMIRA, "Amira", "ik heb schulden");
        SentMessage answer = FakeTelegramServer.await(() -> fake.sentTo(AMIRA),
                messages -> messages.stream().anyMatch(message -> !message.buttonData().isEmpty()), WAIT)
                .stream().filter(message -> !message.buttonData().isEmpty()).findFirst().orElseThrow();

        fake.queueCallback(AMIRA, AMIRA, "Amira", answer.messageId(), answer.buttonData().get(0));
        fake.queueCallback(AMIRA, AMIRA, "Amira", answer.messageId(), "data-no-route-knows");

        FakeTelegramServer.await(fake::callbackAnswers, answers -> answers.size() == 2, WAIT);
    }

    @Test
    void updatesTheBotDoesNotHandleAreAcknowledgedAndSkipped() {
        bot = TelegramTestBot.polling(directory, fake);
        long pollId = fake.queueUnhandledUpdate();
        long textId = fake.queuePrivateText(AMIRA, "Amira", "hallo");

        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM processed_updates WHERE update_id IN (?, ?)", pollId, textId),
                count -> count == 2, WAIT);

        FakeTelegramServer.await(fake::confirmedOffset, offset -> offset > textId, WAIT);
        assertThat(fake.unconfirmedUpdates()).isZero();
        assertThat(bot.count("SELECT count(*) FROM telegram_inbox")).as("nothing left waiting").isZero();
    }

    @Test
    void rateLimitedSendWaitsForRetryAfterThenDelivers() {
        bot = TelegramTestBot.polling(directory, fake);
        fake.rateLimitNext("sendMessage", 1, 1);

        enqueue(OutgoingMessage.text(chat(AMIRA), "een bericht"));

        fake.awaitSentTo(AMIRA, 1);
        List<FakeTelegramServer.Call> calls = fake.calls("sendMessage");
        assertThat(calls).extracting(FakeTelegramServer.Call::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilDelivered() {
        bot = TelegramTestBot.polling(directory, fake);
        fake.failNext("sendMessage", 3, 500);

        enqueue(OutgoingMessage.text(chat(AMIRA), "een bericht"));

        fake.awaitSentTo(AMIRA, 1);
        assertThat(fake.calls("sendMessage")).extracting(FakeTelegramServer.Call::status).containsExactly(500, 500, 500, 200);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM outbox WHERE status = 'sent'"), sent -> sent == 1, WAIT);
    }

    @Test
    void telegramUnreachableForAWhileLosesNothing() {
        bot = TelegramTestBot.polling(directory, fake);
        fake.setUnreachable(true);
        for (int index = 0; index < 5; index++) {
            enqueue(OutgoingMessage.text(chat(AMIRA + index), "bericht " + index));
        }
        fake.queuePrivateText(AMIRA + 10, "Sem", "hallo");
        FakeTelegramServer.await(() -> fake.calls("sendMessage").size(), count -> count >= 10, WAIT);
        assertThat(fake.sentMessages()).isEmpty();

        fake.setUnreachable(false);

        fake.awaitSent(6);
        for (int index = 0; index < 5; index++) {
            assertThat(fake.sentTo(AMIRA + index)).extracting(SentMessage::text).containsExactly("bericht " + index);
        }
        FakeTelegramServer.await(() -> fake.sentTo(AMIRA + 10), messages -> !messages.isEmpty(), WAIT);
    }

    @Test
    void slowTelegramTimesOutAndTheMessageIsSentAgain() {
        bot = TelegramTestBot.polling(directory, fake, "requestTimeoutSeconds: 1");
        fake.delayNext("sendMessage", 1, Duration.ofMillis(2500));

        enqueue(OutgoingMessage.text(chat(AMIRA), "een bericht"));

        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM outbox WHERE status = 'sent'"), sent -> sent == 1, WAIT);
        assertThat(bot.count("SELECT attempts FROM outbox")).isGreaterThanOrEqualTo(2);
        assertThat(fake.sentTo(AMIRA)).isNotEmpty();
    }

    @Test
    void blockedBotIsMarkedOnTheResidentAndNotTriedAgain() {
        bot = TelegramTestBot.polling(directory, fake);
        fake.queuePrivateText(AMIRA, "Amira", "hallo");
        fake.awaitSentTo(AMIRA, 1);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM outbox WHERE status = 'pending'"), pending -> pending == 0, WAIT);
        fake.blockChat(AMIRA);

        enqueue(OutgoingMessage.text(chat(AMIRA), "nog een bericht"));
        FakeTelegramServer.await(() -> bot.count("SELECT blocked_bot FROM residents WHERE chat_id = ?", Long.toString(AMIRA)),
                blocked -> blocked == 1, WAIT);
        long callsAfterBlock = fake.calls("sendMessage").size();
        enqueue(OutgoingMessage.text(chat(AMIRA), "en nog een"));
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM outbox WHERE status = 'failed'"), failed -> failed == 2, WAIT);

        assertThat(fake.calls("sendMessage")).hasSize((int) callsAfterBlock);
        assertThat(fake.calls("sendMessage").stream().filter(call -> call.status() == 403)).hasSize(1);
    }

    @Test
    void residentWhoUnblockedTheBotAndWritesAgainIsAnsweredAgain() {
        bot = TelegramTestBot.polling(directory, fake);
        fake.blockChat(AMIRA);
        fake.queuePrivateText(AMIRA, "Amira", "hallo");
        FakeTelegramServer.await(() -> bot.count("SELECT blocked_bot FROM residents WHERE chat_id = ?", Long.toString(AMIRA)),
                blocked -> blocked == 1, WAIT);

        fake.unblockChat(AMIRA);
        fake.queuePrivateText(AMIRA, "Amira", "ik ben er weer");

        fake.awaitSentTo(AMIRA, 1);
        assertThat(bot.count("SELECT blocked_bot FROM residents WHERE chat_id = ?", Long.toString(AMIRA))).isZero();
    }

    @Test
    void longAnswerArrivesAsSeveralMessagesSplitOnParagraphs() {
        bot = TelegramTestBot.polling(directory, fake);
        StringBuilder text = new StringBuilder();
        int paragraph = 0;
        while (text.length() < 10_000) {
            text.append("Alinea ").append(paragraph++).append(": ").append("woord <&> ".repeat(30).strip()).append("\n\n");
        }
        String answer = text.toString().strip();

        enqueue(OutgoingMessage.withButtons(chat(AMIRA), answer, List.of(List.of(new Button("Dit helpt", "fb:helps")))));

        List<SentMessage> parts = fake.awaitSentTo(AMIRA, 3);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM outbox WHERE status = 'sent'"), sent -> sent == 1, WAIT);
        parts = fake.sentTo(AMIRA);
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(part -> {
            assertThat(unescape(part.text()).length()).isLessThanOrEqualTo(4096);
            assertThat(unescape(part.text())).startsWith("Alinea ").endsWith("<&>");
        });
        assertThat(String.join("\n\n", parts.stream().map(part -> unescape(part.text())).toList())).isEqualTo(answer);
        assertThat(parts.get(0).buttonLabels()).isEmpty();
        assertThat(parts.get(2).buttonLabels()).containsExactly("Dit helpt");
    }

    @Test
    void messageWithAnEditKeyIsEditedTheSecondTime() {
        bot = TelegramTestBot.polling(directory, fake);
        long group = -100200300L;

        enqueue(OutgoingMessage.withButtons(chat(group), "Casus 12: wacht", List.of(List.of(new Button("Oppakken", "claim:12"))))
                .withEditKey("case:12"));
        SentMessage first = fake.awaitSentTo(group, 1).get(0);
        enqueue(OutgoingMessage.text(chat(group), "Casus 12: opgepakt door Fatima").withEditKey("case:12"));

        FakeTelegramServer.Edit edit = FakeTelegramServer.await(fake::edits, edits -> !edits.isEmpty(), WAIT).get(0);
        assertThat(edit.messageId()).isEqualTo(first.messageId());
        assertThat(edit.text()).isEqualTo("Casus 12: opgepakt door Fatima");
        assertThat(fake.sentTo(group)).hasSize(1);
    }

    @Test
    void aCardUpdatedInTheRoundItWasPostedInIsEditedWhileOtherChatsAreServed() {
        // Telegram's limits taken out, so that every message is due in the same round
        bot = TelegramTestBot.polling(directory, fake, "chatIntervalMillis: 0", "messagesPerSecond: 10000");
        long group = -100200300L;
        int residents = 90;

        // one round: replies to many residents, sent side by side, and a case card posted and updated at once
        Outbox outbox = bot.get(Outbox.class);
        bot.database().inTransaction(transaction -> {
            for (int index = 0; index < residents; index++) {
                outbox.enqueue(transaction, OutgoingMessage.text(chat(AMIRA + index), "antwoord " + index));
                if (index == residents / 2) {
                    outbox.enqueue(transaction, OutgoingMessage.text(chat(group), "Casus 13: wacht").withEditKey("case:13"));
                }
            }
            outbox.enqueue(transaction, OutgoingMessage.text(chat(group), "Casus 13: opgepakt door Fatima").withEditKey("case:13"));
            return null;
        });

        FakeTelegramServer.Edit edit = FakeTelegramServer.await(fake::edits, edits -> !edits.isEmpty(), WAIT).get(0);
        assertThat(edit.text()).isEqualTo("Casus 13: opgepakt door Fatima");
        assertThat(fake.sentTo(group)).singleElement().satisfies(card -> assertThat(card.messageId()).isEqualTo(edit.messageId()));
        assertThat(fake.awaitSent(residents + 1)).hasSize(residents + 1);
        assertThat(FakeTelegramServer.await(() -> bot.database().read(outbox::pendingCount), pending -> pending == 0, WAIT)).isZero();
    }

    @Test
    void messagesToOneChatKeepTheirOrderAndTheChatInterval() {
        bot = TelegramTestBot.polling(directory, fake, "chatIntervalMillis: 200");
        for (int index = 0; index < 4; index++) {
            enqueue(OutgoingMessage.text(chat(AMIRA), "bericht " + index));
        }

        List<SentMessage> sent = fake.awaitSentTo(AMIRA, 4);

        assertThat(sent).extracting(SentMessage::text).containsExactly("bericht 0", "bericht 1", "bericht 2", "bericht 3");
        // The sender starts a message at least one interval after it started the one before, but the fake server only
        // sees when a request arrives, and a loaded machine delays arrivals unevenly: adjacent arrival gaps may be a
        // little under the interval. Message i-2 arrived before message i-1 was started (one sender, one chat, in
        // order), and i started at least one interval after i-1, so arrivals two apart are a full interval apart.
        for (int index = 2; index < sent.size(); index++) {
            assertThat(Duration.between(sent.get(index - 2).at(), sent.get(index).at()))
                    .as("arrival of message %d after message %d", index, index - 2)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
        assertThat(Duration.between(sent.get(0).at(), sent.get(3).at())).as("four messages take at least two intervals")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aSlowTelegramServesSeveralChatsAtTheSameTime() {
        bot = TelegramTestBot.polling(directory, fake);
        fake.delayNext("sendMessage", 4, Duration.ofMillis(700));
        enqueueTogether(4, index -> OutgoingMessage.text(chat(AMIRA + index), "bericht " + index));

        List<SentMessage> sent = fake.awaitSent(4);

        assertThat(sent).extracting(SentMessage::chatId).containsExactlyInAnyOrder(
                Long.toString(AMIRA), Long.toString(AMIRA + 1), Long.toString(AMIRA + 2), Long.toString(AMIRA + 3));
        // one at a time, the last would arrive three delays after the first
        assertThat(Duration.between(sent.get(0).at(), sent.get(3).at())).as("sent side by side, not one after the other")
                .isLessThan(Duration.ofMillis(700));
    }

    @Test
    void sendingSideBySideKeepsTheOverallLimit() {
        bot = TelegramTestBot.polling(directory, fake, "messagesPerSecond: 2");
        enqueueTogether(6, index -> OutgoingMessage.text(chat(AMIRA + index), "bericht " + index));

        List<SentMessage> sent = fake.awaitSent(6);

        // two a second: the fifth and sixth may go two seconds after the first two (a little less by the time the
        // requests take to arrive)
        assertThat(Duration.between(sent.get(0).at(), sent.get(5).at())).as("six messages at two a second")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void stoppingAndStartingAgainHandlesEveryUpdateOnce() {
        bot = TelegramTestBot.polling(directory, fake);
        for (int index = 0; index < 5; index++) {
            fake.queuePrivateText(AMIRA + index, "Bewoner", "vraag " + index);
        }
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM processed_updates"), count -> count == 5, WAIT);
        bot.stop();
        for (int index = 5; index < 8; index++) {
            fake.queuePrivateText(AMIRA + index, "Bewoner", "vraag " + index);
        }

        bot = TelegramTestBot.polling(directory, fake);

        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM processed_updates"), count -> count == 8, WAIT);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM outbox WHERE status = 'pending'"), count -> count == 0, WAIT);
        assertThat(bot.count("SELECT count(*) FROM messages WHERE direction = 'in'")).isEqualTo(8);
        assertThat(bot.count("SELECT count(DISTINCT chat_id) FROM residents")).isEqualTo(8);
    }

    @Test
    void anUpdateStoredButNotHandledBeforeACrashIsHandledFirstAndPollingResumesPastIt() {
        bot = TelegramTestBot.polling(directory, fake);
        bot.stop();
        // the poller had stored the update before the fake's first and asked Telegram past it, so Telegram will not send it again
        long storedId = FakeTelegramServer.FIRST_UPDATE_ID - 1;
        com.fasterxml.jackson.databind.node.ObjectNode stored = fake.privateTextUpdate(AMIRA, "Amira", "ik heb schulden");
        stored.put("update_id", storedId);
        try (nl.luisterloket.bot.storage.Database database = nl.luisterloket.bot.storage.Database.open(
                directory.resolve("data/luisterloket.db"))) {
            database.inTransaction(transaction -> {
                new UpdateInbox(java.time.Clock.systemUTC()).store(transaction, storedId, stored.toString());
                return null;
            });
        }
        fake.queuePrivateText(AMIRA, "Amira", "en ik kan de huur niet betalen");

        bot = TelegramTestBot.polling(directory, fake);

        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM processed_updates"), count -> count == 2, WAIT);
        FakeTelegramServer.await(() -> bot.count("SELECT count(*) FROM telegram_inbox"), count -> count == 0, WAIT);
        assertThat(bot.count("SELECT count(*) FROM messages WHERE direction = 'in' AND text = 'ik heb schulden'"
                + " AND id < (SELECT id FROM messages WHERE text = 'en ik kan de huur niet betalen')")).as("the stored one first").isEqualTo(1);
        assertThat(bot.count("SELECT count(*) FROM messages WHERE direction = 'in'")).isEqualTo(2);
    }

    /** Enqueues all in one transaction, so the sender finds them due in one round. */
    private void enqueueTogether(int count, java.util.function.IntFunction<OutgoingMessage> message) {
        Outbox outbox = bot.get(Outbox.class);
        bot.database().inTransaction(transaction -> {
            for (int index = 0; index < count; index++) {
                outbox.enqueue(transaction, message.apply(index));
            }
            return null;
        });
    }

    private void enqueue(OutgoingMessage message) {
        Outbox outbox = bot.get(Outbox.class);
        bot.database().inTransaction(transaction -> outbox.enqueue(transaction, message));
    }

    private static ChatAddress chat(long chatId) {
        return new ChatAddress("telegram", Long.toString(chatId));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
