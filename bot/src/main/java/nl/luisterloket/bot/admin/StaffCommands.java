package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.access.Role;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.audit.AuditLog;

/** The admin commands on staff: add a worker or an admin, remove someone, list who has access. */
@Singleton
final class StaffCommands {

    private static final String USER_ID = "-?[0-9]{1,20}";

    private final StaffDirectory staff;
    private final AuditLog audit;

    @Inject
    StaffCommands(StaffDirectory staff, AuditLog audit) {
        this.staff = requireNonNull(staff, "staff is null");
        this.audit = requireNonNull(audit, "audit is null");
    }

    /** {@code /medewerker <telegram-user-id> <team> <first name>}. */
    void addWorker(AdminRequest request) throws SQLException {
        String[] parts = request.argument().split("\\s+", 3);
        if (parts.length < 3 || !parts[0].matches(USER_ID) || parts[2].isBlank()) {
            request.reply("worker.usage");
            return;
        }
        long id = staff.upsert(request.transaction(), parts[0], parts[2].strip());
        staff.grant(request.transaction(), id, Role.WORKER, parts[1]);
        audit.record(request.transaction(), request.actor(), "staff.add_worker", null, "worker:" + id, "team " + parts[1]);
        request.reply("worker.added", parts[2].strip(), parts[0], parts[1]);
    }

    /** {@code /beheerder <telegram-user-id> <first name>}. */
    void addAdmin(AdminRequest request) throws SQLException {
        String[] parts = request.argument().split("\\s+", 2);
        if (parts.length < 2 || !parts[0].matches(USER_ID) || parts[1].isBlank()) {
            request.reply("admin.usage");
            return;
        }
        long id = staff.upsert(request.transaction(), parts[0], parts[1].strip());
        staff.grant(request.transaction(), id, Role.ADMIN, "");
        audit.record(request.transaction(), request.actor(), "staff.add_admin", null, "worker:" + id, null);
        request.reply("admin.added", parts[1].strip(), parts[0]);
    }

    /**
     * {@code /verwijder <telegram-user-id>}: all access ends at once; cases they had claimed go back to the queue
     * (the hand-over desk posts queued cases again). The last active admin cannot be removed.
     */
    void remove(AdminRequest request) throws SQLException {
        String userId = request.argument().strip();
        Optional<StaffMember> member = userId.matches(USER_ID) ? staff.active(request.transaction(), userId) : Optional.empty();
        if (member.isEmpty()) {
            request.reply("remove.unknown", userId);
            return;
        }
        if (member.get().isAdmin() && activeAdmins(request.transaction()) == 1) {
            request.reply("remove.lastAdmin");
            return;
        }
        staff.deactivate(request.transaction(), member.get().id());
        int requeued = requeueClaimedCases(request.transaction(), member.get().id());
        audit.record(request.transaction(), request.actor(), "staff.remove", null, "worker:" + member.get().id(),
                requeued + " claimed cases back in the queue");
        request.reply("remove.done", member.get().firstName(), userId, requeued);
    }

    /** {@code /team}: everyone with access. */
    void list(AdminRequest request) throws SQLException {
        List<StaffMember> members = staff.all(request.transaction()).stream().filter(StaffMember::active).toList();
        StringBuilder text = new StringBuilder(request.text("staff.title"));
        for (StaffMember member : members) {
            text.append('\n').append("• ").append(member.firstName()).append(" (").append(member.telegramUserId()).append(")");
            if (member.isAdmin()) {
                text.append(' ').append(request.text("staff.admin"));
            }
            if (!member.workerTeams().isEmpty()) {
                text.append(' ').append(request.text("staff.worker", String.join(", ", member.workerTeams().stream().sorted().toList())));
            }
        }
        request.replyText(text.toString());
    }

    private long activeAdmins(Connection connection) throws SQLException {
        return staff.all(connection).stream().filter(StaffMember::isAdmin).count();
    }

    private static int requeueClaimedCases(Connection transaction, long workerId) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE cases SET status = 'queued', worker_id = NULL, claimed_at = NULL WHERE worker_id = ? AND status = 'claimed'")) {
            update.setLong(1, workerId);
            return update.executeUpdate();
        }
    }
}
