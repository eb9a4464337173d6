package nl.luisterloket.knowledge.understanding;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Brings a message to the form phrase lists are matched against: lowercase, no accents, words separated by one space. */
final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextNormalizer() {
    }

    static String normalize(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String joined = APOSTROPHES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
        return NON_WORD.matcher(joined).replaceAll(" ").strip();
    }
}
