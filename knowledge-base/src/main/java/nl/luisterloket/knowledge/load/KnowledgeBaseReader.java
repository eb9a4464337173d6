package nl.luisterloket.knowledge.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.luisterloket.knowledge.model.Service;

/**
 * Reads a knowledge-base file (a JSON array of services, see docs/knowledge-base.md) and validates all of it:
 * either every entry is fine and the services come back, or a {@link KnowledgeBaseValidationException} lists
 * every problem in the file at once. Thread-safe.
 */
public final class KnowledgeBaseReader {

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public List<Service> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge base " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from a stream; {@code sourceName} names it in problem reports (usually the file name). */
    public List<Service> read(String sourceName, InputStream in) {
        ProblemCollector problems = new ProblemCollector(sourceName);
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            problems.addForFile("not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
            throw new KnowledgeBaseValidationException(problems.problems());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge base " + sourceName + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            problems.addForFile("must be a JSON array of services");
            throw new KnowledgeBaseValidationException(problems.problems());
        }
        List<Service> services = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int index = 0; index < root.size(); index++) {
            JsonNode entry = root.get(index);
            Service service = new ServiceEntryParser(problems, index, entry).parse();
            if (service != null) {
                services.add(service);
            }
            JsonNode id = entry.path("id");
            if (id.isTextual()) {
                Integer earlier = firstIndexOfId.putIfAbsent(id.asText(), index);
                if (earlier != null) {
                    problems.add(index, id.asText(), "id", "duplicate id, also used by entry " + earlier);
                }
            }
        }
        problems.throwIfAny();
        return List.copyOf(services);
    }
}
