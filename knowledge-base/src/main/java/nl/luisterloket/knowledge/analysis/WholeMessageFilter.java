package nl.luisterloket.knowledge.analysis;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A filter that reads the whole (bounded) message before it passes any token on, for additions that depend on more
 * than one token: the subclass gets every token and returns the tokens to pass on, its additions among them.
 */
abstract class WholeMessageFilter extends TokenFilter {

    protected final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    protected final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute positionLength = addAttribute(PositionLengthAttribute.class);

    private List<State> buffered;
    private int next;

    protected WholeMessageFilter(TokenStream input) {
        super(input);
    }

    /** Reads all of {@code input} and returns the tokens to pass on, in order. */
    protected abstract List<State> expand() throws IOException;

    @Override
    public final boolean incrementToken() throws IOException {
        if (buffered == null) {
            buffered = expand();
            next = 0;
        }
        if (next == buffered.size()) {
            return false;
        }
        restoreState(buffered.get(next++));
        return true;
    }

    /**
     * A token at the same place as {@code token} with another term: a synonym ({@code asSynonym}), or a word of the
     * kind {@code token} is (a compound part's synonyms count as much as the part).
     */
    protected final State alongside(State token, String otherTerm, boolean asSynonym) {
        restoreState(token);
        term.setEmpty().append(otherTerm);
        if (asSynonym) {
            type.setType(SynonymGraphFilter.TYPE_SYNONYM);
        }
        increment.setPositionIncrement(0);
        positionLength.setPositionLength(1);
        return captureState();
    }

    /** Whether the current token is a word the resident wrote, not one a synonym filter added. */
    protected final boolean isWritten() {
        return !SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        buffered = null;
        next = 0;
    }
}
