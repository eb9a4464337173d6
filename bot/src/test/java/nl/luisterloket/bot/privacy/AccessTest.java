package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.handover.HandoverDesk;
import nl.luisterloket.bot.handover.HandoverRequest;
import nl.luisterloket.bot.handover.HandoverTrigger;

/**
 * Who may see what, across features and through the whole application: roles come from the
 * database, a removed worker loses access at once, residents only ever see their own data, and
 * every view of a case's transcript is audited.
 */
class AccessTest {

    private static final String GROUP = "-100200";
    private static final String SANNE = "111";
    private static final String AHMED = "222";
    private static final String FATIMA = "333";
    private static final String STRANGER = "999";
    private static final String AMINA = "700001";
    private static final String BRAM = "700002";
    private static final String AMINA_WORDS = "de deurwaarder Roerdomp staat morgen voor de deur";

    @TempDir
    Path directory;

    private TestDesk desk;
    private long caseId;

    @BeforeEach
    void startWithAQueuedCase() {
        desk = TestDesk.start(directory, String.join("\n",
                "handover:",
                "  teams:",
                "    - name: buurtteam",
                "      groupChatId: \"" + GROUP + "\"",
                "      members:",
                "        - {telegramUserId: \"" + SANNE + "\", firstName: Sanne}",
                "        - {telegramUserId: \"" + AHMED + "\", firstName: Ahmed}",
                "access:",
                "  admins:",
                "    - {telegramUserId: \"" + FATIMA + "\", firstName: Fatima}",
                "privacy:",
                "  floodLimitPerMinute: 1000",
                ""), Map.of());
        desk.say(AMINA, "hoi");
        desk.say(AMINA, AMINA_WORDS);
        desk.say(BRAM, "hallo, ik zoek een huisarts");
        caseId = requestPerson(AMINA);
        desk.press(AMINA, "consent:yes:" + caseId);
        assertThat(caseStatus()).isEqualTo("queued");
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void someoneWhoIsNotAWorkerCannotClaimOrReadACase() {
        List<OutgoingMessage> strangerInGroup = pressInGroup(STRANGER, "case:claim:" + caseId);
        List<OutgoingMessage> strangerDetails = pressInGroup(STRANGER, "case:details:" + caseId);
        List<OutgoingMessage> residentClaims = desk.press(BRAM, "case:claim:" + caseId);
        List<OutgoingMessage> residentDetails = desk.press(BRAM, "case:details:" + caseId);
        List<OutgoingMessage> residentCommand = desk.say(BRAM, "/zaak " + caseId);

        assertThat(caseStatus()).isEqualTo("queued");
        assertThat(desk.column("SELECT worker_id FROM cases WHERE id = ?", caseId)).containsOnlyNulls();
        List<OutgoingMessage> all = new ArrayList<>();
        List.of(strangerInGroup, strangerDetails, residentClaims, residentDetails, residentCommand).forEach(all::addAll);
        assertThat(all).isNotEmpty().noneSatisfy(message -> assertThat(message.text()).contains("Roerdomp"));
        assertThat(desk.column("SELECT action FROM audit_log WHERE case_id = ? AND actor LIKE 'telegram:%'", caseId))
                .contains("case.claim.refused", "case.view.refused");
        assertThat(desk.count("SELECT count(*) FROM audit_log WHERE action = 'case.view' AND case_id = ?", caseId)).isZero();
    }

    @Test
    void removedWorkerLosesAccessAtOnceAndTheirCaseGoesBackToTheQueue() {
        pressInGroup(SANNE, "case:claim:" + caseId);
        assertThat(caseStatus()).isEqualTo("claimed");

        desk.deliver(IncomingMessage.text(new ChatAddress(TestDesk.CHANNEL, FATIMA), new Author(FATIMA, "Fatima", "nl"),
                "/verwijder " + SANNE, desk.clock.instant()));

        assertThat(caseStatus()).isEqualTo("queued");
        assertThat(desk.column("SELECT worker_id FROM cases WHERE id = ?", caseId)).containsOnlyNulls();
        List<OutgoingMessage> details = desk.deliver(IncomingMessage.callback(new ChatAddress(TestDesk.CHANNEL, SANNE),
                new Author(SANNE, "Sanne", "nl"), "case:details:" + caseId, "cb-sanne", desk.clock.instant()));
        List<OutgoingMessage> relay = desk.deliver(IncomingMessage.text(new ChatAddress(TestDesk.CHANNEL, SANNE),
                new Author(SANNE, "Sanne", "nl"), "Hoi Amina, ik bel je morgen", desk.clock.instant()));
        List<OutgoingMessage> claimAgain = pressInGroup(SANNE, "case:claim:" + caseId);
        assertThat(details).noneSatisfy(message -> assertThat(message.text()).contains("Roerdomp"));
        assertThat(relay).noneSatisfy(message -> assertThat(message.chat()).isEqualTo(TestDesk.chat(AMINA)));
        assertThat(claimAgain).noneSatisfy(message -> assertThat(message.text()).contains("Roerdomp"));
        assertThat(caseStatus()).isEqualTo("queued");

        pressInGroup(AHMED, "case:claim:" + caseId);
        assertThat(desk.column("SELECT w.first_name FROM cases c JOIN workers w ON w.id = c.worker_id WHERE c.id = ?", caseId))
                .containsExactly("Ahmed");
    }

    @Test
    void everyViewOfACaseTranscriptInAPrivateChatIsAudited() {
        List<OutgoingMessage> sent = new ArrayList<>(pressInGroup(SANNE, "case:claim:" + caseId));
        sent.addAll(desk.deliver(IncomingMessage.callback(new ChatAddress(TestDesk.CHANNEL, SANNE), new Author(SANNE, "Sanne", "nl"),
                "case:details:" + caseId, "cb-details", desk.clock.instant())));
        sent.addAll(pressInGroup(SANNE, "case:details:" + caseId));

        long transcriptsToStaff = sent.stream()
                .filter(message -> message.chat().chatId().equals(SANNE) || message.chat().chatId().equals(AHMED))
                .filter(message -> message.text().contains("Roerdomp"))
                .count();
        List<String> views = desk.column("SELECT actor FROM audit_log WHERE action = 'case.view' AND case_id = ?", caseId);
        assertThat(transcriptsToStaff).isGreaterThanOrEqualTo(2);
        assertThat(views).hasSize((int) transcriptsToStaff).allSatisfy(actor -> assertThat(actor).startsWith("worker:"));
    }

    @Test
    void residentNeverSeesAWorkersNoteNorAnotherResidentsWords() {
        pressInGroup(SANNE, "case:claim:" + caseId);
        desk.deliver(IncomingMessage.text(new ChatAddress(TestDesk.CHANNEL, SANNE), new Author(SANNE, "Sanne", "nl"),
                "/notitie vermoedt Sneeuwuil-schulden, voorzichtig", desk.clock.instant()));
        assertThat(desk.count("SELECT count(*) FROM case_notes WHERE text LIKE '%Sneeuwuil%'")).isEqualTo(1);

        List<OutgoingMessage> aminaData = desk.say(AMINA, "/mijngegevens");
        List<OutgoingMessage> bramData = desk.say(BRAM, "/mijngegevens");

        List<OutgoingMessage> toAmina = aminaData.stream().filter(message -> message.chat().equals(TestDesk.chat(AMINA))).toList();
        List<OutgoingMessage> toBram = bramData.stream().filter(message -> message.chat().equals(TestDesk.chat(BRAM))).toList();
        assertThat(toAmina).isNotEmpty().allSatisfy(message -> assertThat(message.text()).doesNotContain("Sneeuwuil", "huisarts"));
        assertThat(String.join("\n", toAmina.stream().map(OutgoingMessage::text).toList())).contains("Roerdomp");
        assertThat(toBram).isNotEmpty().allSatisfy(message -> assertThat(message.text()).doesNotContain("Sneeuwuil", "Roerdomp", AMINA));
    }

    @Test
    void residentForgottenDuringAClaimedCaseLeavesNoTraceOfTheirWordsOrIdsAnywhere() {
        pressInGroup(SANNE, "case:claim:" + caseId);
        desk.deliver(IncomingMessage.text(new ChatAddress(TestDesk.CHANNEL, SANNE), new Author(SANNE, "Sanne", "nl"),
                "Hoi Amina, wanneer komt de deurwaarder precies?", desk.clock.instant()));
        desk.say(AMINA, "morgen om negen uur, Roerdomp zei dat hij de meubels meeneemt");
        desk.deliver(IncomingMessage.text(new ChatAddress(TestDesk.CHANNEL, SANNE), new Author(SANNE, "Sanne", "nl"),
                "/notitie Roerdomp-zaak: morgen bellen", desk.clock.instant()));
        long aminaId = Long.parseLong(desk.column("SELECT resident_id FROM cases WHERE id = ?", caseId).get(0));

        desk.say(AMINA, "/vergeet");
        desk.press(AMINA, PrivacyCommandRoute.FORGET_YES);

        List<String> leftovers = desk.database.read(connection -> ForgetMeTest.rowsMentioning(connection, aminaId, AMINA, "Roerdomp", caseId));
        assertThat(leftovers).singleElement().asString().startsWith("outbox:").contains("chat_id=" + AMINA);
        assertThat(desk.count("SELECT count(*) FROM residents WHERE chat_id = ?", BRAM)).isEqualTo(1);
    }

    private long requestPerson(String chatId) {
        return desk.database.inTransaction(transaction -> {
            long residentId = Long.parseLong(TestDesk.column(transaction, "SELECT id FROM residents WHERE chat_id = ?", chatId).get(0));
            long conversationId = Long.parseLong(TestDesk.column(transaction,
                    "SELECT max(id) FROM conversations WHERE resident_id = ?", residentId).get(0));
            desk.injector.getInstance(HandoverDesk.class).requestHandover(transaction, new HandoverRequest(residentId, conversationId,
                    TestDesk.chat(chatId), "Amina", "nl", HandoverTrigger.ASKED_FOR_PERSON, List.of("geld"), List.of(), null));
            return Long.parseLong(TestDesk.column(transaction, "SELECT max(id) FROM cases WHERE resident_id = ?", residentId).get(0));
        });
    }

    private List<OutgoingMessage> pressInGroup(String userId, String data) {
        return desk.deliver(new IncomingMessage(new ChatAddress(TestDesk.CHANNEL, GROUP), new Author(userId, "Iemand", "nl"),
                MessageKind.CALLBACK, "", data, "cb-" + userId + "-" + data, null, null, null, null, false, desk.clock.instant()));
    }

    private String caseStatus() {
        return desk.column("SELECT status FROM cases WHERE id = ?", caseId).get(0);
    }
}
