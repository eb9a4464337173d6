package nl.luisterloket.knowledge.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Adds the verb stem of a regular Dutch past participle next to it: "geisoleerd" also yields "isoleer", "gestopt"
 * also "stop", "geregeld" also "regel", so the stemmer meets "isoleren", "stoppen", "regelen". The Snowball stemmer
 * leaves the "ge-" prefix alone, so without this a resident's "de muren zijn niet geisoleerd" misses "isoleren".
 * Words that merely look like a participle ("gezondheid") get a stem nobody else uses; it matches only itself.
 */
final class DutchParticipleFilter extends TokenFilter {

    private static final int MIN_LENGTH = 7;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private State pending;
    private String pendingStem;

    DutchParticipleFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.setEmpty().append(pendingStem);
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        if (!keyword.isKeyword() && length >= MIN_LENGTH && term.charAt(0) == 'g' && term.charAt(1) == 'e'
                && (term.charAt(length - 1) == 'd' || term.charAt(length - 1) == 't')) {
            pending = captureState();
            pendingStem = term.subSequence(2, length - 1).toString();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        pendingStem = null;
    }
}
