package nl.luisterloket.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RememberingTermsReaderTest {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (String text : List.of("huur schuld huur", "schuld voedsel", "huur woning", "taal")) {
                Document document = new Document();
                document.add(new TextField("text", text, Field.Store.NO));
                writer.addDocument(document);
            }
        }
        reader = RememberingTermsReader.wrap(DirectoryReader.open(directory));
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void aRememberedTermReadsAsTheFirstLookUpDid() throws IOException {
        List<String> first = lookUp("huur");
        List<String> again = lookUp("huur");

        assertThat(first).containsExactly("huur", "docFreq 2", "totalTermFreq 3", "docs [0, 2]", "next schuld");
        assertThat(again).isEqualTo(first);
        assertThat(reader.docFreq(new Term("text", "huur"))).isEqualTo(2);
        assertThat(reader.totalTermFreq(new Term("text", "huur"))).isEqualTo(3);
    }

    @Test
    void anAbsentTermStaysAbsentAndOthersAreStillFound() throws IOException {
        for (int i = 0; i < 2; i++) {
            assertThat(enumOfText().seekExact(new BytesRef("kapsalon"))).isFalse();
            assertThat(reader.docFreq(new Term("text", "kapsalon"))).isZero();
            assertThat(reader.docFreq(new Term("text", "taal"))).isEqualTo(1);
        }
    }

    /** A look-up the way Lucene's queries make it: seek, statistics, postings, then the next term of the dictionary. */
    private List<String> lookUp(String word) throws IOException {
        TermsEnum terms = enumOfText();
        assertThat(terms.seekExact(new BytesRef(word))).isTrue();
        List<String> seen = new ArrayList<>();
        seen.add(terms.term().utf8ToString());
        seen.add("docFreq " + terms.docFreq());
        seen.add("totalTermFreq " + terms.totalTermFreq());
        List<Integer> docs = new ArrayList<>();
        PostingsEnum postings = terms.postings(null, PostingsEnum.FREQS);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            docs.add(doc);
        }
        seen.add("docs " + docs);
        seen.add("next " + terms.next().utf8ToString());
        return seen;
    }

    private TermsEnum enumOfText() throws IOException {
        LeafReader leaf = reader.leaves().get(0).reader();
        return leaf.terms("text").iterator();
    }
}
