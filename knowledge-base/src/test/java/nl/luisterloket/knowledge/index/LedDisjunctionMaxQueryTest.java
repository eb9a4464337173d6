package nl.luisterloket.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.luisterloket.knowledge.TestFiles;
import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;

/**
 * A word group's clause is led by the catch-all field, which must find exactly the services, with exactly the scores,
 * of the plain disjunction over all fields it stands for. Tried with every message of the project's evaluation set,
 * as Dutch and as English, on the sample knowledge base.
 */
class LedDisjunctionMaxQueryTest {

    @Test
    void scoresEveryServiceAsTheDisjunctionOverAllFields() throws IOException {
        TextAnalysis analysis = TextAnalysis.load(new ConfigFiles(TestFiles.configDirectory()));
        List<Service> services = new KnowledgeBaseReader().read(TestFiles.repositoryRoot().resolve("knowledge-base/sample/services.json"));
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(TestFiles.repositoryRoot().resolve("knowledge-base/sample/questions.jsonl"))) {
            if (!line.isBlank()) {
                messages.add(json.readTree(line).get("text").asText());
            }
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory,
                    new IndexWriterConfig(ServiceIndex.indexAnalyzer(analysis)).setSimilarity(ServiceIndex.SIMILARITY))) {
                for (Service service : services) {
                    writer.addDocument(ServiceDocuments.toDocument(service));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(ServiceIndex.SIMILARITY);
                ServiceSearch search = new ServiceSearch(analysis);
                int compared = 0;
                for (String message : messages) {
                    for (boolean english : List.of(false, true)) {
                        Query led = search.prepare(reader, ServiceQuery.of(message, english, 3)).query();
                        if (led == null) {
                            continue;
                        }
                        Query plain = withPlainDisjunctions(led);
                        if (plain.equals(led)) {
                            continue;
                        }
                        List<String> expected = scored(searcher, plain);
                        assertThat(scored(searcher, led)).as(message).isEqualTo(expected);
                        compared += expected.size();
                        for (ScoreDoc best : searcher.search(led, 1).scoreDocs) {
                            Explanation explanation = searcher.explain(led, best.doc);
                            assertThat(explanation.getValue().floatValue()).as(message).isEqualTo(best.score);
                        }
                    }
                }
                assertThat(compared).as("services scored").isGreaterThan(1_000);
            }
        }
    }

    private static List<String> scored(IndexSearcher searcher, Query query) throws IOException {
        ScoreDoc[] hits = searcher.search(query, new TopScoreDocCollectorManager(10_000, null, Integer.MAX_VALUE)).scoreDocs;
        return Arrays.stream(hits).map(hit -> hit.doc + "=" + hit.score).sorted().toList();
    }

    private static Query withPlainDisjunctions(Query query) {
        if (query instanceof LedDisjunctionMaxQuery led) {
            return led.asDisjunctionMax();
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder plain = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                plain.add(withPlainDisjunctions(clause.getQuery()), clause.getOccur());
            }
            return plain.build();
        }
        return query;
    }
}
