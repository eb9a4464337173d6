package nl.luisterloket.knowledge.evaluation;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.index.ServiceHit;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.index.ServiceQuery;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;

/** Prints, per evaluation message, what the search found (scores, coverage) as JSON lines: for fitting the confidence. */
public final class SearchFeaturesMain {

    private SearchFeaturesMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Service> services = new KnowledgeBaseReader().read(Path.of(args[0]));
        Evaluation evaluation = new Evaluation(new nl.luisterloket.knowledge.understanding.MatchingSettings(0.5, 0.3, Path.of("config")));
        try (ServiceIndex index = new ServiceIndex(TextAnalysis.load(new ConfigFiles(Path.of("config"))))) {
            index.replaceAll(services);
            for (EvaluationQuestion question : evaluation.readQuestions(Path.of(args[1]))) {
                boolean english = question.text().matches("(?i).*\\b(i|my|the|is|are|where|what|how|can)\\b.*")
                        && !question.text().matches("(?i).*\\b(ik|mijn|de|het|een|waar|wat|hoe)\\b.*");
                String lower = " " + question.text().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]+", " ") + " ";
                String neighbourhood = index.neighbourhoods().stream()
                        .filter(area -> lower.contains(" " + area.toLowerCase(java.util.Locale.ROOT) + " ")).findFirst().orElse(null);
                List<ServiceHit> hits = index.search(new ServiceQuery(question.text(), english, neighbourhood, java.util.Set.of(),
                        java.util.Set.of(), false, 5));
                ObjectNode line = json.createObjectNode();
                line.put("id", question.id());
                line.put("expect", question.expect());
                ArrayNode wanted = line.putArray("want");
                question.services().forEach(wanted::add);
                ArrayNode found = line.putArray("hits");
                for (ServiceHit hit : hits) {
                    ObjectNode h = found.addObject();
                    h.put("id", hit.service().id());
                    h.put("score", hit.score());
                    h.put("coverage", hit.coverage());
                    h.put("relevance", hit.relevance());
                    h.put("strength", hit.strength());
                    h.put("words", hit.words());
                }
                line.put("text", question.text());
                System.out.println(json.writeValueAsString(line));
            }
        }
    }
}
