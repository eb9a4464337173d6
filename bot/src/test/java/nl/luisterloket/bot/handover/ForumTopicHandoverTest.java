package nl.luisterloket.bot.handover;

import static nl.luisterloket.bot.handover.HandoverHarness.AHMED;
import static nl.luisterloket.bot.handover.HandoverHarness.GROUP;
import static nl.luisterloket.bot.handover.HandoverHarness.SANNE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team whose group is a forum: each case gets its own topic, and the team talks with the resident inside it. */
class ForumTopicHandoverTest {

    private static final String AMINA = "9001";

    @TempDir
    Path directory;

    @Test
    void eachCaseGetsATopicAndTheOwnersWordsInItReachTheResident() {
        FakeForumTopics topics = new FakeForumTopics();
        try (HandoverHarness harness = new HandoverHarness(directory, HandoverHarness.oneTeam(true), HandoverHarness.forumTopics(topics))) {
            harness.handover(harness.resident(AMINA, "Amina", HandoverTrigger.ASKED_FOR_PERSON, List.of("wonen"), List.of()));
            long caseId = harness.onlyCaseId();
            harness.residentPresses(AMINA, "consent:yes:" + caseId);

            assertThat(topics.titles).containsExactly("Zaak " + caseId + " · Amina");
            String topic = harness.caseColumn(caseId, "topic_id");
            assertThat(harness.chat(GROUP).get(0).threadId()).isEqualTo(topic);

            harness.pressInGroup(GROUP, SANNE, "case:claim:" + caseId);
            harness.residentSays(AMINA, "hallo?");

            HandoverHarness.Shown relayed = harness.chat(GROUP).get(harness.chat(GROUP).size() - 1);
            assertThat(relayed.text()).isEqualTo("💬 Zaak " + caseId + " · Amina: hallo?");
            assertThat(relayed.threadId()).isEqualTo(topic);
            assertThat(harness.texts(SANNE)).noneMatch(text -> text.contains("hallo?"));

            harness.saysInTopic(GROUP, AHMED, topic, "Sanne, ken jij haar al?");
            harness.saysInTopic(GROUP, SANNE, topic, "Hoi Amina, ik ben Sanne.");

            assertThat(harness.texts(AMINA)).noneMatch(text -> text.contains("ken jij haar"));
            assertThat(harness.lastText(AMINA)).isEqualTo("Sanne: Hoi Amina, ik ben Sanne.");

            harness.saysInTopic(GROUP, AHMED, topic, "/sluiten");
            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("claimed");
            assertThat(harness.lastText(AHMED)).isEqualTo("Zaak " + caseId + " bestaat niet of is niet van jou.");

            harness.saysInTopic(GROUP, SANNE, topic, "/sluiten geholpen");
            assertThat(harness.caseColumn(caseId, "status")).isEqualTo("closed");
            assertThat(harness.chat(GROUP).get(0).text()).contains("Status: gesloten (geholpen)");
        }
    }
}
