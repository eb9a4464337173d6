package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.access.AccessSettings;
import nl.luisterloket.bot.access.Role;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.storage.Database;

/**
 * Seeds the admins named in {@code access.admins} at start-up. Only people the database does not know yet are
 * added: after that the database is the truth, so an admin removed with {@code /verwijder} stays removed even though
 * the configuration still names them.
 */
@Singleton
final class AdminSeeder implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(AdminSeeder.class);

    private final Database database;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final AccessSettings settings;

    @Inject
    AdminSeeder(Database database, StaffDirectory staff, AuditLog audit, AccessSettings settings) {
        this.database = requireNonNull(database, "database is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public int startOrder() {
        return 5;
    }

    @Override
    public void start() {
        int added = database.inTransaction(transaction -> {
            int count = 0;
            for (AccessSettings.StaffSeed seed : settings.admins()) {
                if (staff.find(transaction, seed.telegramUserId()).isEmpty()) {
                    long id = staff.upsert(transaction, seed.telegramUserId(), seed.firstName());
                    staff.grant(transaction, id, Role.ADMIN, "");
                    audit.record(transaction, "system", "staff.seed_admin", null, "worker:" + id, "from access.admins");
                    count++;
                }
            }
            return count;
        });
        if (added > 0) {
            log.info("Seeded {} admins from the configuration", added);
        }
    }

    @Override
    public void stop() {
    }
}
