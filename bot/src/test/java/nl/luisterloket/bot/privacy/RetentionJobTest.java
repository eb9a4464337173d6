package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.storage.CommitCounter;
import nl.luisterloket.bot.storage.QueryPlan;

class RetentionJobTest {

    private static final String ACTIVE = "100001";
    private static final String SILENT = "100002";
    private static final String IN_CASE = "100003";
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path directory;

    @Test
    void retentionDeletesOldTextsAndSilentResidentsButKeepsTheCountsOfEveryDay() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  retentionDays: 30\n", Map.of())) {
            desk.say(ACTIVE, "hoi");
            desk.say(ACTIVE, "ik kan de huur niet betalen");
            desk.say(SILENT, "hallo");
            desk.say(SILENT, "wie helpt met formulieren");
            desk.say(IN_CASE, "hoi");
            seedWhatTheConversationKeeps(desk);
            // the answers the conversation showed itself, plus the seeded one
            long answers = desk.count("SELECT count(DISTINCT conversation_id || '@' || shown_at) FROM suggestions WHERE decision = 'answer'");
            DailyCounts counts = desk.injector.getInstance(DailyCounts.class);
            Map<LocalDate, Map<CountKey, Long>> before = desk.database.read(connection -> counts.between(connection, FIRST_DAY, FIRST_DAY));

            desk.clock.advance(Duration.ofDays(40));
            desk.say(ACTIVE, "hoi, ik ben er weer");
            RetentionJob.RetentionResult result = desk.injector.getInstance(RetentionJob.class).runNow();

            assertThat(result.daysCounted()).isEqualTo(10);
            assertThat(result.residentsForgotten()).isEqualTo(1);
            assertThat(desk.column("SELECT chat_id FROM residents ORDER BY chat_id")).containsExactly(ACTIVE, IN_CASE);
            assertThat(desk.column("SELECT text FROM messages WHERE created_at < '2026-03-03'")).isNotEmpty().containsOnlyNulls();
            assertThat(desk.column("SELECT text FROM messages WHERE direction = 'in' AND text IS NOT NULL"))
                    .containsExactly("hoi, ik ben er weer");
            assertThat(desk.column("SELECT c.status || ' ' || c.state_json FROM conversations c JOIN residents r ON r.id = c.resident_id"
                    + " WHERE r.chat_id = ?", IN_CASE)).containsExactly("closed {}");
            assertThat(desk.count("SELECT count(*) FROM cases WHERE status = 'queued'")).isEqualTo(1);
            assertThat(desk.count("SELECT count(*) FROM unanswered_questions")).isZero();
            assertThat(desk.count("SELECT count(*) FROM outbox WHERE created_at < '2026-03-03'")).isZero();

            Map<LocalDate, Map<CountKey, Long>> after = desk.database.read(connection -> counts.between(connection, FIRST_DAY, FIRST_DAY));
            assertThat(after).isEqualTo(before);
            assertThat(after.get(FIRST_DAY)).containsEntry(new CountKey("messages.in", ""), 5L)
                    .containsEntry(new CountKey("residents.new", ""), 3L)
                    .containsEntry(new CountKey("domain", "Bloemhof|money"), 1L)
                    .containsEntry(new CountKey("decision", "answer"), answers)
                    .containsEntry(new CountKey("feedback", "helped"), 1L)
                    .containsEntry(new CountKey("cases", "asked_for_person"), 1L)
                    .containsEntry(new CountKey("unanswered", "Bloemhof"), 1L);
            assertThat(desk.count("SELECT count FROM daily_counts WHERE day = '2026-03-02' AND metric = 'messages.in'")).isEqualTo(5);
            assertThat(desk.count("SELECT count(*) FROM audit_log WHERE action = 'privacy.retention' AND actor = 'system'")).isEqualTo(1);
        }
    }

    @Test
    void secondRunCountsNothingTwiceAndChangesNothing() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  retentionDays: 30\n", Map.of())) {
            desk.say(ACTIVE, "hoi");
            desk.say(ACTIVE, "ik kan de huur niet betalen");
            desk.clock.advance(Duration.ofDays(31));
            desk.say(ACTIVE, "hoi, ik ben er weer");
            RetentionJob job = desk.injector.getInstance(RetentionJob.class);
            job.runNow();
            String countsAfterFirst = String.join(",", desk.column("SELECT day || metric || dimension || count FROM daily_counts ORDER BY 1"));

            RetentionJob.RetentionResult second = job.runNow();

            assertThat(second.changedAnything()).isFalse();
            assertThat(String.join(",", desk.column("SELECT day || metric || dimension || count FROM daily_counts ORDER BY 1")))
                    .isEqualTo(countsAfterFirst);
        }
    }

    @Test
    void dataYoungerThanTheRetentionPeriodIsLeftAlone() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  retentionDays: 30\n", Map.of())) {
            desk.say(ACTIVE, "hoi");
            desk.say(ACTIVE, "ik kan de huur niet betalen");
            desk.clock.advance(Duration.ofDays(29));

            RetentionJob.RetentionResult result = desk.injector.getInstance(RetentionJob.class).runNow();

            assertThat(result.changedAnything()).isFalse();
            assertThat(desk.column("SELECT text FROM messages WHERE direction = 'in'")).containsExactly("hoi", "ik kan de huur niet betalen");
            assertThat(desk.count("SELECT count(*) FROM daily_counts")).isZero();
        }
    }

    @Test
    void moreOldTextsThanOneTransactionTakesAreDeletedInSeveralShortOnes() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  retentionDays: 30\n", Map.of())) {
            desk.say(ACTIVE, "hoi");
            int seeded = RetentionJob.CHUNK * 2 + 500;
            desk.database.inTransaction(connection -> {
                for (int index = 0; index < seeded; index++) {
                    ForgetMeTest.execute(connection, "INSERT INTO messages (conversation_id, direction, author, kind, text, created_at)"
                            + " SELECT id, 'in', 'resident', 'text', 'oud bericht', ? FROM conversations", TestDesk.START.toString());
                }
                return null;
            });
            long textsBefore = desk.count("SELECT count(*) FROM messages WHERE text IS NOT NULL");
            desk.clock.advance(Duration.ofDays(40));
            desk.say(ACTIVE, "hoi, ik ben er weer");
            CommitCounter commits = CommitCounter.on(desk.database);

            RetentionJob.RetentionResult result = desk.injector.getInstance(RetentionJob.class).runNow();

            assertThat(result.messageTextsDeleted()).isEqualTo(textsBefore);
            assertThat(desk.column("SELECT text FROM messages WHERE direction = 'in' AND text IS NOT NULL"))
                    .containsExactly("hoi, ik ben er weer");
            // three chunks of texts, and the days' counts, the outbox, the audit record besides
            assertThat(commits.count()).as("write transactions").isGreaterThanOrEqualTo(3 + 1 + 1 + 1);
        }
    }

    @Test
    void whatPassedTheLimitIsFoundThroughAnIndexNotByReadingWholeTables() {
        try (TestDesk desk = TestDesk.start(directory, "privacy:\n  retentionDays: 30\n", Map.of())) {
            Map<String, String> plans = Map.of(
                    "texts", plan(desk, RetentionJob.TEXTS),
                    "outbox", plan(desk, RetentionJob.OUTBOX),
                    "unanswered", plan(desk, RetentionJob.UNANSWERED),
                    "notes", plan(desk, RetentionJob.NOTES));

            assertThat(plans.get("texts")).contains("INDEX messages_with_text (created_at<?)").doesNotContain("SCAN messages");
            assertThat(plans.get("outbox")).contains("INDEX outbox_by_time (created_at<?)").doesNotContain("SCAN outbox");
            assertThat(plans.get("unanswered")).contains("INDEX unanswered_questions_by_time (created_at<?)")
                    .doesNotContain("SCAN unanswered_questions");
            assertThat(plans.get("notes")).contains("INDEX cases_by_status (status=?)").doesNotContain("SCAN case_notes");
        }
    }

    private static String plan(TestDesk desk, RetentionJob.ChunkedChange change) {
        return String.join(" | ", QueryPlan.of(desk.database, change.chunk(), TestDesk.START.toString()));
    }

    /** What the conversation and hand-over store besides messages, as they would on that first day. */
    private static void seedWhatTheConversationKeeps(TestDesk desk) {
        desk.database.inTransaction(connection -> {
            String at = TestDesk.START.toString();
            ForgetMeTest.execute(connection, "UPDATE residents SET neighbourhood = 'Bloemhof' WHERE chat_id = ?", ACTIVE);
            ForgetMeTest.execute(connection, "UPDATE conversations SET state_json = ? WHERE resident_id ="
                    + " (SELECT id FROM residents WHERE chat_id = ?)",
                    "{\"domains\":[\"money\"],\"shownServiceIds\":[\"schuldhulp\"],\"lastQuery\":\"ik kan de huur niet betalen\",\"missesInRow\":0}",
                    ACTIVE);
            ForgetMeTest.execute(connection, "INSERT INTO suggestions (conversation_id, service_id, rank, confidence, decision, shown_at,"
                    + " feedback, feedback_at) SELECT c.id, 'schuldhulp', 1, 0.8, 'answer', ?, 'helped', ? FROM conversations c"
                    + " JOIN residents r ON r.id = c.resident_id WHERE r.chat_id = ?", at, at, ACTIVE);
            ForgetMeTest.execute(connection, "INSERT INTO cases (resident_id, conversation_id, team, trigger, urgency, status, created_at)"
                    + " SELECT r.id, c.id, 'buurtteam', 'asked_for_person', 'normal', 'queued', ? FROM residents r"
                    + " JOIN conversations c ON c.resident_id = r.id WHERE r.chat_id = ?", at, IN_CASE);
            ForgetMeTest.execute(connection, "INSERT INTO unanswered_questions (text_redacted, language, neighbourhood, created_at)"
                    + " VALUES ('waar kan ik mijn fiets stallen', 'nl', 'Bloemhof', ?)", at);
            return null;
        });
    }
}
