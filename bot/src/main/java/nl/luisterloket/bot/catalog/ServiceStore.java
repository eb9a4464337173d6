package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/** The services table and its revisions: every change is a new revision with who, when, before and after. */
@Singleton
public final class ServiceStore {

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
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO service_revisions (service_id, revision, changed_at, changed_by, before_json, after_json, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, service.id());
            insert.setInt(2, revision);
            insert.setString(3, now);
            insert.setString(4, actor);
            insert.setString(5, before.orElse(null));
            insert.setString(6, after);
            insert.setString(7, reason);
            insert.executeUpdate();
        }
        return revision;
    }

    private Optional<String> currentJson(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT json FROM services WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
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

    private List<Service> parse(String source, List<String> objects) {
        String array = "[" + String.join(",", objects) + "]";
        return reader.read(source, new ByteArrayInputStream(array.getBytes(StandardCharsets.UTF_8)));
    }
}
