package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.terminal.TerminalChat;

/** Whatever a resident sends, the desk answers something sensible and nothing breaks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrangeInputTest {

    @TempDir
    static Path directory;

    private TestDesk desk;
    private int residents;

    @BeforeAll
    void startDesk() {
        desk = TestDesk.start(directory, "privacy:\n  floodLimitPerMinute: 100000\n", Map.of());
    }

    @AfterAll
    void stopDesk() {
        desk.close();
    }

    static Stream<Arguments> strangeMessages() {
        return Stream.of(
                Arguments.of("4,096 characters", ("ik heb schulden en de huur is te hoog " .repeat(120)).substring(0, 4096)),
                Arguments.of("control characters", "hallo\u0000\u0007\u001b[31m ik\u0008 heb\t\r hulp nodig\u007f"),
                Arguments.of("zero-width characters", "\u200Bhuur\u200C\u200Dachterstand\uFEFF\u2060"),
                Arguments.of("right-to-left override", "\u202Eik heb hulp nodig met de huur\u202C"),
                Arguments.of("Arabic", "أحتاج مساعدة في دفع الإيجار"),
                Arguments.of("emoji only", "😭😭😭🙏"),
                Arguments.of("one emoji", "👍"),
                Arguments.of("only punctuation", "?!?!...,,;;::"),
                Arguments.of("a lone question mark", "?"),
                Arguments.of("query syntax", "\"(*~ AND OR\\"),
                Arguments.of("more query syntax", "title:foo^3 OR *:* [a TO z] {x TO y} +- && || !"),
                Arguments.of("regular expression syntax", "/.*[a-z]+(?=x)/"),
                Arguments.of("SQL fragment", "'; DROP TABLE residents; --"),
                Arguments.of("SQL with quotes", "Robert'); DELETE FROM messages WHERE ('1'='1"),
                Arguments.of("very long word", "huur".repeat(1000)),
                Arguments.of("lone surrogate", "hulp \uD800 nodig \uDFFF"),
                Arguments.of("combining marks", "h\u0301\u0302\u0303u\u0308\u0308\u0308u\u0336r"),
                Arguments.of("a slash alone", "/"),
                Arguments.of("an unknown command with noise", "/@@@ \u0000 ~~~"),
                Arguments.of("whitespace of every kind", "\u00A0\u2003\u3000\u2028\u2029 \t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strangeMessages")
    void strangeMessageGetsAReplyAndBreaksNothing(String what, String text) {
        String chat = nextResident();

        List<OutgoingMessage> replies = desk.say(chat, text);

        assertThat(replies).as(what).isNotEmpty()
                .anySatisfy(reply -> assertThat(reply.chat()).isEqualTo(TestDesk.chat(chat)))
                .allSatisfy(reply -> assertThat(reply.text()).isNotBlank().doesNotContain("Exception", "at nl.luisterloket"));
        assertThat(desk.count("SELECT count(*) FROM residents WHERE chat_id = ?", chat)).isEqualTo(1);
        assertThat(desk.count("SELECT count(*) FROM sqlite_master WHERE name IN ('residents', 'messages')")).isEqualTo(2);
    }

    @Test
    void photoWithAnEmptyCaptionGetsAReply() {
        String chat = nextResident();
        desk.say(chat, "hoi");

        List<OutgoingMessage> replies = desk.deliver(new IncomingMessage(TestDesk.chat(chat), TestDesk.author(chat), MessageKind.PHOTO,
                "", null, null, null, null, null, "photo-file-1", true, desk.clock.instant()));

        assertThat(replies).isNotEmpty().allSatisfy(reply -> assertThat(reply.text()).isNotBlank());
    }

    @Test
    void voiceMessageAndStickerGetAReply() {
        String chat = nextResident();
        desk.say(chat, "hoi");

        for (MessageKind kind : List.of(MessageKind.VOICE, MessageKind.STICKER, MessageKind.OTHER)) {
            List<OutgoingMessage> replies = desk.deliver(new IncomingMessage(TestDesk.chat(chat), TestDesk.author(chat), kind,
                    null, null, null, null, null, null, null, true, desk.clock.instant()));

            assertThat(replies).as(kind.name()).isNotEmpty().allSatisfy(reply -> assertThat(reply.text()).isNotBlank());
        }
    }

    @Test
    void unknownButtonDataIsAnsweredToo() {
        String chat = nextResident();
        desk.say(chat, "hoi");

        List<OutgoingMessage> replies = desk.press(chat, "privacy:forget:maybe'; DROP TABLE cases; --");

        assertThat(replies).isNotEmpty();
        assertThat(desk.count("SELECT count(*) FROM sqlite_master WHERE name = 'cases'")).isEqualTo(1);
    }

    @Test
    void terminalChatAnswersEveryStrangeLine() {
        List<String> lines = strangeMessages().map(arguments -> (String) arguments.get()[1])
                .map(text -> text.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]", " "))
                .filter(text -> !text.isBlank())
                .toList();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        TerminalChat chat = new TerminalChat(desk.injector.getInstance(IncomingMessageHandler.class), desk.database,
                desk.injector.getInstance(Outbox.class), desk.clock, new PrintStream(screen, true, StandardCharsets.UTF_8),
                "terminal-bewoner", "nl");

        chat.run(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), true);

        String output = screen.toString(StandardCharsets.UTF_8);
        assertThat(output.split("jij> ", -1)).hasSize(lines.size() + 1);
        assertThat(output.split("\nluisterloket> ", -1).length - 1).isGreaterThanOrEqualTo(lines.size());
    }

    private String nextResident() {
        desk.clock.advance(Duration.ofSeconds(1));
        return "9" + (++residents);
    }
}
