package nl.luisterloket.bot.audit;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Writes who did what, when, to which case: every claim, transfer, note, close, view and admin action. */
@Singleton
public final class AuditLog {

    private final Clock clock;

    @Inject
    public AuditLog(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Records one action in the caller's transaction.
     *
     * @param actor   "worker:12", "admin:3", "system", "cli:&lt;user&gt;"
     * @param action  a stable verb such as {@code case.claim}, {@code case.view}, {@code service.update}
     * @param caseId  the case concerned, or null
     * @param subject what else it concerns (a service id, a worker id), or null
     * @param detail  free text without message contents, or null
     */
    public void record(Connection transaction, String actor, String action, Long caseId, String subject, String detail)
            throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, case_id, subject, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, clock.instant().toString());
            insert.setString(2, requireNonNull(actor, "actor is null"));
            insert.setString(3, requireNonNull(action, "action is null"));
            if (caseId == null) {
                insert.setNull(4, Types.INTEGER);
            } else {
                insert.setLong(4, caseId);
            }
            insert.setString(5, subject);
            insert.setString(6, detail);
            insert.executeUpdate();
        }
    }
}
