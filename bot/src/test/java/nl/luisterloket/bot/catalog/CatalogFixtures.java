package nl.luisterloket.bot.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/** Small services and a wired editor on a real SQLite file, for catalog tests. */
public final class CatalogFixtures {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    public static final Path SAMPLE = Path.of("..", "knowledge-base", "sample", "services.json");

    private CatalogFixtures() {
    }

    public static Service service(String id, String name, String category, String phone) {
        String json = """
                [{"id": "%s", "name": "%s", "summary": "Hulp bij %s.", "categories": ["%s"],
                  "keywords": ["hulp", "%s"], "contact": {"phone": "%s"},
                  "opening_hours": [{"days": ["mo", "tu", "we", "th", "fr"], "opens": "09:00", "closes": "17:00"}],
                  "last_verified": "2026-06-01"}]
                """.formatted(id, name, name, category, category, phone);
        return new KnowledgeBaseReader().read("fixture", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).get(0);
    }

    public static KnowledgeBaseEditor editor(Database database, Clock clock, Set<ServiceChangeListener> listeners) {
        KnowledgeBaseReader reader = new KnowledgeBaseReader();
        ServiceJsonWriter writer = new ServiceJsonWriter();
        return new KnowledgeBaseEditor(database, new ServiceStore(clock, reader, writer), new AuditLog(clock), reader, writer, listeners);
    }

    public static ServiceStore store(Clock clock) {
        return new ServiceStore(clock, new KnowledgeBaseReader(), new ServiceJsonWriter());
    }

    public static List<Service> sample() {
        return new KnowledgeBaseReader().read(SAMPLE);
    }
}
