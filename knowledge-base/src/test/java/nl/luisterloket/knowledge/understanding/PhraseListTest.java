package nl.luisterloket.knowledge.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhraseListTest {

    private final PhraseList list = PhraseList.parse("test.txt", List.of(
            "zie het niet meer zitten",
            "zelfmoord* plannen",
            "wil|ga ... dood",
            "... kan niet meer",
            "re:\\bslaat (mij|me)\\b"));

    @Test
    void matchesWholeWordsAnywhereInTheMessage() {
        assertThat(list.matches("ik weet het niet ik zie het niet meer zitten echt")).isTrue();
        assertThat(list.matches("ik zie het niet meer zittend")).isFalse();
        assertThat(list.matches("zie het niet meer")).isFalse();
    }

    @Test
    void aStarredFirstWordMatchesAnyEnding() {
        assertThat(list.matches("ik heb zelfmoordgedachten plannen")).isTrue();
        assertThat(list.matches("ik heb gedachten plannen zelfmoord")).isFalse();
    }

    @Test
    void alternativesAndGapsWork() {
        assertThat(list.matches("ik ga echt bijna dood")).isTrue();
        assertThat(list.matches("ik wil dood")).isTrue();
        assertThat(list.matches("ik wil een hele lange tijd niet dood")).isFalse();
        assertThat(list.matches("ik kan niet meer")).isTrue();
        assertThat(list.matches("kan niet meer")).isTrue();
    }

    @Test
    void expressionsAreTriedOnEveryMessage() {
        assertThat(list.matches("mijn man slaat mij")).isTrue();
        assertThat(list.matches("mijn man slaat de deur dicht")).isFalse();
    }

    @Test
    void removeBlanksOutEveryMatchAndKeepsTheRest() {
        assertThat(list.remove("hallo ik zie het niet meer zitten doei")).isEqualTo("hallo ik" + " ".repeat(" zie het niet meer zitten".length()) + " doei");
        assertThat(list.remove("gewoon een vraag")).isEqualTo("gewoon een vraag");
    }

    @Test
    void aPhraseIsFoundWhereItsFirstWordStandsTheSecondTime() {
        assertThat(list.matches("zie je dat ik zie het niet meer zitten")).isTrue();
        assertThat(list.matches("zie je dat ik het niet meer zie zitten")).isFalse();
    }

    @Test
    void theMessagesWordsServeATextBlankedFromIt() {
        String message = "ik zie het niet meer zitten en ik ga bijna dood";
        MessageWords words = MessageWords.of(message);
        String blanked = list.remove(message, words);

        assertThat(blanked).hasSameSizeAs(message).doesNotContain("zitten").doesNotContain("dood");
        assertThat(list.matches(blanked, words)).isFalse();
        assertThat(list.matches(message, words)).isTrue();
        // a text of another length gets its own words rather than wrong positions
        assertThat(list.matches("hallo, ik zie het niet meer zitten", words)).isTrue();
    }

    @Test
    void aLineThatIsNoPhraseNamesTheFileAndTheLine() {
        assertThatThrownBy(() -> PhraseList.parse("crisis.txt", List.of("re:(unclosed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crisis.txt").hasMessageContaining("re:(unclosed");
    }
}
