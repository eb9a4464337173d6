package nl.luisterloket.knowledge.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Finds the multi-word synonym entries whose words a Dutch message has apart, in another order or inflected ("ik sta
 * al maanden rood" for "rood staan") and adds the one-word synonyms of the entry's line to the first of those words.
 * The words must lie within a few words of each other. Runs right after the synonym filter, on the words as written;
 * an entry the synonym filter matched as it stands is left to it.
 */
final class ScatteredPhraseSynonymFilter extends WholeMessageFilter {

    /** Words an entry's words may have between them, beyond the entry's own length. */
    private static final int EXTRA_SPAN = 3;

    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final ScatteredPhrases phrases;
    private final DutchStemmer stemmer = new DutchStemmer();

    ScatteredPhraseSynonymFilter(TokenStream input, ScatteredPhrases phrases) {
        super(input);
        this.phrases = phrases;
    }

    private record Word(int token, String stem, int start, int end) {
    }

    @Override
    protected List<State> expand() throws IOException {
        List<State> tokens = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<int[]> synonymSpans = new ArrayList<>();
        while (input.incrementToken()) {
            if (!isWritten()) {
                synonymSpans.add(new int[] {offset.startOffset(), offset.endOffset()});
            } else {
                // every word as written (one with a synonym may follow its synonyms at the same position)
                words.add(new Word(tokens.size(), ScatteredPhrases.stem(stemmer, term.toString()), offset.startOffset(),
                        offset.endOffset()));
            }
            tokens.add(captureState());
        }
        List<List<String>> added = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            added.add(null);
        }
        Set<String> keys = new HashSet<>();
        words.forEach(word -> keys.add(ScatteredPhrases.key(word.stem())));
        for (ScatteredPhrases.Phrase phrase : phrases.sharingAWord(keys)) {
            if (!keys.containsAll(phrase.keys())) {
                continue;
            }
            int[] match = match(phrase.stems(), words);
            if (match == null) {
                continue;
            }
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (int word : match) {
                first = Math.min(first, word);
                last = Math.max(last, word);
            }
            if (matchedAsWritten(synonymSpans, words.get(first).start(), words.get(last).end())) {
                continue;
            }
            int token = words.get(first).token();
            if (added.get(token) == null) {
                added.set(token, new ArrayList<>());
            }
            added.get(token).addAll(phrase.synonyms());
        }
        List<State> result = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            result.add(tokens.get(i));
            if (added.get(i) == null) {
                continue;
            }
            for (String synonym : added.get(i).stream().distinct().toList()) {
                result.add(alongside(tokens.get(i), synonym, true));
            }
        }
        return result;
    }

    /** For each of the phrase's words the index of a different message word, all within the span; or null. */
    private static int[] match(List<String> stems, List<Word> words) {
        int[] match = new int[stems.size()];
        int span = stems.size() + EXTRA_SPAN;
        for (int anchor = 0; anchor < words.size(); anchor++) {
            if (!ScatteredPhrases.sameWord(stems.get(0), words.get(anchor).stem())) {
                continue;
            }
            match[0] = anchor;
            if (rest(stems, words, match, 1, Math.max(0, anchor - span), Math.min(words.size() - 1, anchor + span))) {
                return match;
            }
        }
        return null;
    }

    private static boolean rest(List<String> stems, List<Word> words, int[] match, int at, int from, int to) {
        if (at == stems.size()) {
            int low = Integer.MAX_VALUE;
            int high = -1;
            for (int word : match) {
                low = Math.min(low, word);
                high = Math.max(high, word);
            }
            return high - low <= stems.size() + EXTRA_SPAN - 1;
        }
        for (int candidate = from; candidate <= to; candidate++) {
            if (used(match, at, candidate) || !ScatteredPhrases.sameWord(stems.get(at), words.get(candidate).stem())) {
                continue;
            }
            match[at] = candidate;
            if (rest(stems, words, match, at + 1, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean used(int[] match, int upTo, int candidate) {
        for (int i = 0; i < upTo; i++) {
            if (match[i] == candidate) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchedAsWritten(List<int[]> synonymSpans, int start, int end) {
        for (int[] span : synonymSpans) {
            if (span[0] == start && span[1] == end) {
                return true;
            }
        }
        return false;
    }
}
