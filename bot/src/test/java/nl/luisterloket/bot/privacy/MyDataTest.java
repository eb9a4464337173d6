package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.OutgoingMessage;

class MyDataTest {

    private static final String RESIDENT = "770011223";
    private static final String NEIGHBOUR = "880022334";
    private static final Messages TEXTS = new Messages("privacy", "nl");

    @TempDir
    Path directory;

    @Test
    void myDataSendsASummaryAndEverythingStoredAboutTheResidentAsJson() throws Exception {
        try (TestDesk desk = TestDesk.start(directory)) {
            desk.say(RESIDENT, "hoi");
            desk.say(RESIDENT, "ik heb een brief van de belasting die ik niet snap");
            long residentId = Long.parseLong(desk.column("SELECT id FROM residents WHERE chat_id = ?", RESIDENT).get(0));
            ForgetMeTest.seedCaseWithEverythingAround(desk, residentId, "Interne notitie: lijkt gespannen", "belasting");

            List<OutgoingMessage> replies = desk.say(RESIDENT, "/mijngegevens");

            assertThat(replies).hasSize(2).allSatisfy(reply -> assertThat(reply.chat()).isEqualTo(TestDesk.chat(RESIDENT)));
            long messages = desk.count("SELECT count(*) FROM messages");
            assertThat(replies.get(0).text()).isEqualTo(TEXTS.text("nl", "export.summary", 1, messages, 1, 90));
            JsonNode document = new ObjectMapper().readTree(replies.get(1).text());
            assertThat(document.at("/resident/chat_id").asText()).isEqualTo(RESIDENT);
            assertThat(document.at("/resident/first_name").asText()).isEqualTo("Bewoner" + RESIDENT);
            assertThat(document.at("/conversations/0/messages").findValuesAsText("text"))
                    .contains("hoi", "ik heb een brief van de belasting die ik niet snap");
            // the conversation keeps its own suggestions and follow-ups next to the seeded ones
            assertThat(document.at("/conversations/0/suggestions").findValuesAsText("service_id")).contains("schuldhulp");
            assertThat(document.at("/follow_ups").findValuesAsText("service_id")).contains("schuldhulp");
            assertThat(document.at("/cases/0/trigger").asText()).isEqualTo("asked_for_person");
            assertThat(document.at("/cases/0").has("worker_id")).isFalse();
        }
    }

    @Test
    void myDataNeverShowsWorkersNotesOrAnotherResident() {
        try (TestDesk desk = TestDesk.start(directory)) {
            desk.say(RESIDENT, "hoi");
            desk.say(NEIGHBOUR, "hallo, mijn geheim van de buurvrouw");
            long residentId = Long.parseLong(desk.column("SELECT id FROM residents WHERE chat_id = ?", RESIDENT).get(0));
            long neighbourId = Long.parseLong(desk.column("SELECT id FROM residents WHERE chat_id = ?", NEIGHBOUR).get(0));
            ForgetMeTest.seedCaseWithEverythingAround(desk, residentId, "Interne notitie over bewoner", "hoi");
            ForgetMeTest.seedCaseWithEverythingAround(desk, neighbourId, "Notitie over de buurvrouw", "buurvrouw");

            List<OutgoingMessage> replies = desk.say(RESIDENT, "/mijngegevens");

            String everything = String.join("\n", replies.stream().map(OutgoingMessage::text).toList());
            assertThat(everything).doesNotContain("Interne notitie", "Notitie over de buurvrouw", "geheim van de buurvrouw",
                    NEIGHBOUR, "Sanne", "9001", "case.view");
        }
    }

    @Test
    void myDataOfSomeoneUnknownSaysNothingIsKeptAndStoresNothing() {
        try (TestDesk desk = TestDesk.start(directory)) {
            List<OutgoingMessage> replies = desk.say(RESIDENT, "/mijngegevens");

            assertThat(replies).extracting(OutgoingMessage::text).containsExactly(TEXTS.text("nl", "export.nothing"));
            assertThat(desk.count("SELECT count(*) FROM residents")).isZero();
        }
    }

    @Test
    void englishSpeakingResidentGetsTheirDataInEnglish() {
        try (TestDesk desk = TestDesk.start(directory)) {
            desk.deliver(nl.luisterloket.bot.channel.IncomingMessage.text(TestDesk.chat(RESIDENT),
                    new nl.luisterloket.bot.channel.Author(RESIDENT, "Sam", "en-GB"), "/mydata", desk.clock.instant()));

            List<OutgoingMessage> replies = desk.deliver(nl.luisterloket.bot.channel.IncomingMessage.text(TestDesk.chat(RESIDENT),
                    new nl.luisterloket.bot.channel.Author(RESIDENT, "Sam", "en-GB"), "/mydata", desk.clock.instant()));

            assertThat(replies).extracting(OutgoingMessage::text).containsExactly(new Messages("privacy", "nl").text("en", "export.nothing"));
        }
    }
}
