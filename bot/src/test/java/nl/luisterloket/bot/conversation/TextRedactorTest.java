package nl.luisterloket.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextRedactorTest {

    private final TextRedactor redactor = new TextRedactor();

    @Test
    void phoneNumbersInTheirUsualShapesAreRemoved() {
        assertThat(redactor.redact("bel me op 0612345678 of 06-12 34 56 78 of +31 6 1234 5678 of 010-1234567"))
                .isEqualTo("bel me op [telefoon] of [telefoon] of [telefoon] of [telefoon]");
    }

    @Test
    void emailAddressesAndLinksAreRemoved() {
        assertThat(redactor.redact("mail fatima.el-amrani@hotmail.com of kijk op https://facebook.com/fatima.123"))
                .isEqualTo("mail [e-mail] of kijk op [link]");
    }

    @Test
    void postcodesAndStreetAddressesAreRemoved() {
        assertThat(redactor.redact("ik woon op de Kerkstraat 12a, 3072 AB Rotterdam"))
                .isEqualTo("ik woon op de [adres], [postcode] Rotterdam");
        assertThat(redactor.redact("Molenweg 3-hoog is mijn adres, postcode 1234ab"))
                .isEqualTo("[adres] is mijn adres, postcode [postcode]");
    }

    @Test
    void longDigitRunsAndIbansAreRemovedButAmountsStay() {
        assertThat(redactor.redact("mijn bsn is 123456782 en mijn klantnummer 88 77 66 55"))
                .isEqualTo("mijn bsn is [nummer] en mijn klantnummer [nummer]");
        assertThat(redactor.redact("stort op NL91 ABNA 0417 1643 00")).isEqualTo("stort op [nummer]");
        assertThat(redactor.redact("ik heb 1500 euro schuld en 3 kinderen van 12 jaar")).isEqualTo("ik heb 1500 euro schuld en 3 kinderen van 12 jaar");
    }

    @Test
    void namesIntroducedAsNamesAreRemoved() {
        assertThat(redactor.redact("hoi ik heet fatima en ik heb schulden")).isEqualTo("hoi ik heet [naam] en ik heb schulden");
        assertThat(redactor.redact("Mijn naam is Jan de Vries, help")).isEqualTo("Mijn naam is [naam], help");
        assertThat(redactor.redact("my name is John, I need help")).isEqualTo("my name is [naam], I need help");
        assertThat(redactor.redact("ik ben Fatima en ik ben moe")).isEqualTo("ik ben [naam] en ik ben moe");
    }

    @Test
    void ordinaryWordsAfterIkBenStay() {
        assertThat(redactor.redact("ik ben bang en ik ben alleen")).isEqualTo("ik ben bang en ik ben alleen");
    }

    @Test
    void knownNamesAreRemovedWherever() {
        assertThat(redactor.redact("groetjes van Amina, AMINA dus", List.of("Amina"))).isEqualTo("groetjes van [naam], [naam] dus");
        assertThat(redactor.redact("Aminata is mijn zus", List.of("Amina"))).isEqualTo("Aminata is mijn zus");
    }

    @Test
    void emptyAndStrangeTextIsSafe() {
        assertThat(redactor.redact(null)).isEmpty();
        assertThat(redactor.redact("\"(*~ 😀 مرحبا")).isEqualTo("\"(*~ 😀 مرحبا");
    }
}
