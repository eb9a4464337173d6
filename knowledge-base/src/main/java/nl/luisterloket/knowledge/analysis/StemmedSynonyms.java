package nl.luisterloket.knowledge.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one-word entries of Solr-format synonym files, stemmed: per stem, the stems of its synonyms. Lets
 * {@link InflectedSynonymFilter} find the synonyms of "bijt" under "bijten". Multi-word entries are left out: their
 * words mean the need only together, and the synonym filter already matches them as residents type them.
 */
final class StemmedSynonyms {

    private StemmedSynonyms() {
    }

    static Map<String, List<String>> of(Analyzer stemmer, ConfigFiles files, String... relativePaths) {
        Map<String, Set<String>> synonyms = new HashMap<>();
        for (String path : relativePaths) {
            for (String line : files.lines(path)) {
                int arrow = line.indexOf("=>");
                List<String> from = stems(stemmer, arrow < 0 ? line : line.substring(0, arrow));
                List<String> to = arrow < 0 ? from : stems(stemmer, line.substring(arrow + 2));
                for (String stem : from) {
                    for (String synonym : to) {
                        if (!synonym.equals(stem)) {
                            synonyms.computeIfAbsent(stem, key -> new LinkedHashSet<>()).add(synonym);
                        }
                    }
                }
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        synonyms.forEach((stem, others) -> result.put(stem, List.copyOf(others)));
        return Map.copyOf(result);
    }

    /** The stems of the one-word entries of a comma-separated list. */
    private static List<String> stems(Analyzer stemmer, String entries) {
        List<String> stems = new ArrayList<>();
        for (String entry : entries.split(",")) {
            String word = entry.strip();
            if (word.isEmpty() || word.contains(" ")) {
                continue;
            }
            String stem = firstTerm(stemmer, word);
            // a stem that is no beginning of the word was changed by the stemmer ("boos" -> "bos"): it would meet
            // unrelated words ("bos", a wood), so such an entry is left to the synonym filter's exact match
            if (stem != null && word.startsWith(stem) && !stems.contains(stem)) {
                stems.add(stem);
            }
        }
        return stems;
    }

    private static String firstTerm(Analyzer analyzer, String word) {
        try (TokenStream stream = analyzer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String first = stream.incrementToken() ? term.toString() : null;
            while (stream.incrementToken()) {
                // drain: a participle also yields its verb, which is no entry of its own
            }
            stream.end();
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
