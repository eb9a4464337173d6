package nl.luisterloket.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListeningReportTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 23);
    private static final LocalDate TO = LocalDate.of(2026, 11, 29);
    private static final String QUESTION = "Ik kan de huur van mijn woning niet meer betalen en de verhuurder dreigt met ontruiming, bel me op 06-1234567%d of mail piet%d@example.nl";

    private AdminDesk desk;
    private ListeningReports reports;
    private Path directory;

    @BeforeAll
    void seed(@TempDir Path directory) {
        this.directory = directory;
        desk = new AdminDesk(directory, Clock.fixed(AdminDesk.WEDNESDAY, AdminDesk.ZONE));
        reports = desk.get(ListeningReports.class);
        int resident = 0;
        for (int i = 0; i < 17; i++) {
            resident++;
            String neighbourhood = i < 12 ? "'Noord'" : i < 15 ? "'Zuid'" : "NULL";
            String domains = i < 7 ? "[\"geld\",\"wonen\"]" : i < 12 ? "[\"geld\"]" : i < 15 ? "[\"zorg\"]" : "[]";
            desk.execute("INSERT INTO residents (id, channel, chat_id, neighbourhood, created_at, last_seen_at) VALUES (" + resident
                    + ", 'telegram', '" + (500 + resident) + "', " + neighbourhood + ", '2026-11-24T10:00:00Z', '2026-11-24T10:00:00Z')");
            desk.execute("INSERT INTO conversations (id, resident_id, state_json, started_at, last_activity_at) VALUES (" + resident + ", "
                    + resident + ", '{\"domains\":" + domains + "}', '2026-11-24T10:00:00Z', '2026-11-24T10:05:00Z')");
        }
        for (int conversation = 1; conversation <= 10; conversation++) {
            String feedback = conversation <= 6 ? "'helped'" : conversation <= 8 ? "'wrong_details'" : "NULL";
            desk.execute("INSERT INTO suggestions (conversation_id, service_id, rank, confidence, decision, shown_at, feedback)"
                    + " VALUES (" + conversation + ", 'voedselbank-lindestad', 1, 0.8, 'ANSWER', '2026-11-24T10:01:00Z', " + feedback + ")");
        }
        for (int i = 1; i <= 6; i++) {
            Instant created = Instant.parse("2026-11-25T09:00:00Z");
            String trigger = i == 6 ? "crisis" : "asked_for_person";
            String closed = i <= 2 ? "'" + created.plusSeconds(7200) + "'" : "NULL";
            desk.execute("INSERT INTO cases (resident_id, conversation_id, team, trigger, urgency, status, created_at, claimed_at, closed_at)"
                    + " VALUES (" + i + ", " + i + ", 'buurtteam', '" + trigger + "', '" + (i == 6 ? "urgent" : "normal") + "', 'claimed', '"
                    + created + "', '" + created.plusSeconds(600L * i) + "', " + closed + ")");
        }
        for (int i = 0; i < 6; i++) {
            desk.execute("INSERT INTO unanswered_questions (text_redacted, language, created_at) VALUES ('"
                    + QUESTION.formatted(i, i) + "', 'nl', '2026-11-26T12:00:00Z')");
        }
        desk.execute("INSERT INTO unanswered_questions (text_redacted, language, created_at) VALUES"
                + " ('Ik ben Fatima, waar kan ik een gitaar lenen?', 'nl', '2026-11-26T12:00:00Z')");
        desk.execute("INSERT INTO unanswered_questions (text_redacted, language, created_at) VALUES"
                + " ('Wat is de onzin van vandaag?', 'nl', '2026-12-01T12:00:00Z')");
        // A day retention already retired: only its anonymous counts are left.
        desk.execute("INSERT INTO daily_counts (day, metric, dimension, count) VALUES ('2026-11-23', 'conversations.started', '', 6),"
                + " ('2026-11-23', 'domain', 'Noord|geld', 6)");
        desk.execute("INSERT INTO retired_days (day, retired_at) VALUES ('2026-11-23', '2026-11-30T00:00:00Z')");
    }

    @AfterAll
    void close() throws Exception {
        desk.close();
    }

    @Test
    void theReportCountsConversationsAnswersFeedbackHandoversAndDomainsIncludingRetiredDays() {
        ListeningReport report = desk.database.read(connection -> desk.get(ListeningReportBuilder.class).build(connection, FROM, TO));

        assertThat(report.conversations()).isEqualTo(23);
        assertThat(report.answers()).isEqualTo(10);
        assertThat(report.feedback()).containsEntry("helped", 6L).containsEntry("wrong_details", 2L);
        assertThat(report.handoversByTrigger()).containsEntry("asked_for_person", 5L).containsEntry("crisis", 1L);
        assertThat(report.handoversByUrgency()).containsEntry("normal", 5L).containsEntry("urgent", 1L);
        assertThat(report.timeToClaim().median()).hasMinutes(30);
        assertThat(report.timeToClaim().p90()).hasMinutes(60);
        assertThat(report.timeToClose().count()).isEqualTo(2);
        assertThat(report.domainsByNeighbourhood().get("Noord")).containsEntry("geld", 18L).containsEntry("wonen", 7L);
        assertThat(report.domainsByNeighbourhood().get("Zuid")).containsEntry("zorg", 3L);
        assertThat(report.unanswered()).extracting(ListeningReport.Theme::count).containsExactly(6L, 1L);
    }

    @Test
    void markdownShowsSmallCountsAsLessThanFiveAndWritesTheChart() throws Exception {
        Path output = directory.resolve("rapport.md");

        ListeningReports.Written written = reports.write(FROM, TO, ListeningReports.Format.MD, output, "cli:test");

        String md = Files.readString(output);
        assertThat(written.files()).containsExactly(output, directory.resolve("rapport-domains.png"));
        assertThat(Files.readAllBytes(directory.resolve("rapport-domains.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(md).contains("| Gesprekken | 23 |", "| helped | 6 |", "| wrong_details | <5 |", "| crisis | <5 |",
                "| Noord | 18 | 7 | 0 |", "| Zuid | 0 | 0 | <5 |", "mediaan 30 min, 90% binnen 60 min (6 gesprekken)",
                "te weinig gesprekken om te tonen (<5)", "![Levensdomeinen per wijk](rapport-domains.png)");
        assertThat(md).contains("[telefoon]", "[e-mail]").doesNotContain("06-1234567", "@example.nl", "Fatima", "gitaar");
        assertThat(md).doesNotContain("onzin");
    }

    @Test
    void csvAndJsonSuppressSmallCountsAndCarryNoPhoneNumberOrEmail() throws Exception {
        String csv = reports.write(FROM, TO, ListeningReports.Format.CSV, null, "cli:test").text();
        JsonNode json = new ObjectMapper().readTree(reports.write(FROM, TO, ListeningReports.Format.JSON, null, "cli:test").text());

        assertThat(csv).contains("conversations,,23", "feedback,wrong_details,<5", "domain,Zuid|zorg,<5", "time_to_claim_minutes,median,30");
        assertThat(json.path("conversations").asInt()).isEqualTo(23);
        assertThat(json.path("handoversByTrigger").path("crisis").asText()).isEqualTo("<5");
        assertThat(json.path("domainsByNeighbourhood").path("Noord").path("geld").asInt()).isEqualTo(18);
        for (String text : List.of(csv, json.toString())) {
            assertThat(text).doesNotContainPattern("06-?\\d{8}").doesNotContain("@example.nl", "Fatima");
        }
    }

    @Test
    void anAdminGetsLastWeeksReportInTheChat() {
        List<String> replies = desk.send(AdminDesk.ADMIN, "/rapport");

        assertThat(replies.get(0)).startsWith("# Luisterrapport 2026-11-25 tot en met 2026-12-01").contains("| Gesprekken | 0 |")
                .doesNotContain("06-1234567");
        assertThat(desk.count("SELECT count(*) FROM audit_log WHERE action = 'report.view' AND actor = 'admin:1'")).isEqualTo(1);
    }

    @Test
    void theRedactorRemovesNamesNumbersAddressesAndEmails() {
        ReportRedactor redactor = desk.get(ReportRedactor.class);

        assertThat(redactor.redact("Ik heet Sanne de Vries en woon op Lindelaan 12, 1234 AB, bel 020-1234567 of +31 6 12345678, sanne@mail.nl"))
                .isEqualTo("Ik heet [naam] en woon op [adres], [postcode], bel [telefoon] of [telefoon], [e-mail]");
        assertThat(redactor.redact("mevrouw Jansen zegt dat ik moe ben")).isEqualTo("mevrouw [naam] zegt dat ik moe ben");
    }
}
