package nl.luisterloket.knowledge.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;

/**
 * Which of a search's hits hold which term in one field: each term's postings are walked once per search, in
 * document order, however often the coverage and the needs ask.
 */
final class HitTerms {

    private final IndexReader reader;
    private final String field;
    private final List<ScoreDoc> hits;
    /** The hits' indexes in document order, as postings are read. */
    private final int[] byDocument;
    private final Map<String, boolean[]> known = new HashMap<>();

    HitTerms(IndexReader reader, String field, List<ScoreDoc> hits) {
        this.reader = reader;
        this.field = field;
        this.hits = hits;
        Integer[] order = new Integer[hits.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(hits.get(a).doc, hits.get(b).doc));
        this.byDocument = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** For each hit, whether its field holds the term. */
    boolean[] holding(String term) throws IOException {
        boolean[] cached = known.get(term);
        if (cached != null) {
            return cached;
        }
        boolean[] found = new boolean[hits.size()];
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = leaf.reader().postings(new Term(field, term), PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            int base = leaf.docBase;
            int end = base + leaf.reader().maxDoc();
            for (int hit : byDocument) {
                int doc = hits.get(hit).doc;
                if (doc < base || doc >= end) {
                    continue;
                }
                int target = doc - base;
                if (postings.docID() < target) {
                    postings.advance(target);
                }
                if (postings.docID() == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                found[hit] = postings.docID() == target;
            }
        }
        known.put(term, found);
        return found;
    }
}
