package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/** Random Unicode, including the nasty corners, fed to the command parser, the understanding and the whole conversation. */
class UnicodeInputProperties {

    private static Path directory;
    private static TestDesk desk;
    private static final AtomicInteger RESIDENTS = new AtomicInteger();

    @BeforeContainer
    static void startDesk() throws IOException {
        directory = Files.createTempDirectory("luisterloket-unicode");
        desk = TestDesk.start(directory, "privacy:\n  floodLimitPerMinute: 100000\n", Map.of());
    }

    @AfterContainer
    static void stopDesk() throws IOException {
        desk.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Any code unit, with extra weight on what breaks naive text handling. */
    @Provide
    Arbitrary<String> nastyText() {
        Arbitrary<Character> nasty = Arbitraries.of('\u0000', '\u0007', '\u001b', '\u007f', '\u200b', '\u200d', '\u202e', '\u2066',
                '\ufeff', '\u00a0', '\u2003', '\u3000', '\u2028', '\n', '\t', '\\', '"', '\'', '(', ')', '*', '~', '?', ':', '^',
                '[', ']', '{', '}', '/', '@', '-', '+', '!', '&', '|', ';', '%', '_', '\uD83D', '\uDE2D', '\uD800', '\uDFFF',
                '\u0301', 'ا', 'ب', 'é', 'ß', 'İ', 'ı', 'a', 'h', 'u', 'r', ' ');
        Arbitrary<Character> any = Arbitraries.chars().all();
        Arbitrary<Character> mixed = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, nasty), net.jqwik.api.Tuple.of(2, any));
        return mixed.list().ofMaxSize(300).map(characters -> {
            StringBuilder text = new StringBuilder(characters.size());
            characters.forEach(text::append);
            return text.toString();
        });
    }

    @Property(tries = 500)
    void commandParsingNeverFailsAndGivesACleanCommandWord(@ForAll("nastyText") String rest) {
        IncomingMessage message = IncomingMessage.text(new ChatAddress("telegram", "1"), new Author("1", null, null), "/" + rest,
                TestDesk.START);

        Optional<String> command = message.command();
        String argument = message.commandArgument();

        assertThat(command).isPresent();
        assertThat(command.get()).doesNotContain(" ", "@").isEqualTo(command.get().toLowerCase(Locale.ROOT));
        assertThat(command.get().codePoints().noneMatch(Character::isWhitespace)).as("no whitespace in '%s'", command.get()).isTrue();
        assertThat(argument).isEqualTo(argument.strip());
    }

    @Property(tries = 500)
    void anyTextOfAnyKindParsesWithoutFailing(@ForAll("nastyText") String text, @ForAll MessageKind kind) {
        IncomingMessage message = new IncomingMessage(new ChatAddress("telegram", "1"), new Author("1", null, null), kind, text,
                null, null, null, null, null, null, true, TestDesk.START);

        Optional<String> command = message.command();
        String argument = message.commandArgument();

        assertThat(command.isPresent()).isEqualTo(kind == MessageKind.COMMAND);
        assertThat(argument).isEqualTo(argument.strip());
    }

    @Property(tries = 100)
    void understandingDecidesSomethingForAnyText(@ForAll("nastyText") String text) {
        MessageUnderstanding understanding = desk.injector.getInstance(MessageUnderstanding.class);

        Understanding understood = understanding.understand(text, UnderstandingContext.FIRST_MESSAGE);
        Understanding inContext = understanding.understand(text, new UnderstandingContext("nl", "Bloemhof", java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of("money")));

        assertThat(understood.decision()).isNotNull();
        assertThat(understood.language()).isIn("nl", "en");
        assertThat(inContext.decision()).isNotNull();
    }

    @Property(tries = 60)
    void conversationRepliesToAnyText(@ForAll("nastyText") String text) {
        desk.clock.advance(Duration.ofSeconds(1));
        String chat = "8" + RESIDENTS.incrementAndGet();

        List<OutgoingMessage> first = desk.say(chat, text);
        List<OutgoingMessage> second = desk.say(chat, text);

        assertThat(first).isNotEmpty().allSatisfy(reply -> assertThat(reply.text()).isNotBlank());
        assertThat(second).isNotEmpty().allSatisfy(reply -> assertThat(reply.text()).isNotBlank());
    }
}
