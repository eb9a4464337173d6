package nl.luisterloket.benchmarks.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

import nl.luisterloket.bot.catalog.ServiceStore;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/**
 * Fills a workspace: a knowledge-base file of the wanted size, the same services in the database (as the catalog
 * stores them, with a first revision each), and residents with their conversation history.
 */
public final class WorkspacePreparation {

    private final Vocabulary vocabulary;
    private final Clock clock;

    public WorkspacePreparation(Vocabulary vocabulary, Clock clock) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Writes everything into an empty data directory; returns a one-line description of what was written. */
    public String prepare(Workspace workspace, int serviceCount, int residentCount, long seed) {
        if (Files.exists(workspace.databaseFile())) {
            throw new IllegalArgumentException(workspace.databaseFile() + " exists already: use an empty data directory");
        }
        Province province = Province.invented();
        List<Service> services = new KnowledgeBaseGenerator(vocabulary, province).generate(serviceCount, seed);
        ServiceJsonWriter writer = new ServiceJsonWriter();
        try {
            Files.createDirectories(workspace.dataDirectory());
            Files.writeString(workspace.servicesFile(), writer.toJsonArray(services), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + workspace.servicesFile(), e);
        }
        long messages;
        try (Database database = Database.open(workspace.databaseFile())) {
            ServiceStore store = new ServiceStore(clock, new KnowledgeBaseReader(), writer);
            database.inTransaction(transaction -> {
                for (Service service : services) {
                    store.save(transaction, service, "benchmark", "synthetic knowledge base");
                }
                return null;
            });
            messages = new ResidentHistoryGenerator(new MessageMix(vocabulary, province))
                    .generate(database, residentCount, clock.instant(), seed);
        }
        return services.size() + " services, " + residentCount + " residents with " + messages + " messages in "
                + workspace.dataDirectory();
    }
}
