package nl.luisterloket.bot.access;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Workers, admins and their roles, in the database. Every worker and admin command asks here —
 * never group membership or a name — so that a removed member loses access at once.
 */
@Singleton
public final class StaffDirectory {

    private final Clock clock;

    @Inject
    public StaffDirectory(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The staff member with this Telegram user id, active or not. */
    public Optional<StaffMember> find(Connection connection, String telegramUserId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, telegram_user_id, first_name, active FROM workers WHERE telegram_user_id = ?")) {
            select.setString(1, telegramUserId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(load(connection, row)) : Optional.empty();
            }
        }
    }

    /** An active staff member with this user id, or empty: what every access check starts from. */
    public Optional<StaffMember> active(Connection connection, String telegramUserId) throws SQLException {
        return find(connection, telegramUserId).filter(StaffMember::active);
    }

    public Optional<StaffMember> byId(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, telegram_user_id, first_name, active FROM workers WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(load(connection, row)) : Optional.empty();
            }
        }
    }

    /** Active workers of a team. */
    public List<StaffMember> workersOf(Connection connection, String team) throws SQLException {
        List<StaffMember> members = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT w.id, w.telegram_user_id, w.first_name, w.active FROM workers w"
                        + " JOIN worker_roles r ON r.worker_id = w.id WHERE r.role = 'WORKER' AND r.team = ? AND w.active = 1 ORDER BY w.id")) {
            select.setString(1, team);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.add(load(connection, rows));
                }
            }
        }
        return members;
    }

    /** All staff, active or not, by id. */
    public List<StaffMember> all(Connection connection) throws SQLException {
        List<StaffMember> members = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, telegram_user_id, first_name, active FROM workers ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                members.add(load(connection, rows));
            }
        }
        return members;
    }

    /** Creates the member, or reactivates and renames them; returns the row id. */
    public long upsert(Connection transaction, String telegramUserId, String firstName) throws SQLException {
        try (PreparedStatement upsert = transaction.prepareStatement(
                "INSERT INTO workers (telegram_user_id, first_name, active, created_at) VALUES (?, ?, 1, ?)"
                        + " ON CONFLICT (telegram_user_id) DO UPDATE SET first_name = excluded.first_name, active = 1")) {
            upsert.setString(1, telegramUserId);
            upsert.setString(2, firstName);
            upsert.setString(3, clock.instant().toString());
            upsert.executeUpdate();
        }
        return find(transaction, telegramUserId).orElseThrow().id();
    }

    /** Grants a role; {@code team} is the team for {@link Role#WORKER}, "" for {@link Role#ADMIN}. */
    public void grant(Connection transaction, long memberId, Role role, String team) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT OR IGNORE INTO worker_roles (worker_id, role, team) VALUES (?, ?, ?)")) {
            insert.setLong(1, memberId);
            insert.setString(2, role.name());
            insert.setString(3, role == Role.ADMIN ? "" : requireNonNull(team, "team is null"));
            insert.executeUpdate();
        }
    }

    public void revoke(Connection transaction, long memberId, Role role, String team) throws SQLException {
        try (PreparedStatement delete = transaction.prepareStatement(
                "DELETE FROM worker_roles WHERE worker_id = ? AND role = ? AND team = ?")) {
            delete.setLong(1, memberId);
            delete.setString(2, role.name());
            delete.setString(3, role == Role.ADMIN ? "" : team);
            delete.executeUpdate();
        }
    }

    /** Removes all access at once (the row stays, for the audit trail). */
    public void deactivate(Connection transaction, long memberId) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement("UPDATE workers SET active = 0 WHERE id = ?")) {
            update.setLong(1, memberId);
            update.executeUpdate();
        }
    }

    private StaffMember load(Connection connection, ResultSet row) throws SQLException {
        long id = row.getLong(1);
        Set<String> teams = new HashSet<>();
        boolean admin = false;
        try (PreparedStatement select = connection.prepareStatement("SELECT role, team FROM worker_roles WHERE worker_id = ?")) {
            select.setLong(1, id);
            try (ResultSet roles = select.executeQuery()) {
                while (roles.next()) {
                    if (Role.ADMIN.name().equals(roles.getString(1))) {
                        admin = true;
                    } else {
                        teams.add(roles.getString(2));
                    }
                }
            }
        }
        return new StaffMember(id, row.getString(2), row.getString(3), row.getInt(4) == 1, teams, admin);
    }
}
