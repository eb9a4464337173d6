package nl.luisterloket.bot.admin;

import static nl.luisterloket.bot.admin.AdminDesk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.access.Role;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.catalog.KnowledgeBaseEditor;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshnessDigestTest {

    private static final String WORKER = "3003";
    private static final String REMOVED_ADMIN = "1002";
    /** Monday 08:30 in Amsterdam: the digest day (MONDAY by default), half an hour before the digest hour (9). */
    private static final Instant MONDAY_BEFORE_NINE = Instant.parse("2026-12-07T07:30:00Z");
    private static final Instant MONDAY_AFTER_NINE = Instant.parse("2026-12-07T08:05:00Z");

    private final MutableClock clock = new MutableClock(MONDAY_BEFORE_NINE, AdminDesk.ZONE);
    private AdminDesk desk;

    /** One desk for all tests (building it takes seconds); each test starts from a week without a digest. */
    @BeforeAll
    void start(@TempDir Path directory) {
        desk = new AdminDesk(directory, clock);
        // every sample service checked last week, except one checked long ago (staleAfterDays is 180)
        desk.execute("UPDATE services SET json = json_set(json, '$.last_verified', '2026-11-30')");
        desk.execute("UPDATE services SET json = json_set(json, '$.last_verified', '2025-01-06') WHERE id = 'schuldhulp-lindestad'");
        desk.database.inTransaction(tx -> {
            desk.get(KnowledgeBaseEditor.class).flagForReview(tx, "voedselbank-lindestad", "resident:2002", "klopt niet");
            StaffDirectory staff = desk.get(StaffDirectory.class);
            staff.grant(tx, staff.upsert(tx, WORKER, "Sanne"), Role.WORKER, "buurtteam");
            long removed = staff.upsert(tx, REMOVED_ADMIN, "Eve");
            staff.grant(tx, removed, Role.ADMIN, null);
            staff.deactivate(tx, removed);
            return null;
        });
    }

    @BeforeEach
    void noDigestSentYet() {
        desk.execute("DELETE FROM admin_digests");
        clock.set(MONDAY_BEFORE_NINE);
        desk.replies(ADMIN); // skip what earlier tests and seeding put in the outbox
    }

    @AfterAll
    void stop() throws Exception {
        desk.close();
    }

    @Test
    void theAdminGetsTheStaleAndTheFlaggedServiceButNotAFreshOne() {
        clock.set(MONDAY_AFTER_NINE);

        assertThat(digest().sendIfDue()).isTrue();

        List<String> received = desk.replies(ADMIN);
        assertThat(received).hasSize(1);
        assertThat(received.get(0))
                .contains("Controle van de sociale kaart")
                .contains("Voedselbank Lindestad", "Door bewoners gemeld als \"klopt niet\" (1)")
                .contains("Schuldhulpverlening Lindestad", "Langer dan 180 dagen niet gecontroleerd (1)", "2025-01-06")
                .doesNotContain("Lindepas", "Wijkteam Noord");
    }

    @Test
    void theDigestGoesOutOnceAWeekOnTheDigestDayFromTheDigestHour() {
        FreshnessDigest digest = digest();
        assertThat(digest.sendIfDue()).as("Monday before nine").isFalse();
        clock.set(Instant.parse("2026-12-08T08:05:00Z"));
        assertThat(digest.sendIfDue()).as("Tuesday").isFalse();
        assertThat(desk.replies(ADMIN)).isEmpty();

        clock.set(MONDAY_AFTER_NINE);
        assertThat(digest.sendIfDue()).isTrue();
        assertThat(desk.replies(ADMIN)).hasSize(1);

        clock.advance(Duration.ofHours(3));
        assertThat(digest.sendIfDue()).as("later the same Monday").isFalse();
        clock.set(Instant.parse("2026-12-10T10:00:00Z"));
        assertThat(digest.sendIfDue()).as("later the same week").isFalse();
        assertThat(desk.replies(ADMIN)).isEmpty();

        clock.set(MONDAY_AFTER_NINE.plus(Duration.ofDays(7)));
        assertThat(digest.sendIfDue()).as("the next Monday").isTrue();
        assertThat(desk.replies(ADMIN)).hasSize(1);
        assertThat(desk.count("SELECT count(*) FROM admin_digests")).isEqualTo(2);
    }

    @Test
    void workersRemovedAdminsAndResidentsReceiveNothing() {
        clock.set(MONDAY_AFTER_NINE);
        long before = desk.count("SELECT count(*) FROM outbox");

        assertThat(digest().sendIfDue()).isTrue();

        assertThat(desk.count("SELECT count(*) FROM outbox") - before).as("only the one active admin").isEqualTo(1);
        assertThat(desk.replies(ADMIN)).hasSize(1);
    }

    private FreshnessDigest digest() {
        return desk.get(FreshnessDigest.class);
    }
}
