package nl.luisterloket.bot.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;

import nl.luisterloket.bot.TestApplications;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.http.HttpModule;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.bot.telegram.TelegramPollingModule;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer;
import nl.luisterloket.bot.telegram.fake.FakeTelegramServer.SentMessage;
import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.understanding.Decision;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Understanding;

/** The group flow through the real Telegram channel against the in-process fake Bot API server. */
class HandoverTelegramEndToEndTest {

    private static final long GROUP = -100200L;
    private static final long SANNE = 111L;
    private static final long AMINA = 9001L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    @Test
    void claimPressedInTheGroupEditsTheCaseMessageAndTellsTheResident() throws Exception {
        try (FakeTelegramServer fake = FakeTelegramServer.start()) {
            Injector injector = TestApplications.create(config(fake), Clock.systemUTC(),
                    List.of(new HttpModule(), new TelegramPollingModule()), new NoKnowledgeModule());
            Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
            lifecycle.start();
            try {
                Database database = injector.getInstance(Database.class);
                HandoverDesk desk = injector.getInstance(HandoverDesk.class);
                database.inTransaction(transaction -> {
                    try (PreparedStatement insert = transaction.prepareStatement(
                            "INSERT INTO residents (channel, chat_id, first_name, language, created_at, last_seen_at)"
                                    + " VALUES ('telegram', ?, 'Amina', 'nl', '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z')")) {
                        insert.setString(1, String.valueOf(AMINA));
                        insert.executeUpdate();
                    }
                    desk.requestHandover(transaction, new HandoverRequest(1, 0, new ChatAddress("telegram", String.valueOf(AMINA)),
                            "Amina", "nl", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of(), null));
                    return null;
                });
                SentMessage question = fake.awaitSentTo(AMINA, 1).get(0);
                assertThat(question.buttonData()).containsExactly("consent:yes:1", "consent:no:1");
                fake.queueCallback(AMINA, AMINA, "Amina", question.messageId(), "consent:yes:1");
                SentMessage card = fake.awaitSentTo(GROUP, 1).get(0);
                assertThat(card.text()).contains("Zaak 1", "Bewoner: Amina", "Status: wacht op oppakken");
                assertThat(card.buttonData()).containsExactly("case:claim:1", "case:details:1");
                fake.queueCallback(GROUP, SANNE, "Sanne", card.messageId(), "case:claim:1");

                FakeTelegramServer.Edit edit = FakeTelegramServer.await(fake::edits,
                        edits -> edits.stream().anyMatch(e -> e.text().contains("opgepakt door Sanne")), WAIT).stream()
                        .filter(e -> e.text().contains("opgepakt door Sanne")).findFirst().orElseThrow();
                assertThat(edit.chatId()).isEqualTo(String.valueOf(GROUP));
                assertThat(edit.messageId()).isEqualTo(card.messageId());
                assertThat(fake.sentTo(GROUP)).hasSize(1);
                List<SentMessage> toAmina = FakeTelegramServer.await(() -> fake.sentTo(AMINA),
                        sent -> sent.stream().anyMatch(message -> message.text().startsWith("Je praat nu met Sanne")), WAIT);
                assertThat(toAmina).extracting(SentMessage::text).contains("Je praat nu met Sanne van Buurtteam Noord."
                        + " Sanne leest je berichten en antwoordt hier.");
            } finally {
                lifecycle.stop();
            }
        }
    }

    /** The hand-over does not need the matcher; leaving its index out keeps this test to a few seconds. */
    private static final class NoKnowledgeModule extends AbstractModule {

        @Override
        protected void configure() {
            bind(MessageUnderstanding.class).toInstance((text, context) ->
                    new Understanding(Decision.NO_MATCH, List.of(), Set.of(), List.of(), "nl", Set.of(), null));
            bind(ServiceDirectory.class).toInstance(new ServiceDirectory() {
                @Override
                public void replaceAll(Collection<Service> services) {
                }

                @Override
                public void upsert(Service service) {
                }

                @Override
                public void remove(String id) {
                }

                @Override
                public Optional<Service> find(String id) {
                    return Optional.empty();
                }

                @Override
                public List<Service> all() {
                    return List.of();
                }
            });
        }
    }

    private LuisterloketConfig config(FakeTelegramServer fake) throws Exception {
        String yaml = String.join("\n",
                "dataDirectory: " + directory.resolve("data"),
                "knowledgeBase:",
                "  sampleFile: " + directory.resolve("no-sample.json"),
                "http:",
                "  host: 127.0.0.1",
                "  port: 0",
                "telegram:",
                "  enabled: true",
                "  apiUrl: " + fake.apiUrl(),
                "  pollTimeoutSeconds: 1",
                "  requestTimeoutSeconds: 2",
                "  retryBaseMillis: 20",
                "  retryMaxSeconds: 1",
                "  chatIntervalMillis: 0",
                "handover:",
                "  teams:",
                "    - name: Buurtteam Noord",
                "      groupChatId: \"" + GROUP + "\"",
                "      members: [{telegramUserId: \"" + SANNE + "\", firstName: Sanne}]",
                "      lifeDomains: [wonen]",
                "");
        Path file = directory.resolve("luisterloket.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return new ConfigLoader(Map.of("LUISTERLOKET_TELEGRAM_TOKEN", FakeTelegramServer.TOKEN)).load(file, false);
    }
}
