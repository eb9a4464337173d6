package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * sample knowledge base into an empty database first), after every change committed in this process (as a
 * {@link ServiceChangeListener}), and, checking every {@value #FOLLOW_MILLIS} ms, after changes another process
 * wrote (a {@code luisterloket kb import} while the bot runs).
 */
@Singleton
public final class ServiceCatalog implements ManagedService, ServiceChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ServiceCatalog.class);
    static final long FOLLOW_MILLIS = 500;

    private final Database database;
    private final ServiceStore store;
    private final ServiceDirectory directory;
    private final KnowledgeBaseReader reader;
    private final KnowledgeBaseSettings settings;
    private final Object followLock = new Object();
    private long followedRevisionRow;
    private boolean followFailing;
    private ScheduledExecutorService follower;

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
        synchronized (this) {
            follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "catalog-follower");
                thread.setDaemon(true);
                return thread;
            });
            follower.scheduleWithFixedDelay(this::followQuietly, FOLLOW_MILLIS, FOLLOW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Rebuilds the index from the database. */
    public void reload() {
        synchronized (followLock) {
            long start = System.nanoTime();
            followedRevisionRow = database.read(store::lastRevisionRow);
            List<Service> services = database.read(store::all);
            long read = System.nanoTime();
            directory.replaceAll(services);
            long indexed = System.nanoTime();
            log.info("Knowledge base loaded: {} services (read in {} ms, indexed in {} ms{})", services.size(),
                    (read - start) / 1_000_000, (indexed - read) / 1_000_000,
                    directory.takenFromSnapshot() ? ", from the snapshot" : "");
        }
    }

    /** Brings the index up to date with revisions written since the last look (by any process); returns the ids updated. */
    public List<String> followDatabase() {
        synchronized (followLock) {
            return database.read(connection -> {
                long last = store.lastRevisionRow(connection);
                if (last == followedRevisionRow) {
                    return List.of();
                }
                List<String> changed = store.changedSince(connection, followedRevisionRow);
                for (String id : changed) {
                    store.find(connection, id).ifPresentOrElse(directory::upsert, () -> directory.remove(id));
                }
                followedRevisionRow = last;
                return changed;
            });
        }
    }

    private void followQuietly() {
        try {
            List<String> changed = followDatabase();
            if (!changed.isEmpty()) {
                log.debug("Index follows {} changed services", changed.size());
            }
            followFailing = false;
        } catch (RuntimeException e) {
            // warn once per spell of failures, not twice a second
            if (!followFailing) {
                log.warn("Could not follow knowledge-base changes; trying again", e);
            }
            followFailing = true;
        }
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
        directory.saveSnapshotIfChanged();
    }

    /** Keeps the index in step with a committed change (called by {@link KnowledgeBaseEditor}). */
    @Override
    public void serviceChanged(String serviceId, Optional<Service> current) {
        current.ifPresentOrElse(directory::upsert, () -> directory.remove(serviceId));
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (follower != null) {
            follower.shutdownNow();
            follower.awaitTermination(5, TimeUnit.SECONDS);
        }
        directory.saveSnapshotIfChanged();
    }
}
