package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.OutgoingMessage;

class FloodControlTest {

    private static final String FLOODER = "500001";
    private static final String NEIGHBOUR = "500002";
    private static final String SLOW_DOWN = new Messages("privacy", "nl").text("nl", "flood.slowDown");

    @TempDir
    Path directory;

    @Test
    void residentOverTheLimitGetsOneKindMessageAndTheRestOfTheMinuteIsNotAnswered() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  floodLimitPerMinute: 5\n", Map.of())) {
            List<List<OutgoingMessage>> replies = new ArrayList<>();
            for (int message = 1; message <= 9; message++) {
                replies.add(desk.say(FLOODER, "bericht nummer " + message));
                desk.clock.advance(Duration.ofSeconds(2));
            }

            assertThat(replies.subList(0, 5)).allSatisfy(reply -> assertThat(reply).isNotEmpty()
                    .noneMatch(message -> message.text().equals(SLOW_DOWN)));
            assertThat(replies.get(5)).extracting(OutgoingMessage::text).containsExactly(SLOW_DOWN);
            assertThat(replies.subList(6, 9)).allSatisfy(reply -> assertThat(reply).isEmpty());
            assertThat(desk.count("SELECT count(*) FROM messages WHERE direction = 'in'")).isEqualTo(5);
        }
    }

    @Test
    void otherResidentsAreNotAffectedBySomeoneFlooding() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  floodLimitPerMinute: 3\n", Map.of())) {
            for (int message = 1; message <= 10; message++) {
                desk.say(FLOODER, "spam " + message);
            }

            List<OutgoingMessage> neighbourReply = desk.say(NEIGHBOUR, "hoi");

            assertThat(neighbourReply).isNotEmpty().allSatisfy(reply -> {
                assertThat(reply.chat()).isEqualTo(TestDesk.chat(NEIGHBOUR));
                assertThat(reply.text()).isNotEqualTo(SLOW_DOWN);
            });
        }
    }

    @Test
    void aMinuteLaterTheResidentIsAnsweredAgain() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  floodLimitPerMinute: 3\n", Map.of())) {
            for (int message = 1; message <= 6; message++) {
                desk.say(FLOODER, "spam " + message);
            }

            desk.clock.advance(Duration.ofSeconds(61));
            List<OutgoingMessage> later = desk.say(FLOODER, "hoi, sorry");

            assertThat(later).isNotEmpty().noneMatch(message -> message.text().equals(SLOW_DOWN));
        }
    }

    @Test
    void aSecondFloodAfterCalmingDownGetsANewKindMessage() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  floodLimitPerMinute: 2\n", Map.of())) {
            List<String> texts = new ArrayList<>();
            for (int message = 1; message <= 4; message++) {
                desk.say(FLOODER, "spam " + message).forEach(reply -> texts.add(reply.text()));
            }
            desk.clock.advance(Duration.ofMinutes(2));
            for (int message = 1; message <= 4; message++) {
                desk.say(FLOODER, "weer " + message).forEach(reply -> texts.add(reply.text()));
            }

            assertThat(texts).filteredOn(SLOW_DOWN::equals).hasSize(2);
        }
    }
}
