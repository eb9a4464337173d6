package nl.luisterloket.bot.admin;

import static nl.luisterloket.bot.admin.AdminDesk.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.access.Role;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.catalog.ServiceStore;
import nl.luisterloket.bot.cli.LuisterloketCommand;
import nl.luisterloket.knowledge.index.ServiceHit;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.index.ServiceQuery;
import nl.luisterloket.knowledge.model.Service;
import picocli.CommandLine;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandRouteTest {

    private static final String RESIDENT = "2002";
    private static final String WORKER = "3003";
    private static final String OTHER_WORKER = "3004";

    private AdminDesk desk;

    /** One desk for all tests (building it takes seconds); each test works on its own services and people. */
    @BeforeAll
    void start(@TempDir Path directory) {
        desk = new AdminDesk(directory, Clock.fixed(AdminDesk.WEDNESDAY, AdminDesk.ZONE));
    }

    @AfterAll
    void stop() throws Exception {
        desk.close();
    }

    @Test
    void residentsAndWorkersAreRefusedEveryAdminCommandAndSeeNoData() {
        desk.database.inTransaction(tx -> {
            StaffDirectory staff = desk.get(StaffDirectory.class);
            staff.grant(tx, staff.upsert(tx, OTHER_WORKER, "Sanne"), Role.WORKER, "buurtteam");
            return null;
        });
        List<String> commands = List.of("/zoek voedselbank", "/toon voedselbank-lindestad", "/wijzig voedselbank-lindestad phone 1",
                "/nieuw", "/archiveer voedselbank-lindestad", "/herstel voedselbank-lindestad", "/gecontroleerd voedselbank-lindestad",
                "/ongedaan voedselbank-lindestad", "/geschiedenis voedselbank-lindestad", "/medewerker 5 buurtteam Eve",
                "/beheerder 5 Eve", "/verwijder " + ADMIN, "/team", "/rapport", "/controle", "/beheer", "/annuleer",
                "/search food", "/show voedselbank-lindestad", "/change voedselbank-lindestad phone 1", "/undo voedselbank-lindestad",
                "/admin 5 Eve", "/remove " + ADMIN, "/digest", "/report");
        long revisionsBefore = desk.count("SELECT count(*) FROM service_revisions");
        long activeStaffBefore = desk.count("SELECT count(*) FROM workers WHERE active = 1");
        long refusalsBefore = desk.count("SELECT count(*) FROM audit_log WHERE action = 'admin.refused'");

        for (String user : List.of(RESIDENT, OTHER_WORKER)) {
            for (String command : commands) {
                List<String> replies = desk.send(user, command);
                assertThat(replies).as(command).hasSize(1);
                assertThat(replies.get(0)).as(command).startsWith("Dit is een opdracht voor beheerders").doesNotContain("Voedselbank");
            }
        }
        assertThat(desk.count("SELECT count(*) FROM service_revisions")).isEqualTo(revisionsBefore);
        assertThat(desk.count("SELECT count(*) FROM workers WHERE active = 1")).isEqualTo(activeStaffBefore);
        assertThat(desk.count("SELECT count(*) FROM audit_log WHERE action = 'admin.refused'") - refusalsBefore).isEqualTo(2L * commands.size());
    }

    @Test
    void aChangedFieldIsFoundByTheNextSearchAndAppearsInKbHistory() {
        ServiceIndex index = desk.get(ServiceIndex.class);
        assertThat(index.search(ServiceQuery.of("zwanenzang", false, 5))).isEmpty();

        List<String> replies = desk.send(ADMIN, "/wijzig eettafel-de-lepel keywords samen eten; zwanenzang");
        long changedAt = System.nanoTime();
        List<ServiceHit> hits = index.search(ServiceQuery.of("zwanenzang", false, 5));
        long visibleAfterMillis = (System.nanoTime() - changedAt) / 1_000_000;

        assertThat(replies.get(0)).startsWith("Opgeslagen: eettafel-de-lepel, keywords = samen eten; zwanenzang (revisie 2)");
        assertThat(hits).extracting(hit -> hit.service().id()).containsExactly("eettafel-de-lepel");
        assertThat(visibleAfterMillis).isLessThan(1000);
        assertThat(desk.send(ADMIN, "/zoek zwanenzang").get(0)).contains("eettafel-de-lepel");

        StringWriter out = new StringWriter();
        CommandLine cli = LuisterloketCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("kb", "history", "eettafel-de-lepel", "--config", desk.configFile.toString())).isZero();
        assertThat(out.toString().lines().toList().get(1)).contains("r2", "admin:1", "changed keywords", "(changed keywords)");
    }

    @Test
    void undoRestoresThePreviousRevision() {
        Service before = service("voedselbank-lindestad");
        desk.send(ADMIN, "/wijzig voedselbank-lindestad phone 020-7654321");
        assertThat(service("voedselbank-lindestad").contact().phone()).isEqualTo("020-7654321");

        List<String> replies = desk.send(ADMIN, "/ongedaan voedselbank-lindestad");

        assertThat(replies.get(0)).contains("Revisie 2 van voedselbank-lindestad is teruggedraaid (contact.phone)");
        assertThat(service("voedselbank-lindestad")).isEqualTo(before);
        assertThat(desk.get(ServiceIndex.class).find("voedselbank-lindestad").orElseThrow().contact().phone())
                .isEqualTo(before.contact().phone());
        assertThat(desk.count("SELECT count(*) FROM audit_log WHERE action = 'service.undo' AND actor = 'admin:1'")).isEqualTo(1);
    }

    @Test
    void aWrongValueGetsAClearMessageAndChangesNothing() {
        List<String> replies = desk.send(ADMIN, "/wijzig weggeefwinkel-lindestad categories eten; money");
        List<String> hours = desk.send(ADMIN, "/wijzig weggeefwinkel-lindestad hours maandag 9 tot 5");
        List<String> field = desk.send(ADMIN, "/wijzig weggeefwinkel-lindestad telefoon 1");

        assertThat(replies.get(0)).contains("Niet opgeslagen", "categories[1]: unknown category 'money'", "Er is niets veranderd");
        assertThat(hours.get(0)).contains("Niet opgeslagen: opening_hours", "cannot read 'maandag 9 tot 5'");
        assertThat(field.get(0)).contains("Het veld \"telefoon\" ken ik niet");
        assertThat(desk.count("SELECT max(revision) FROM service_revisions WHERE service_id = 'weggeefwinkel-lindestad'")).isEqualTo(1);
    }

    @Test
    void retireHidesAServiceFromSearchAndRestoreBringsItBack() {
        desk.send(ADMIN, "/archiveer taalcafe-stationsbuurt");
        ServiceIndex index = desk.get(ServiceIndex.class);
        assertThat(index.search(ServiceQuery.of("taalcafe stationsbuurt", false, 10))).extracting(hit -> hit.service().id())
                .doesNotContain("taalcafe-stationsbuurt");
        assertThat(desk.send(ADMIN, "/zoek taalcafe").get(0)).contains("taalcafe-stationsbuurt – ", "(gearchiveerd)");

        desk.send(ADMIN, "/herstel taalcafe-stationsbuurt");

        assertThat(index.search(ServiceQuery.of("taalcafe stationsbuurt", false, 10))).extracting(hit -> hit.service().id())
                .contains("taalcafe-stationsbuurt");
    }

    @Test
    void aServiceIsAddedInAGuidedDialogueAndAWrongAnswerIsAskedAgain() {
        assertThat(desk.send(ADMIN, "/nieuw")).last().asString().startsWith("Welk id");
        assertThat(desk.send(ADMIN, "Fietsschool Noord")).last().asString().startsWith("Welk id");
        assertThat(desk.send(ADMIN, "fietsschool-noord")).containsExactly("Hoe heet de dienst?");
        desk.send(ADMIN, "Fietsschool Noord");
        desk.send(ADMIN, "Leer fietsen in een kleine groep, voor volwassenen.");
        List<String> wrongCategory = desk.send(ADMIN, "sport; buurt");
        assertThat(wrongCategory.get(0)).contains("categories[0]: unknown category 'sport'");
        desk.send(ADMIN, "sociaal-contact; buurt");
        desk.send(ADMIN, "-");
        List<String> wrongHours = desk.send(ADMIN, "za 10:00-12:00");
        assertThat(wrongHours.get(0)).contains("unknown day 'za'");
        desk.send(ADMIN, "sa 10:00-12:00");
        List<String> confirmation = desk.send(ADMIN, "Noord");
        assertThat(confirmation.get(0)).contains("id: fietsschool-noord", "opening_hours: sa 10:00-12:00", "areas: Noord");

        List<String> saved = desk.press(ADMIN, AddServiceDialogue.SAVE);

        assertThat(saved.get(0)).startsWith("fietsschool-noord is toegevoegd (revisie 1)");
        assertThat(service("fietsschool-noord").lastVerified()).isEqualTo("2026-12-02");
        assertThat(desk.get(ServiceIndex.class).search(ServiceQuery.of("fietsen leren", false, 3)))
                .extracting(hit -> hit.service().id()).contains("fietsschool-noord");
        assertThat(desk.count("SELECT count(*) FROM admin_dialogues")).isZero();
    }

    @Test
    void removingAWorkerEndsTheirAccessAndPutsTheirClaimedCasesBackInTheQueue() {
        long workerId = desk.database.inTransaction(tx -> {
            StaffDirectory staff = desk.get(StaffDirectory.class);
            long id = staff.upsert(tx, WORKER, "Sanne");
            staff.grant(tx, id, Role.WORKER, "buurtteam");
            return id;
        });
        desk.execute("INSERT INTO residents (id, channel, chat_id, created_at, last_seen_at) VALUES (1, 'telegram', '9', 'x', 'x')");
        desk.execute("INSERT INTO cases (resident_id, team, trigger, urgency, status, worker_id, created_at, claimed_at)"
                + " VALUES (1, 'buurtteam', 'asked_for_person', 'normal', 'claimed', " + workerId + ", 'x', 'y')");

        List<String> replies = desk.send(ADMIN, "/verwijder " + WORKER);

        assertThat(replies.get(0)).contains("Sanne (3003) heeft geen toegang meer", ": 1.");
        assertThat(desk.count("SELECT count(*) FROM cases WHERE status = 'queued' AND worker_id IS NULL")).isEqualTo(1);
        assertThat(desk.count("SELECT active FROM workers WHERE telegram_user_id = '" + WORKER + "'")).isZero();
        assertThat(desk.send(ADMIN, "/verwijder " + ADMIN).get(0)).startsWith("Dit is de laatste beheerder");
        assertThat(desk.count("SELECT count(*) FROM audit_log WHERE action = 'staff.remove' AND subject = 'worker:" + workerId + "'")).isEqualTo(1);
    }

    @Test
    void anAddedAdminCanUseAdminCommandsAtOnce() {
        desk.send(ADMIN, "/beheerder 4004 Mo");

        assertThat(desk.send("4004", "/toon huurteam-lindestad").get(0)).contains("name: ", "Revisie 1");
    }

    private Service service(String id) {
        return desk.database.read(connection -> desk.get(ServiceStore.class).find(connection, id)).orElseThrow();
    }
}
