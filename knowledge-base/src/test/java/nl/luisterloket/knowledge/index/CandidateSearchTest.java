package nl.luisterloket.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.luisterloket.knowledge.TestFiles;
import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;

/**
 * A large index first picks candidates with the catch-all fields and scores only those in full. Tried here on the
 * sample knowledge base with that path switched on and few candidates: the services a resident is shown stay the
 * same as when every match is scored in full.
 */
class CandidateSearchTest {

    private static final int CANDIDATES = 12;

    @Test
    void candidatesFromTheCatchAllFieldsKeepTheServicesShown() throws IOException {
        Path root = TestFiles.repositoryRoot();
        TextAnalysis analysis = TextAnalysis.load(new ConfigFiles(TestFiles.configDirectory()));
        List<Service> services = new KnowledgeBaseReader().read(root.resolve("knowledge-base/sample/services.json"));
        List<String> messages = messages(root.resolve("knowledge-base/sample/questions.jsonl"));
        try (ServiceIndex full = new ServiceIndex(analysis); ServiceIndex twoStep = new ServiceIndex(analysis, 0, CANDIDATES)) {
            full.replaceAll(services);
            twoStep.replaceAll(services);
            int same = 0;
            for (String message : messages) {
                ServiceQuery query = ServiceQuery.of(message, false, 3);
                if (ids(full.search(query)).equals(ids(twoStep.search(query)))) {
                    same++;
                }
            }
            assertThat((double) same / messages.size()).as("messages with the same top 3 (%d of %d)", same, messages.size())
                    .isGreaterThanOrEqualTo(0.95);
        }
    }

    private static List<String> ids(List<ServiceHit> hits) {
        return hits.stream().map(hit -> hit.service().id()).toList();
    }

    private static List<String> messages(Path questions) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(questions).stream().filter(line -> !line.isBlank()).map(line -> {
            try {
                JsonNode node = json.readTree(line);
                return node.get("text").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
