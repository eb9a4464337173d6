package nl.luisterloket.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.http.Metrics;
import nl.luisterloket.bot.routing.InOrderWithPreparation;
import nl.luisterloket.knowledge.understanding.Decision;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/** Understanding a batch ahead of its transactions, on other threads, changes nothing a resident sees. */
class UnderstandingAheadTest {

    private static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ConversationHarness.ZONE);

    @TempDir
    Path ahead;
    @TempDir
    Path inline;

    @Test
    void repliesAreTheSameWhetherTheBatchWasUnderstoodAheadOrInsideEachTransaction() {
        try (ConversationHarness prepared = new ConversationHarness(ahead, TUESDAY_MORNING);
                ConversationHarness plain = new ConversationHarness(inline, TUESDAY_MORNING)) {
            List<IncomingMessage> batch = batch(prepared);

            IncomingMessageHandler handler = prepared.get(IncomingMessageHandler.class);
            prepared.get(InOrderWithPreparation.class).handle(batch, Optional::of, message -> {
                handler.handle(message);
                return true;
            });
            batch.forEach(plain.get(IncomingMessageHandler.class)::handle);

            String replies = "SELECT chat_id || ': ' || payload_json FROM outbox ORDER BY id";
            assertThat(prepared.strings(replies)).hasSizeGreaterThan(batch.size()).isEqualTo(plain.strings(replies));
        }
    }

    /** One resident's later messages depend on the earlier ones (a neighbourhood, the life domains so far). */
    private static List<IncomingMessage> batch(ConversationHarness harness) {
        return List.of(
                text(harness, "ayla", "ik heb schulden en kan de huur niet betalen"),
                text(harness, "bram", "hallo"),
                text(harness, "ayla", "ik woon in Stationsbuurt"),
                text(harness, "ayla", "en mijn zoon spijbelt steeds van school"),
                text(harness, "chris", "my landlord wants me out of my room"),
                text(harness, "bram", "ik voel me zo eenzaam sinds mijn vrouw overleden is"),
                text(harness, "ayla", "waar kan ik terecht met mijn schulden"),
                text(harness, "dina", "\"(*~ huur* AND NOT schuld)^3"));
    }

    private static IncomingMessage text(ConversationHarness harness, String resident, String text) {
        return IncomingMessage.text(new ChatAddress("terminal", resident), new Author(resident, resident, "nl"), text,
                harness.clock.instant());
    }

    @Test
    void aPreparedUnderstandingIsUsedOnceAndOnlyForTheSameTextInTheSameContext() {
        AtomicInteger understood = new AtomicInteger();
        PreparedUnderstandings understandings = counting(understood, Decision.NO_MATCH);
        UnderstandingContext first = new UnderstandingContext("nl", null, null, null, null);
        UnderstandingContext elsewhere = new UnderstandingContext("nl", "Stationsbuurt", null, null, null);

        understandings.prepare("ik heb schulden", first);
        assertThat(understood).hasValue(1);

        understandings.understand("ik heb schulden", elsewhere);
        assertThat(understood).as("another neighbourhood: understood again").hasValue(2);
        understandings.understand("ik heb schulden", first);
        assertThat(understood).as("the prepared one is taken").hasValue(2);
        understandings.understand("ik heb schulden", first);
        assertThat(understood).as("and taken only once").hasValue(3);
        assertThat(understandings.waiting()).isZero();
    }

    @Test
    void twoResidentsWithTheSameTextInTheSameContextShareOneUnderstandingTakenOnceByEach() {
        AtomicInteger understood = new AtomicInteger();
        PreparedUnderstandings understandings = counting(understood, Decision.SMALLTALK);
        UnderstandingContext first = new UnderstandingContext("nl", null, null, null, null);

        understandings.prepare("hoi", first);
        understandings.prepare("hoi", first);
        assertThat(understood).as("understood once for both").hasValue(1);
        assertThat(understandings.waiting()).isEqualTo(1);

        understandings.understand("hoi", first);
        understandings.understand("hoi", first);
        assertThat(understood).as("each resident takes the prepared one").hasValue(1);
        assertThat(understandings.waiting()).isZero();
        understandings.understand("hoi", first);
        assertThat(understood).as("a third was not prepared").hasValue(2);
    }

    private static PreparedUnderstandings counting(AtomicInteger understood, Decision decision) {
        return new PreparedUnderstandings((text, context) -> {
            understood.incrementAndGet();
            return new Understanding(decision, List.of(), Set.of(), List.of(), "nl", Set.of(), null);
        }, new Metrics());
    }
}
