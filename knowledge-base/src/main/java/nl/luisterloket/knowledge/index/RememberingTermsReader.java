package nl.luisterloket.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.AttributeSource;
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

    /** What a look-up found: the term's state and frequencies, or that the segment does not hold it (null state). */
    private record Remembered(TermState state, int docFreq, long totalTermFreq) {

        static final Remembered ABSENT = new Remembered(null, 0, 0);
    }

    private static final class RememberingLeaf extends FilterLeafReader {

        private final Map<String, Map<BytesRef, Remembered>> fields = new ConcurrentHashMap<>();

        RememberingLeaf(LeafReader in) {
            super(in);
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms terms = in.terms(field);
            if (terms == null) {
                return null;
            }
            Map<BytesRef, Remembered> known = fields.computeIfAbsent(field, name -> new ConcurrentHashMap<>());
            return new FilterTerms(terms) {
                @Override
                public TermsEnum iterator() {
                    return new RememberingTermsEnum(in, known);
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

    /**
     * Answers a look-up of a remembered term (found or not, its frequencies, its state) without opening the segment's
     * terms dictionary at all: opening one is most of a look-up's cost, and building a query looks up every word in six
     * fields. The dictionary is opened, and positioned on the remembered term, only when something more is asked.
     */
    private static final class RememberingTermsEnum extends TermsEnum {

        private final Terms terms;
        private final Map<BytesRef, Remembered> known;
        private TermsEnum dictionary;
        /** The remembered term the enum stands on while the dictionary is not positioned there, and what is known of it. */
        private BytesRef rememberedTerm;
        private Remembered remembered;
        /** The term the dictionary was positioned on by its state, which the dictionary cannot go on from. */
        private BytesRef positionedByState;

        RememberingTermsEnum(Terms terms, Map<BytesRef, Remembered> known) {
            this.terms = terms;
            this.known = known;
        }

        private TermsEnum dictionary() throws IOException {
            if (dictionary == null) {
                dictionary = terms.iterator();
            }
            return dictionary;
        }

        /** The dictionary, positioned on the remembered term if the enum stands on one. */
        private TermsEnum positioned() throws IOException {
            TermsEnum positioned = dictionary();
            if (remembered != null) {
                positioned.seekExact(rememberedTerm, remembered.state());
                positionedByState = rememberedTerm;
                rememberedTerm = null;
                remembered = null;
            }
            return positioned;
        }

        private void forget() {
            rememberedTerm = null;
            remembered = null;
            positionedByState = null;
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            forget();
            Remembered earlier = known.get(text);
            if (earlier != null) {
                if (earlier.state() == null) {
                    return false;
                }
                rememberedTerm = BytesRef.deepCopyOf(text);
                remembered = earlier;
                return true;
            }
            boolean found = dictionary().seekExact(text);
            if (known.size() >= TERMS_PER_FIELD) {
                known.clear();
            }
            known.put(BytesRef.deepCopyOf(text), found
                    ? new Remembered(dictionary.termState(), dictionary.docFreq(), dictionary.totalTermFreq())
                    : Remembered.ABSENT);
            return found;
        }

        @Override
        public TermState termState() throws IOException {
            // shared, never changed: whoever seeks with it copies from it
            return remembered != null ? remembered.state() : dictionary().termState();
        }

        @Override
        public int docFreq() throws IOException {
            return remembered != null ? remembered.docFreq() : dictionary().docFreq();
        }

        @Override
        public long totalTermFreq() throws IOException {
            return remembered != null ? remembered.totalTermFreq() : dictionary().totalTermFreq();
        }

        @Override
        public BytesRef term() throws IOException {
            return remembered != null ? rememberedTerm : dictionary().term();
        }

        @Override
        public AttributeSource attributes() {
            try {
                return dictionary().attributes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) throws IOException {
            forget();
            return dictionary().seekCeil(text);
        }

        @Override
        public void seekExact(long ord) throws IOException {
            forget();
            dictionary().seekExact(ord);
        }

        @Override
        public void seekExact(BytesRef term, TermState state) throws IOException {
            forget();
            dictionary().seekExact(term, state);
        }

        @Override
        public BytesRef next() throws IOException {
            BytesRef standingOn = remembered != null ? rememberedTerm : positionedByState;
            if (standingOn != null) {
                // a dictionary positioned by a term's state does not go on from there (it returns the term again)
                forget();
                dictionary().seekExact(standingOn);
            }
            return dictionary().next();
        }

        @Override
        public long ord() throws IOException {
            return positioned().ord();
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
            return positioned().postings(reuse, flags);
        }

        @Override
        public ImpactsEnum impacts(int flags) throws IOException {
            return positioned().impacts(flags);
        }
    }
}
