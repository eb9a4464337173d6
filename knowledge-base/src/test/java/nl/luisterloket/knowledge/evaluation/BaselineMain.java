package nl.luisterloket.knowledge.evaluation;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;

/**
 * The plain baseline of docs/BENCHMARKS.md: Lucene's StandardAnalyzer, BM25, every text of a service in one field,
 * inactive services left out. It answers with the top hits whenever anything matches and never detects a crisis,
 * a request for a person, small talk or complexity. Arguments: KB, questions, output.
 */
public final class BaselineMain {

    private BaselineMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Service> services = new KnowledgeBaseReader().read(Path.of(args[0]));
        Evaluation evaluation = new Evaluation(new nl.luisterloket.knowledge.understanding.MatchingSettings(0.5, 0.3, Path.of("config")));
        List<EvaluationQuestion> questions = evaluation.readQuestions(Path.of(args[1]));
        List<EvaluationResult> results = new ArrayList<>();
        try (StandardAnalyzer analyzer = new StandardAnalyzer(); ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Service service : services) {
                    if (!service.active()) {
                        continue;
                    }
                    Document document = new Document();
                    document.add(new StringField("id", service.id(), Field.Store.YES));
                    document.add(new TextField("text", allText(service), Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(analyzer);
                for (EvaluationQuestion question : questions) {
                    Query query = builder.createBooleanQuery("text", question.text());
                    List<String> ids = new ArrayList<>();
                    if (query != null) {
                        for (ScoreDoc hit : searcher.search(query, 5).scoreDocs) {
                            ids.add(searcher.storedFields().document(hit.doc).get("id"));
                        }
                    }
                    results.add(new EvaluationResult(question.id(), ids.isEmpty() ? "no_match" : "answer", ids, ids.isEmpty() ? 0 : 1));
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            evaluation.write(results, out);
        }
        System.out.print(Evaluation.summarize(services, questions, results).format());
    }

    private static String allText(Service service) {
        Stream<String> english = service.translation("en").stream().flatMap(translation -> Stream.concat(
                Stream.of(translation.name(), translation.summary(), translation.description()),
                Stream.concat(translation.keywords().stream(), translation.exampleQuestions().stream())));
        return Stream.of(Stream.of(service.name(), service.organization(), service.summary(), service.description(),
                                service.eligibility()), service.keywords().stream(), service.exampleQuestions().stream(), english)
                .flatMap(stream -> stream).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }
}
