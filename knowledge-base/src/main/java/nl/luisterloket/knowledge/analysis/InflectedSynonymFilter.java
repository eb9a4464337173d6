package nl.luisterloket.knowledge.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Adds the synonyms of a word the synonym list writes in another form than the resident ("bijt" where the list has
 * "bijten", "zinnigs" where it has "zinnig"): after stemming, a word no synonym matched gets the (stemmed) one-word
 * synonyms of its stem, and so do its compound parts and the verb of a past participle ("geisoleerd" -> "isoleer"
 * -> "isolatie"), at their lower weight. Runs last in the query chain; a word the synonym list did match keeps only
 * those synonyms, so the list's own words never expand twice (no chains of synonyms of synonyms).
 */
final class InflectedSynonymFilter extends WholeMessageFilter {

    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Map<String, List<String>> synonymsOfStem;

    /** @param synonymsOfStem per stem, the stems of its one-word synonyms */
    InflectedSynonymFilter(TokenStream input, Map<String, List<String>> synonymsOfStem) {
        super(input);
        this.synonymsOfStem = synonymsOfStem;
    }

    /** Whether a word was expanded by the synonym list is known only after its last token. */
    @Override
    protected List<State> expand() throws IOException {
        List<State> tokens = new ArrayList<>();
        Set<Integer> expanded = new HashSet<>();
        while (input.incrementToken()) {
            if (!isWritten()) {
                expanded.add(offset.startOffset());
            }
            tokens.add(captureState());
        }
        List<State> result = new ArrayList<>(tokens.size());
        Set<Integer> seen = new HashSet<>();
        for (State token : tokens) {
            result.add(token);
            restoreState(token);
            int start = offset.startOffset();
            // the word itself comes first; its compound parts and the verb of a participle follow with the same start
            boolean word = seen.add(start);
            if (expanded.contains(start)) {
                continue;
            }
            List<String> synonyms = synonymsOfStem.get(term.toString());
            if (synonyms == null) {
                continue;
            }
            for (String synonym : synonyms) {
                // a part's synonyms stay words of the part's kind: they count as much as the part, not as a synonym
                // of the whole word ("koophuis" -> "huis" -> "woning" is less sure than "koophuis" -> "woning")
                result.add(alongside(token, synonym, word));
            }
        }
        return result;
    }
}
