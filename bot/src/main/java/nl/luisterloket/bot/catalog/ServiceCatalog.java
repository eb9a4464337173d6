package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.model.Service;

/**
 * Keeps the search index in step with the services in SQLite: fills it at start-up (importing the
 * sample knowledge base into an empty database first) and after every change.
 */
@Singleton
public final class ServiceCatalog implements ManagedService, ServiceChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ServiceCatalog.class);

    private final Database database;
    private final ServiceStore store;
    private final ServiceDirectory directory;
    private final KnowledgeBaseReader reader;
    private final KnowledgeBaseSettings settings;

    @Inject
    ServiceCatalog(Database database, ServiceStore store, ServiceDirectory directory, KnowledgeBaseReader reader,
            KnowledgeBaseSettings settings) {
        this.database = requireNonNull(database, "database is null");
        this.store = requireNonNull(store, "store is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public int startOrder() {
        return 10;
    }

    @Override
    public void start() {
        boolean empty = database.read(store::count) == 0;
        if (empty && Files.isRegularFile(settings.sampleFile())) {
            List<Service> sample = reader.read(settings.sampleFile());
            saveAll(sample, "sample-import", "first run: sample knowledge base " + settings.sampleFile().getFileName());
            log.info("Empty database: imported {} sample services from {}", sample.size(), settings.sampleFile());
        } else if (empty) {
            log.warn("The knowledge base is empty and the sample file {} does not exist", settings.sampleFile());
        }
        reload();
    }

    /** Rebuilds the index from the database. */
    public void reload() {
        List<Service> services = database.read(store::all);
        directory.replaceAll(services);
        log.info("Knowledge base loaded: {} services", services.size());
    }

    /** Saves services as new revisions in one transaction, then updates the index. */
    public void saveAll(List<Service> services, String actor, String reason) {
        database.inTransaction(transaction -> {
            for (Service service : services) {
                store.save(transaction, service, actor, reason);
            }
            return null;
        });
        services.forEach(directory::upsert);
    }

    /** Keeps the index in step with a committed change (called by {@link KnowledgeBaseEditor}). */
    @Override
    public void serviceChanged(String serviceId, Optional<Service> current) {
        current.ifPresentOrElse(directory::upsert, () -> directory.remove(serviceId));
    }

    @Override
    public void stop() {
    }
}
