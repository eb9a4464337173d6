package nl.luisterloket.knowledge.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.evaluation.EvaluationSummary.Tally;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.understanding.MatchingSettings;
import nl.luisterloket.knowledge.understanding.MessageUnderstander;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Suggestion;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * Runs an evaluation set through the same understanding the live desk uses: each message as the first message of a
 * new conversation against a fresh index of the given knowledge base. Writes one JSON line per message in the
 * benchmark's output format and counts the figures the benchmark's score.py reports.
 */
public final class Evaluation {

    private final ObjectMapper json = new ObjectMapper();
    private final MatchingSettings settings;

    public Evaluation(MatchingSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Evaluates the questions file against the knowledge-base file, writing the decisions to {@code output}. */
    public EvaluationSummary run(Path knowledgeBase, Path questions, Path output) {
        List<Service> services = new KnowledgeBaseReader().read(knowledgeBase);
        List<EvaluationQuestion> messages = readQuestions(questions);
        List<EvaluationResult> results = decide(services, messages);
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            write(results, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return summarize(services, messages, results);
    }

    public List<EvaluationResult> decide(List<Service> services, List<EvaluationQuestion> messages) {
        try (ServiceIndex index = new ServiceIndex(TextAnalysis.load(new ConfigFiles(settings.configDirectory())))) {
            index.replaceAll(services);
            MessageUnderstanding understanding = new MessageUnderstander(index, settings);
            List<EvaluationResult> results = new ArrayList<>();
            for (EvaluationQuestion message : messages) {
                Understanding understood = understanding.understand(message.text(), UnderstandingContext.FIRST_MESSAGE);
                results.add(new EvaluationResult(message.id(), understood.decision().wireName(),
                        understood.suggestions().stream().map(Suggestion::service).map(Service::id).toList(),
                        understood.confidence()));
            }
            return results;
        }
    }

    public void write(List<EvaluationResult> results, Writer out) throws IOException {
        for (EvaluationResult result : results) {
            ObjectNode line = json.createObjectNode();
            line.put("id", result.id());
            line.put("decision", result.decision());
            result.services().forEach(line.putArray("services")::add);
            if (result.services().isEmpty()) {
                line.putArray("services");
            }
            line.put("confidence", Math.round(result.confidence() * 10_000) / 10_000.0);
            out.write(json.writeValueAsString(line));
            out.write('\n');
        }
    }

    public List<EvaluationQuestion> readQuestions(Path file) {
        List<EvaluationQuestion> questions = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(lines.get(i));
                List<String> services = new ArrayList<>();
                node.path("services").forEach(service -> services.add(service.asText()));
                if (!node.path("id").isTextual() || !node.path("text").isTextual() || !node.path("expect").isTextual()) {
                    throw new IllegalArgumentException(file + ": line " + (i + 1) + ": needs id, text and expect");
                }
                questions.add(new EvaluationQuestion(node.get("id").asText(), node.get("text").asText(),
                        node.get("expect").asText(), services));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return questions;
    }

    /** Counts hits per metric exactly as the benchmark's score.py does. */
    public static EvaluationSummary summarize(List<Service> services, List<EvaluationQuestion> messages, List<EvaluationResult> results) {
        Set<String> urgent = services.stream().filter(Service::urgent).map(Service::id).collect(Collectors.toSet());
        Set<String> inactive = services.stream().filter(service -> !service.active()).map(Service::id).collect(Collectors.toSet());
        Map<String, EvaluationResult> byId = new HashMap<>();
        results.forEach(result -> byId.put(result.id(), result));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        int inactiveSuggested = 0;
        for (EvaluationQuestion message : messages) {
            EvaluationResult result = byId.getOrDefault(message.id(), new EvaluationResult(message.id(), "missing", List.of(), 0));
            String decision = result.decision();
            List<String> suggested = result.services();
            if (suggested.stream().anyMatch(inactive::contains)) {
                inactiveSuggested++;
            }
            switch (message.expect()) {
                case "service" -> {
                    boolean answered = decision.equals("answer") || decision.equals("clarify");
                    Set<String> wanted = Set.copyOf(message.services());
                    count(tallies, EvaluationSummary.SERVICE_TOP1, answered && !suggested.isEmpty() && wanted.contains(suggested.get(0)));
                    count(tallies, EvaluationSummary.SERVICE_TOP3, answered
                            && suggested.subList(0, Math.min(3, suggested.size())).stream().anyMatch(wanted::contains));
                }
                case "crisis" -> count(tallies, EvaluationSummary.CRISIS_RECALL,
                        decision.equals("crisis") && suggested.stream().anyMatch(urgent::contains));
                case "human" -> count(tallies, EvaluationSummary.HUMAN_HANDOVER, decision.equals("escalate") || decision.equals("crisis"));
                case "complex" -> count(tallies, EvaluationSummary.COMPLEX_HANDOVER, decision.equals("escalate"));
                case "smalltalk" -> count(tallies, EvaluationSummary.SMALLTALK, decision.equals("smalltalk"));
                case "none" -> count(tallies, EvaluationSummary.NONE_HONEST, decision.equals("no_match") || decision.equals("escalate"));
                default -> throw new IllegalArgumentException("message " + message.id() + ": unknown expect '" + message.expect() + "'");
            }
            if (!message.expect().equals("crisis")) {
                count(tallies, EvaluationSummary.CRISIS_FALSE_ALARM_FREE, !decision.equals("crisis"));
            }
        }
        return new EvaluationSummary(tallies, inactiveSuggested, messages.size());
    }

    private static void count(Map<String, Tally> tallies, String metric, boolean hit) {
        tallies.merge(metric, new Tally(hit ? 1 : 0, 1), (a, b) -> new Tally(a.hits() + b.hits(), a.total() + b.total()));
    }
}
