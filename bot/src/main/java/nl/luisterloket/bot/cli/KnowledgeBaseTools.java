package nl.luisterloket.bot.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.catalog.KnowledgeBaseEditor;
import nl.luisterloket.bot.catalog.ServiceCsv;
import nl.luisterloket.bot.catalog.ServiceStore;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.load.KnowledgeBaseProblem;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/**
 * What the {@code kb} commands work with: the database and the knowledge-base editor, without the search index
 * or channels (a running bot picks up the changes from the database).
 */
final class KnowledgeBaseTools implements AutoCloseable {

    final KnowledgeBaseReader reader = new KnowledgeBaseReader();
    final ServiceJsonWriter writer = new ServiceJsonWriter();
    final ServiceCsv csv = new ServiceCsv(reader, writer);
    final Clock clock;
    private Database database;
    private ServiceStore store;
    private KnowledgeBaseEditor editor;
    private final LuisterloketConfig config;

    KnowledgeBaseTools(LuisterloketConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    Database database() {
        if (database == null) {
            database = Database.open(config.databaseFile());
        }
        return database;
    }

    ServiceStore store() {
        if (store == null) {
            store = new ServiceStore(clock, reader, writer);
        }
        return store;
    }

    KnowledgeBaseEditor editor() {
        if (editor == null) {
            editor = new KnowledgeBaseEditor(database(), store(), new AuditLog(clock), reader, writer, Set.of());
        }
        return editor;
    }

    /** Reads every file (CSV by its extension, else JSON), reporting the problems of all files at once. */
    List<Service> readAll(List<Path> files) {
        List<Service> services = new ArrayList<>();
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                services.addAll(read(file));
            } catch (KnowledgeBaseValidationException invalid) {
                problems.addAll(invalid.details());
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseValidationException(problems);
        }
        return services;
    }

    List<Service> read(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new KnowledgeBaseValidationException(List.of(new KnowledgeBaseProblem(file.toString(), -1, null, "", "no such file")));
        }
        return isCsv(file) ? csv.read(file) : reader.read(file);
    }

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
