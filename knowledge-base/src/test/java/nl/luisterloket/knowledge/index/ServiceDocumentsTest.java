package nl.luisterloket.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import nl.luisterloket.knowledge.TestServices;
import nl.luisterloket.knowledge.model.Service;

class ServiceDocumentsTest {

    @Test
    void everyServiceHasANormInEveryTextFieldButOnlyTextCountsForTheFieldsStatistics() throws IOException {
        List<Service> services = TestServices.city();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (Service service : services) {
                    writer.addDocument(ServiceDocuments.toDocument(service));
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                List<String> textFields = new ArrayList<>(ServiceFields.DUTCH_TEXT_FIELDS);
                textFields.addAll(ServiceFields.ENGLISH_TEXT_FIELDS);
                textFields.add(ServiceFields.NL_ALL);
                textFields.add(ServiceFields.EN_ALL);
                for (String field : textFields) {
                    NumericDocValues norms = leaf.getNormValues(field);
                    assertThat(norms).as(field).isNotNull();
                    // dense: scoring reads a service's norm directly instead of searching for it
                    assertThat(norms.cost()).as(field).isEqualTo(services.size());
                }
                // one service of the city has English texts, none has a description: BM25's averages are over those that do
                assertThat(leaf.terms("en_summary").getDocCount()).isEqualTo(1);
                assertThat(leaf.terms("nl_description")).isNull();
                assertThat(leaf.terms("nl_summary").getDocCount()).isEqualTo(services.size());
            }
        }
    }
}
