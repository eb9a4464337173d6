package nl.luisterloket.knowledge.index;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * A reader that remembers where the terms searches look up lie in each segment's terms dictionary. A message's words
 * and their synonyms are looked up in six fields to build the query, again for their rarity and again for which hits
 * hold them, and the same words come back message after message; a segment never changes, so where a term lies (or
 * that it is absent) stays true for the segment's life. Found in a profile: the look-ups were a sixth of a search.
 */
final class RememberingTermsReader extends FilterDirectoryReader {

    /** Terms remembered per field and segment; beyond it the field starts afresh (typos make the vocabulary endless). */
    static final int TERMS_PER_FIELD = 4_096;

    private RememberingTermsReader(DirectoryReader in) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new RememberingLeaf(reader);
            }
        });
    }

    static DirectoryReader wrap(DirectoryReader reader) throws IOException {
        return new RememberingTermsReader(reader);
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new RememberingTermsReader(in);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        // the same content as the wrapped reader: caches keyed on it stay valid
        return in.getReaderCacheHelper();
    }

    private static final class RememberingLeaf extends FilterLeafReader {

        private final Map<String, Map<BytesRef, Optional<TermState>>> fields = new ConcurrentHashMap<>();

        RememberingLeaf(LeafReader in) {
            super(in);
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms terms = in.terms(field);
            if (terms == null) {
                return null;
            }
            Map<BytesRef, Optional<TermState>> known = fields.computeIfAbsent(field, name -> new ConcurrentHashMap<>());
            return new FilterTerms(terms) {
                @Override
                public TermsEnum iterator() throws IOException {
                    return new RememberingTermsEnum(in.iterator(), known);
                }
            };
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    private static final class RememberingTermsEnum extends FilterLeafReader.FilterTermsEnum {

        private final Map<BytesRef, Optional<TermState>> known;

        RememberingTermsEnum(TermsEnum in, Map<BytesRef, Optional<TermState>> known) {
            super(in);
            this.known = known;
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            Optional<TermState> remembered = known.get(text);
            if (remembered != null) {
                if (remembered.isEmpty()) {
                    return false;
                }
                in.seekExact(text, remembered.get());
                return true;
            }
            boolean found = in.seekExact(text);
            if (known.size() >= TERMS_PER_FIELD) {
                known.clear();
            }
            known.put(BytesRef.deepCopyOf(text), found ? Optional.of(in.termState()) : Optional.empty());
            return found;
        }
    }
}
