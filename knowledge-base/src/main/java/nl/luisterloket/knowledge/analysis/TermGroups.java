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

    private TermGroups() {
    }

    public static List<TermGroup> analyze(Analyzer analyzer, String field, String text) {
        String bounded = text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) : text;
        Map<Integer, List<TermGroup.WeightedTerm>> byOffset = new LinkedHashMap<>();
        Map<Integer, String> words = new LinkedHashMap<>();
        try (TokenStream stream = analyzer.tokenStream(field, bounded)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                List<TermGroup.WeightedTerm> group = byOffset.computeIfAbsent(start, key -> new ArrayList<>());
                String value = term.toString();
                if (group.stream().anyMatch(existing -> existing.term().equals(value))) {
                    continue;
                }
                float weight;
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    weight = SYNONYM_WEIGHT;
                } else if (!words.containsKey(start)) {
                    weight = 1f;
                    words.put(start, bounded.substring(start, Math.min(offset.endOffset(), bounded.length())).toLowerCase(Locale.ROOT));
                } else {
                    weight = PART_WEIGHT;
                }
                group.add(new TermGroup.WeightedTerm(value, weight));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<TermGroup> groups = new ArrayList<>();
        byOffset.forEach((start, terms) -> {
            // a group made only of synonyms (the resident's own word was a stop word) still counts, at full weight
            List<TermGroup.WeightedTerm> ordered = new ArrayList<>(terms);
            ordered.sort((a, b) -> Float.compare(b.weight(), a.weight()));
            groups.add(new TermGroup(words.getOrDefault(start, ordered.get(0).term()), ordered));
        });
        return groups;
    }
}
