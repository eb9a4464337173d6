package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import nl.luisterloket.bot.access.AccessSettings.StaffSeed;
import nl.luisterloket.bot.access.Role;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;

/**
 * At start-up, makes every member named under a team a WORKER of that team in the database. It
 * only adds: after that the database is the truth, and admins remove staff there.
 */
final class TeamMemberSeeder implements ManagedService {

    private final Database database;
    private final StaffDirectory staff;
    private final HandoverSettings settings;

    @Inject
    TeamMemberSeeder(Database database, StaffDirectory staff, HandoverSettings settings) {
        this.database = requireNonNull(database, "database is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public int startOrder() {
        return 20;
    }

    @Override
    public void start() {
        database.inTransaction(transaction -> {
            for (TeamSettings team : settings.teams()) {
                for (StaffSeed member : team.members()) {
                    long id = staff.upsert(transaction, member.telegramUserId(), member.firstName());
                    staff.grant(transaction, id, Role.WORKER, team.name());
                }
            }
            return null;
        });
    }

    @Override
    public void stop() {
    }
}
