package nl.luisterloket.knowledge.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Runs a message through a query analyzer and groups the terms by the word they came from (tokens that share a start
 * offset: the word, its compound parts, its synonyms). Treating each group as one unit of meaning lets a search
 * count "how much of the message did this service answer" without double-counting synonyms.
 */
public final class TermGroups {

    /** A synonym counts a little less than the word the resident wrote. */
    public static final float SYNONYM_WEIGHT = 0.8f;
    /** A part of a compound counts less than the whole compound. */
    public static final float PART_WEIGHT = 0.6f;

    /** Beyond this many characters a message is cut: nobody's question needs more, and it keeps search time bounded. */
    public static final int MAX_MESSAGE_CHARS = 1_000;

    private static final int MAX_PHRASES = 8;
    private static final int MAX_PHRASE_WORDS = 5;

    private TermGroups() {
    }

    private record Token(String term, float weight, int span, int position) {
    }

    public static List<TermGroup> analyze(Analyzer analyzer, String field, String text) {
        String bounded = text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) : text;
        Map<Integer, List<Token>> byOffset = new LinkedHashMap<>();
        Map<Integer, String> words = new LinkedHashMap<>();
        try (TokenStream stream = analyzer.tokenStream(field, bounded)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            PositionLengthAttribute positionLength = stream.addAttribute(PositionLengthAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                int start = offset.startOffset();
                float weight;
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    weight = SYNONYM_WEIGHT;
                } else if (!words.containsKey(start)) {
                    weight = 1f;
                    words.put(start, bounded.substring(start, Math.min(offset.endOffset(), bounded.length())).toLowerCase(Locale.ROOT));
                } else {
                    weight = PART_WEIGHT;
                }
                byOffset.computeIfAbsent(start, key -> new ArrayList<>())
                        .add(new Token(term.toString(), weight, positionLength.getPositionLength(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<TermGroup> groups = new ArrayList<>();
        byOffset.forEach((start, tokens) -> {
            TermGroup group = group(words.get(start), tokens);
            if (group != null) {
                groups.add(group);
            }
        });
        return groups;
    }

    /**
     * A word with a multi-word synonym spans several positions; the words of that multi-word synonym ("huiselijk
     * geweld" for "controleert") are single-position side paths that mean the word only together, so they become a
     * phrase of the group, not terms of their own. Compound parts split the word itself and stay terms.
     */
    private static TermGroup group(String word, List<Token> tokens) {
        int widest = tokens.stream().mapToInt(Token::span).max().orElse(1);
        int start = tokens.stream().mapToInt(Token::position).min().orElse(0);
        Map<String, Float> weights = new LinkedHashMap<>();
        List<Token> sidePath = new ArrayList<>();
        for (Token token : tokens) {
            if (token.span() == widest || token.weight() == PART_WEIGHT) {
                weights.merge(token.term(), token.weight(), Math::max);
            } else if (token.weight() == SYNONYM_WEIGHT) {
                sidePath.add(token);
            }
        }
        if (weights.isEmpty()) {
            return null;
        }
        List<TermGroup.WeightedTerm> terms = new ArrayList<>();
        weights.forEach((term, weight) -> terms.add(new TermGroup.WeightedTerm(term, weight)));
        terms.sort((a, b) -> Float.compare(b.weight(), a.weight()));
        List<List<String>> phrases = new ArrayList<>();
        collectPaths(sidePath, start, start + widest, new ArrayList<>(), phrases);
        // a group made only of synonyms (the resident's own word was a stop word) is named after its first term
        return new TermGroup(word != null ? word : terms.get(0).term(), terms, phrases.stream().distinct().toList());
    }

    /** Walks the token graph: each token leads from its position to position + length; a phrase runs from start to end. */
    private static void collectPaths(List<Token> tokens, int at, int end, List<String> path, List<List<String>> phrases) {
        if (phrases.size() >= MAX_PHRASES || path.size() > MAX_PHRASE_WORDS) {
            return;
        }
        if (at == end) {
            if (path.size() > 1) {
                phrases.add(List.copyOf(path));
            }
            return;
        }
        for (Token token : tokens) {
            if (token.position() == at && token.position() + token.span() <= end) {
                path.add(token.term());
                collectPaths(tokens, token.position() + token.span(), end, path, phrases);
                path.remove(path.size() - 1);
            }
        }
    }
}
