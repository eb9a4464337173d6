package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/** The services table and its revisions: every change is a new revision with who, when, before and after. */
@Singleton
public final class ServiceStore {

    /** Below this many services per core, parsing in parts costs more than it saves. */
    private static final int PARALLEL_PART_SIZE = 500;

    /**
     * Flagged: explicitly, or a resident answered "wrong details" on a suggestion of the service after its
     * last change (an edit or a check clears it, because both update {@code updated_at}).
     */
    static final String FLAGGED = "(flagged = 1 OR EXISTS (SELECT 1 FROM suggestions s WHERE s.service_id = services.id"
            + " AND s.feedback = 'wrong_details' AND s.feedback_at > services.updated_at))";

    private final Clock clock;
    private final KnowledgeBaseReader reader;
    private final ServiceJsonWriter writer;

    @Inject
    public ServiceStore(Clock clock, KnowledgeBaseReader reader, ServiceJsonWriter writer) {
        this.clock = requireNonNull(clock, "clock is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    public List<Service> all(Connection connection) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT json FROM services ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                objects.add(rows.getString(1));
            }
        }
        return parse("database", objects);
    }

    public Optional<Service> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT json FROM services WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(parse("database", List.of(row.getString(1))).get(0)) : Optional.empty();
            }
        }
    }

    public int count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM services");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** Writes a new revision of a service (inserting it when new); returns the revision number. */
    public int save(Connection transaction, Service service, String actor, String reason) throws SQLException {
        Optional<String> before = currentJson(transaction, service.id());
        String after = writer.toJson(service);
        int revision = nextRevision(transaction, service.id());
        String now = clock.instant().toString();
        try (PreparedStatement upsert = transaction.prepareStatement(
                "INSERT INTO services (id, json, active, revision, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET json = excluded.json, active = excluded.active,"
                        + " revision = excluded.revision, updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
            upsert.setString(1, service.id());
            upsert.setString(2, after);
            upsert.setInt(3, service.active() ? 1 : 0);
            upsert.setInt(4, revision);
            upsert.setString(5, now);
            upsert.setString(6, actor);
            upsert.executeUpdate();
        }
        insertRevision(transaction, service.id(), revision, actor, before.orElse(null), after, reason);
        return revision;
    }

    /** Every service with its revision number, flag and last change, in id order. */
    public List<ServiceListing> listing(Connection connection) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT json, revision, " + FLAGGED + ", updated_at, updated_by FROM services ORDER BY id");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new StoredRow(result.getString(1), result.getInt(2), result.getInt(3) == 1,
                        Instant.parse(result.getString(4)), result.getString(5)));
            }
        }
        List<Service> services = parse("database", rows.stream().map(StoredRow::json).toList());
        List<ServiceListing> listings = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            StoredRow row = rows.get(i);
            listings.add(new ServiceListing(services.get(i), row.revision(), row.flagged(), row.updatedAt(), row.updatedBy()));
        }
        return listings;
    }

    private record StoredRow(String json, int revision, boolean flagged, Instant updatedAt, String updatedBy) {
    }

    /** The revisions of a service, oldest first; empty for an unknown id. */
    public List<ServiceRevision> history(Connection connection, String id) throws SQLException {
        List<ServiceRevision> revisions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT revision, changed_at, changed_by, reason, before_json, after_json FROM service_revisions"
                        + " WHERE service_id = ? ORDER BY revision")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    revisions.add(new ServiceRevision(id, rows.getInt(1), Instant.parse(rows.getString(2)), rows.getString(3),
                            rows.getString(4), parseOptional(rows.getString(5)), parseOptional(rows.getString(6))));
                }
            }
        }
        return revisions;
    }

    /** The newest revision of a service. */
    public Optional<ServiceRevision> latestRevision(Connection connection, String id) throws SQLException {
        List<ServiceRevision> revisions = history(connection, id);
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /** The row id of the newest revision of any service (0 when none): a cursor for following changes. */
    public long lastRevisionRow(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM service_revisions");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Ids of the services changed after the revision row {@code afterRow}, in order of change, each once. */
    public List<String> changedSince(Connection connection, long afterRow) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT service_id FROM service_revisions WHERE id > ? GROUP BY service_id ORDER BY max(id)")) {
            select.setLong(1, afterRow);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Removes a service (undo of its creation), keeping its history; returns the revision number. */
    public int delete(Connection transaction, String id, String actor, String reason) throws SQLException {
        Optional<String> before = currentJson(transaction, id);
        if (before.isEmpty()) {
            throw new IllegalArgumentException("no service '" + id + "'");
        }
        int revision = nextRevision(transaction, id);
        try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM services WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        insertRevision(transaction, id, revision, actor, before.get(), null, reason);
        return revision;
    }

    /** Marks a service for review: a resident said its details are wrong. Returns false for an unknown id. */
    public boolean flag(Connection transaction, String id) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement("UPDATE services SET flagged = 1 WHERE id = ?")) {
            update.setString(1, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Clears the review flag (an admin checked the service). */
    public void clearFlag(Connection transaction, String id) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement("UPDATE services SET flagged = 0 WHERE id = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    private Optional<Service> parseOptional(String json) {
        return json == null ? Optional.empty() : Optional.of(parse("revision", List.of(json)).get(0));
    }

    private Optional<String> currentJson(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT json FROM services WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private void insertRevision(Connection transaction, String id, int revision, String actor, String before, String after,
            String reason) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO service_revisions (service_id, revision, changed_at, changed_by, before_json, after_json, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setInt(2, revision);
            insert.setString(3, clock.instant().toString());
            insert.setString(4, actor);
            insert.setString(5, before);
            if (after == null) {
                insert.setNull(6, Types.VARCHAR);
            } else {
                insert.setString(6, after);
            }
            insert.setString(7, reason);
            insert.executeUpdate();
        }
    }

    private int nextRevision(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(revision), 0) + 1 FROM service_revisions WHERE service_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * Parses and validates stored services; a large batch (the whole knowledge base at start-up) in parts on every
     * core. A part with problems is read again whole, so a problem names the entry's place among all of them.
     */
    private List<Service> parse(String source, List<String> objects) {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), objects.size() / PARALLEL_PART_SIZE);
        if (parts < 2) {
            return parseTogether(source, objects);
        }
        try {
            int size = (objects.size() + parts - 1) / parts;
            return IntStream.range(0, parts).parallel()
                    .mapToObj(part -> parseTogether(source, objects.subList(part * size, Math.min(objects.size(), (part + 1) * size))))
                    .flatMap(List::stream).toList();
        } catch (KnowledgeBaseValidationException e) {
            return parseTogether(source, objects);
        }
    }

    private List<Service> parseTogether(String source, List<String> objects) {
        String array = "[" + String.join(",", objects) + "]";
        return reader.read(source, new ByteArrayInputStream(array.getBytes(StandardCharsets.UTF_8)));
    }
}
