package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.load.KnowledgeBaseProblem;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/**
 * Every change to the knowledge base goes through here: validated exactly like a knowledge-base file, written as a
 * revision, recorded in the audit log, and announced to the {@link ServiceChangeListener}s once committed (the
 * search index is one). Methods taking a connection work in the caller's transaction.
 */
@Singleton
public final class KnowledgeBaseEditor {

    private final Database database;
    private final ServiceStore store;
    private final AuditLog audit;
    private final KnowledgeBaseReader reader;
    private final ServiceJsonWriter writer;
    private final Set<ServiceChangeListener> listeners;

    @Inject
    public KnowledgeBaseEditor(Database database, ServiceStore store, AuditLog audit, KnowledgeBaseReader reader,
            ServiceJsonWriter writer, Set<ServiceChangeListener> listeners) {
        this.database = requireNonNull(database, "database is null");
        this.store = requireNonNull(store, "store is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.listeners = Set.copyOf(requireNonNull(listeners, "listeners is null"));
    }

    /**
     * Checks a service by writing it in the knowledge-base format and reading it back, so an edit meets exactly the
     * rules of an import. Throws {@link KnowledgeBaseValidationException}.
     */
    public Service validate(Service service) {
        return validate(service.id(), writer.toNode(service));
    }

    /** Reads a service from its JSON form with the knowledge-base reader. Throws {@link KnowledgeBaseValidationException}. */
    public Service validate(String source, ObjectNode entry) {
        String array = "[" + entry + "]";
        return reader.read(source, new ByteArrayInputStream(array.getBytes(StandardCharsets.UTF_8))).get(0);
    }

    /** The service in the JSON form that {@link ServiceFields} edits. */
    public ObjectNode toNode(Service service) {
        return writer.toNode(service);
    }

    /** Validates and saves a service as a new revision; returns the revision number. */
    public int save(Connection transaction, Service service, String actor, String action, String reason) throws SQLException {
        Service valid = validate(service);
        int revision = store.save(transaction, valid, actor, reason);
        audit.record(transaction, actor, action, null, valid.id(), reason);
        announce(valid.id(), Optional.of(valid));
        return revision;
    }

    /**
     * Undoes the newest revision of a service: restores the service as it was before (a new revision, so the undo
     * itself can be undone), or removes it when that revision created it. Returns the revision undone.
     */
    public Optional<ServiceRevision> undo(Connection transaction, String serviceId, String actor) throws SQLException {
        Optional<ServiceRevision> latest = store.latestRevision(transaction, serviceId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        ServiceRevision undone = latest.get();
        String reason = "undo of revision " + undone.revision();
        if (undone.before().isPresent()) {
            store.save(transaction, undone.before().get(), actor, reason);
        } else if (undone.after().isPresent()) {
            store.delete(transaction, serviceId, actor, reason);
        } else {
            return Optional.empty();
        }
        audit.record(transaction, actor, "service.undo", null, serviceId, reason);
        announce(serviceId, undone.before());
        return latest;
    }

    /** Sets {@code last_verified} to {@code today} and clears the review flag; false for an unknown service. */
    public boolean markChecked(Connection transaction, String serviceId, LocalDate today, String actor) throws SQLException {
        Optional<Service> current = store.find(transaction, serviceId);
        if (current.isEmpty()) {
            return false;
        }
        ObjectNode entry = writer.toNode(current.get());
        entry.put("last_verified", today.toString());
        save(transaction, validate(serviceId, entry), actor, "service.checked", "checked on " + today);
        store.clearFlag(transaction, serviceId);
        return true;
    }

    /**
     * Flags a service for review (a resident pressed "Klopt niet"); the weekly digest lists it until an admin changes
     * or checks it. False for an unknown service.
     */
    public boolean flagForReview(Connection transaction, String serviceId, String actor, String reason) throws SQLException {
        boolean known = store.flag(transaction, serviceId);
        if (known) {
            audit.record(transaction, actor, "service.flag", null, serviceId, reason);
        }
        return known;
    }

    /** Retires (active = false) or restores (active = true) a service; false for an unknown service. */
    public boolean setActive(Connection transaction, String serviceId, boolean active, String actor) throws SQLException {
        Optional<Service> current = store.find(transaction, serviceId);
        if (current.isEmpty()) {
            return false;
        }
        ObjectNode entry = writer.toNode(current.get());
        entry.put("active", active);
        save(transaction, validate(serviceId, entry), actor, active ? "service.restore" : "service.retire",
                active ? "restored" : "retired");
        return true;
    }

    /**
     * What importing these services would do. With {@code retireMissing}, active services that the import does not
     * mention are retired (the file is the whole social map). Throws {@link KnowledgeBaseValidationException} when an
     * id occurs twice across the files.
     */
    public ImportPlan plan(Connection connection, List<Service> incoming, boolean retireMissing) throws SQLException {
        Map<String, Service> byId = new LinkedHashMap<>();
        List<KnowledgeBaseProblem> duplicates = new ArrayList<>();
        for (Service service : incoming) {
            if (byId.putIfAbsent(service.id(), service) != null) {
                duplicates.add(new KnowledgeBaseProblem("import", -1, service.id(), "id", "the id '" + service.id() + "' occurs more than once"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new KnowledgeBaseValidationException(duplicates);
        }
        Map<String, Service> current = new HashMap<>();
        store.all(connection).forEach(service -> current.put(service.id(), service));
        List<Service> added = new ArrayList<>();
        List<Service> changed = new ArrayList<>();
        List<Service> retired = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Service service : byId.values()) {
            Service before = current.get(service.id());
            if (before == null) {
                added.add(service);
            } else if (writer.toJson(before).equals(writer.toJson(service))) {
                unchanged.add(service.id());
            } else if (before.active() && !service.active()) {
                retired.add(service);
            } else {
                changed.add(service);
            }
        }
        if (retireMissing) {
            for (Service service : current.values().stream().sorted(java.util.Comparator.comparing(Service::id)).toList()) {
                if (!byId.containsKey(service.id()) && service.active()) {
                    ObjectNode entry = writer.toNode(service);
                    entry.put("active", false);
                    retired.add(validate(service.id(), entry));
                }
            }
        }
        return new ImportPlan(added, changed, retired, unchanged);
    }

    /** Writes a plan in the caller's transaction. */
    public void apply(Connection transaction, ImportPlan plan, String actor, String source) throws SQLException {
        for (Service service : plan.added()) {
            save(transaction, service, actor, "service.import", "import " + source + ": added");
        }
        for (Service service : plan.changed()) {
            save(transaction, service, actor, "service.import", "import " + source + ": changed");
        }
        for (Service service : plan.retired()) {
            save(transaction, service, actor, "service.import", "import " + source + ": retired");
        }
    }

    /** Plans and, unless {@code dryRun}, applies an import in one transaction: all of it or nothing. */
    public ImportPlan importServices(List<Service> incoming, boolean retireMissing, boolean dryRun, String actor, String source) {
        return database.inTransaction(transaction -> {
            ImportPlan plan = plan(transaction, incoming, retireMissing);
            if (!dryRun) {
                apply(transaction, plan, actor, source);
            }
            return plan;
        });
    }

    private void announce(String serviceId, Optional<Service> current) {
        if (!listeners.isEmpty()) {
            database.afterCommit(() -> listeners.forEach(listener -> listener.serviceChanged(serviceId, current)));
        }
    }
}
