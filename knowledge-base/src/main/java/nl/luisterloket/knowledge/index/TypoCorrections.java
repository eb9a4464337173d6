package nl.luisterloket.knowledge.index;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;

/**
 * Remembers the correction of each unknown word for the current index: building a Levenshtein automaton costs more
 * than the rest of a search, and residents misspell the same words again and again. Forgotten when the index changes
 * (the known words change) and when it holds too many words. Thread-safe.
 */
final class TypoCorrections {

    private static final int MAX_ENTRIES = 20_000;

    private volatile Generation generation = new Generation(null);

    private record Generation(Object readerKey, ConcurrentHashMap<String, Optional<String>> corrections) {
        Generation(Object readerKey) {
            this(readerKey, new ConcurrentHashMap<>());
        }
    }

    String nearest(IndexReader reader, String field, String term) throws IOException {
        Generation current = generation;
        Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
        if (current.readerKey() != key || current.corrections().size() > MAX_ENTRIES) {
            current = new Generation(key);
            generation = current;
        }
        String cacheKey = field + '\u0000' + term;
        Optional<String> known = current.corrections().get(cacheKey);
        if (known == null) {
            known = Optional.ofNullable(ServiceSearch.nearestKnownTerm(reader, field, term));
            current.corrections().put(cacheKey, known);
        }
        return known.orElse(null);
    }
}
