package nl.luisterloket.benchmarks.data;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Category;
import nl.luisterloket.knowledge.model.Service;

/**
 * The words synthetic data is made of: the sample knowledge base of Lindestad (its services, grouped by main
 * category) and the resident messages of its evaluation set, both copied onto the classpath at build time.
 */
public final class Vocabulary {

    private static final String SERVICES = "/vocabulary/services.json";
    private static final String QUESTIONS = "/vocabulary/questions.jsonl";

    private final List<Service> sampleServices;
    private final Map<String, CategoryWords> byCategory;
    private final List<ResidentMessage> residentMessages;

    private Vocabulary(List<Service> sampleServices, List<ResidentMessage> residentMessages) {
        this.sampleServices = List.copyOf(sampleServices);
        this.residentMessages = List.copyOf(residentMessages);
        this.byCategory = groupByCategory(sampleServices);
    }

    /** The vocabulary built into this jar. */
    public static Vocabulary builtIn() {
        try (InputStream services = resource(SERVICES); InputStream questions = resource(QUESTIONS)) {
            return new Vocabulary(new KnowledgeBaseReader().read("services.json", services), readQuestions(questions));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in vocabulary", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Vocabulary.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name + ": build the benchmarks module with Maven");
        }
        return in;
    }

    private static List<ResidentMessage> readQuestions(InputStream in) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ResidentMessage> messages = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                messages.add(new ResidentMessage(node.path("text").asText(), node.path("expect").asText()));
            }
        }
        return messages;
    }

    private static Map<String, CategoryWords> groupByCategory(List<Service> services) {
        Map<String, CategoryWords> words = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            Set<String> stems = new LinkedHashSet<>();
            Set<String> keywords = new LinkedHashSet<>();
            Set<String> questions = new LinkedHashSet<>();
            Set<String> summaries = new LinkedHashSet<>();
            Set<String> englishKeywords = new LinkedHashSet<>();
            Set<String> secondary = new LinkedHashSet<>();
            for (Service service : services) {
                if (!service.categories().contains(category.id())) {
                    continue;
                }
                keywords.addAll(service.keywords());
                questions.addAll(service.exampleQuestions());
                service.translation("en").ifPresent(translation -> englishKeywords.addAll(translation.keywords()));
                if (service.mainCategory().equals(category.id())) {
                    stems.add(stem(service.name()));
                    summaries.add(service.summary());
                    service.categories().stream().skip(1).forEach(secondary::add);
                }
            }
            if (summaries.isEmpty()) {
                services.stream().filter(s -> s.categories().contains(category.id())).findFirst().ifPresent(s -> {
                    stems.add(stem(s.name()));
                    summaries.add(s.summary());
                });
            }
            words.put(category.id(), new CategoryWords(category.id(), List.copyOf(stems), List.copyOf(keywords),
                    List.copyOf(questions), List.copyOf(summaries), List.copyOf(englishKeywords), List.copyOf(secondary)));
        }
        return Map.copyOf(words);
    }

    /** "Schuldhulpverlening Lindestad" → "Schuldhulpverlening"; "Wijkteam Noord" stays. */
    private static String stem(String name) {
        String stem = name.replace("Lindestad", "").replaceAll("\\(.*\\)", "").replaceAll("\\s+", " ").strip();
        return stem.isEmpty() ? name : stem;
    }

    public List<Service> sampleServices() {
        return sampleServices;
    }

    public CategoryWords category(String id) {
        return requireNonNull(byCategory.get(id), "unknown category " + id);
    }

    public List<ResidentMessage> residentMessages() {
        return residentMessages;
    }

    /** The words of one life domain. */
    public record CategoryWords(String id, List<String> nameStems, List<String> keywords, List<String> exampleQuestions,
            List<String> summaries, List<String> englishKeywords, List<String> relatedCategories) {
    }

    /** A message from the evaluation set and the kind of answer it expects (service, crisis, human, ...). */
    public record ResidentMessage(String text, String expect) {
    }
}
