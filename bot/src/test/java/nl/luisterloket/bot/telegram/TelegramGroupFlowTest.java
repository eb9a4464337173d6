package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import jakarta.inject.Inject;

import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.ForumTopics;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.routing.MessageRoute;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer.SentMessage;

/** The workers' group side of the channel: forum topics, messages in topics, replies, relayed files. */
class TelegramGroupFlowTest {

    private static final long GROUP = -1001234567890L;
    private static final long AMIRA = 3003;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private FakeTelegramServer fake;
    private TelegramTestBot bot;
    private final SeenInGroup seenInGroup = new SeenInGroup();

    /** What the group route saw. */
    static final class SeenInGroup {
        final List<IncomingMessage> messages = new CopyOnWriteArrayList<>();
    }

    /** Stands in for the hand-over desk: answers every group message in its topic, replying to what it replied to. */
    static final class GroupEchoRoute implements MessageRoute {

        private final Outbox outbox;
        private final SeenInGroup seen;

        @Inject
        GroupEchoRoute(Outbox outbox, SeenInGroup seen) {
            this.outbox = outbox;
            this.seen = seen;
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public boolean accepts(Connection transaction, IncomingMessage message) {
            return !message.privateChat();
        }

        @Override
        public void handle(Connection transaction, IncomingMessage message) throws SQLException {
            seen.messages.add(message);
            outbox.enqueue(transaction, new OutgoingMessage(message.chat(), "Gezien: " + message.text(), List.of(), null,
                    message.threadId(), message.replyToMessageId(), null));
        }
    }

    @BeforeEach
    void start() {
        fake = FakeTelegramServer.start();
        bot = TelegramTestBot.pollingWith(directory, fake, new AbstractModule() {
            @Override
            protected void configure() {
                bind(SeenInGroup.class).toInstance(seenInGroup);
                Multibinder.newSetBinder(binder(), MessageRoute.class).addBinding().to(GroupEchoRoute.class);
            }
        });
    }

    @AfterEach
    void stop() {
        bot.close();
        fake.close();
    }

    @Test
    void forumTopicIsCreatedInTheWorkersGroup() {
        ForumTopics topics = bot.get(ForumTopics.class);

        String thread = topics.createTopic(new ChatAddress("telegram", Long.toString(GROUP)), "Casus 12 · geldzorgen").orElseThrow();

        assertThat(thread).isEqualTo("5001");
        assertThat(fake.forumTopics()).containsExactly("Casus 12 · geldzorgen");
    }

    @Test
    void workerMessageInATopicArrivesWithThreadAndReplyAndIsAnsweredInThatTopic() {
        fake.queueGroupText(GROUP, 77, "Fatima", "Ik bel haar <vandaag>", 5001L, 321L);

        SentMessage reply = fake.awaitSentTo(GROUP, 1).get(0);

        IncomingMessage seen = seenInGroup.messages.get(0);
        assertThat(seen.privateChat()).isFalse();
        assertThat(seen.author().userId()).isEqualTo("77");
        assertThat(seen.threadId()).isEqualTo("5001");
        assertThat(seen.replyToMessageId()).isEqualTo("321");
        assertThat(reply.threadId()).isEqualTo(5001L);
        assertThat(reply.replyToMessageId()).isEqualTo(321L);
        assertThat(reply.text()).isEqualTo("Gezien: Ik bel haar &lt;vandaag&gt;");
    }

    @Test
    void relayedPhotoIsSentAsAPhotoWithTheTextAsCaption() {
        enqueue(new OutgoingMessage(chat(AMIRA), "Van je werker: <foto>", List.of(), null, null, null, "photo:AgACfile"));

        SentMessage sent = fake.awaitSentTo(AMIRA, 1).get(0);

        assertThat(sent.method()).isEqualTo("sendphoto");
        assertThat(sent.fileId()).isEqualTo("AgACfile");
        assertThat(sent.text()).isEqualTo("Van je werker: &lt;foto&gt;");
        assertThat(sent.parseMode()).isEqualTo("HTML");
    }

    @Test
    void relayedDocumentWithATextTooLongForACaptionComesWithTheTextAfterIt() {
        String text = "Uitleg bij de brief. ".repeat(80).strip();

        enqueue(new OutgoingMessage(chat(AMIRA), text, List.of(), null, null, null, "document:BQACfile"));

        List<SentMessage> sent = fake.awaitSentTo(AMIRA, 2);
        assertThat(sent.get(0).method()).isEqualTo("senddocument");
        assertThat(sent.get(0).fileId()).isEqualTo("BQACfile");
        assertThat(sent.get(0).text()).isNull();
        assertThat(sent.get(1).method()).isEqualTo("sendmessage");
        assertThat(sent.get(1).text()).isEqualTo(text);
    }

    private void enqueue(OutgoingMessage message) {
        Outbox outbox = bot.get(Outbox.class);
        bot.database().inTransaction(transaction -> outbox.enqueue(transaction, message));
    }

    private static ChatAddress chat(long chatId) {
        return new ChatAddress("telegram", Long.toString(chatId));
    }
}
