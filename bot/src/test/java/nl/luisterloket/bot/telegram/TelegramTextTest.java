package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TelegramTextTest {

    @Test
    void everyCharacterHtmlGivesMeaningToIsEscaped() {
        assertThat(TelegramText.escapeHtml("<b>vet</b> & \"quote\" 'x' (*~"))
                .isEqualTo("&lt;b&gt;vet&lt;/b&gt; &amp; &quot;quote&quot; 'x' (*~");
    }

    @Test
    void textWithinTheLimitStaysWhole() {
        assertThat(TelegramText.split("kort bericht", 4096)).containsExactly("kort bericht");
    }

    @Test
    void longTextIsSplitBetweenParagraphs() {
        String first = "a".repeat(30);
        String second = "b".repeat(30);
        String third = "c".repeat(30);

        List<String> parts = TelegramText.split(first + "\n\n" + second + "\n\n" + third, 70);

        assertThat(parts).containsExactly(first + "\n\n" + second, third);
    }

    @Test
    void paragraphLongerThanTheLimitIsSplitBetweenLinesThenWords() {
        assertThat(TelegramText.split("een twee\ndrie vier vijf", 10)).containsExactly("een twee", "drie vier", "vijf");
    }

    @Test
    void oneEndlessWordIsCutButNeverInsideAnEmoji() {
        String text = "x".repeat(9) + "😀" + "y".repeat(5);

        List<String> parts = TelegramText.split(text, 10);

        assertThat(parts).containsExactly("x".repeat(9), "😀" + "y".repeat(5));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void noPartIsLongerThanTheLimitOrBlank() {
        String text = ("Alinea met woorden en\nregels. ".repeat(40) + "\n\n").repeat(20);

        List<String> parts = TelegramText.split(text, 500);

        assertThat(parts).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(500).isNotBlank());
        assertThat(String.join(" ", parts).replaceAll("\\s+", " ")).isEqualTo(text.strip().replaceAll("\\s+", " "));
    }
}
