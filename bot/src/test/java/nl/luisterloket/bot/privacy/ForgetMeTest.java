package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.OutgoingMessage;

class ForgetMeTest {

    private static final String RESIDENT = "770011223";
    private static final String NEIGHBOUR = "880022334";
    private static final String WORKERS_GROUP = "-100500600";
    private static final String MARKER = "Zwartvink-geheim";
    private static final Messages TEXTS = new Messages("privacy", "nl");

    @TempDir
    Path directory;

    @Test
    void forgetAsksFirstAndChangesNothingUntilConfirmed() {
        try (TestDesk desk = TestDesk.start(directory)) {
            desk.say(RESIDENT, "hoi, ik heb een vraag over " + MARKER);

            List<OutgoingMessage> question = desk.say(RESIDENT, "/vergeet");

            assertThat(question).singleElement().satisfies(message -> {
                assertThat(message.text()).isEqualTo(TEXTS.text("nl", "forget.ask"));
                assertThat(message.buttons()).flatExtracting(row -> row).extracting(Button::callbackData)
                        .containsExactly(PrivacyCommandRoute.FORGET_YES, PrivacyCommandRoute.FORGET_NO);
            });
            assertThat(desk.count("SELECT count(*) FROM residents WHERE chat_id = ?", RESIDENT)).isEqualTo(1);

            List<OutgoingMessage> cancelled = desk.press(RESIDENT, PrivacyCommandRoute.FORGET_NO);

            assertThat(cancelled).extracting(OutgoingMessage::text).containsExactly(TEXTS.text("nl", "forget.cancelled"));
            assertThat(desk.count("SELECT count(*) FROM messages WHERE text LIKE ?", "%" + MARKER + "%")).isEqualTo(1);
        }
    }

    @Test
    void forgetLeavesNoRowAboutTheResidentInAnyTable() {
        try (TestDesk desk = TestDesk.start(directory)) {
            desk.say(RESIDENT, "hoi");
            desk.say(RESIDENT, "ik kan de huur niet betalen " + MARKER);
            desk.say(NEIGHBOUR, "hallo, ik zoek hulp bij de buren");
            long residentId = Long.parseLong(desk.column("SELECT id FROM residents WHERE chat_id = ?", RESIDENT).get(0));
            long neighbourId = Long.parseLong(desk.column("SELECT id FROM residents WHERE chat_id = ?", NEIGHBOUR).get(0));
            long caseId = seedCaseWithEverythingAround(desk, residentId, "case-of-resident", MARKER);
            long neighbourCase = seedCaseWithEverythingAround(desk, neighbourId, "case-of-neighbour", "buren");

            desk.say(RESIDENT, "/vergeet");
            List<OutgoingMessage> done = desk.press(RESIDENT, PrivacyCommandRoute.FORGET_YES);

            assertThat(done).extracting(OutgoingMessage::text).containsExactly(TEXTS.text("nl", "forget.done"));
            List<String> leftovers = desk.database.read(connection -> rowsMentioning(connection, residentId, RESIDENT, MARKER, caseId));
            assertThat(leftovers)
                    .as("only the final confirmation, queued to the resident's chat after the erasure, may name their chat")
                    .singleElement().asString().startsWith("outbox:").contains(TEXTS.text("nl", "forget.done"));
            assertThat(desk.count("SELECT count(*) FROM residents WHERE id = ?", neighbourId)).isEqualTo(1);
            assertThat(desk.count("SELECT count(*) FROM cases WHERE id = ?", neighbourCase)).isEqualTo(1);
            assertThat(desk.count("SELECT count(*) FROM case_notes WHERE case_id = ?", neighbourCase)).isEqualTo(1);
            assertThat(desk.count("SELECT count(*) FROM outbox WHERE payload_json LIKE ?", "%case:" + neighbourCase + "\"%"))
                    .isEqualTo(1);
            assertThat(desk.count("SELECT count(*) FROM audit_log WHERE action = 'privacy.forget' AND subject IS NULL")).isEqualTo(1);
        }
    }

    @Test
    void forgetOfSomeoneUnknownSaysThereWasNothing() {
        try (TestDesk desk = TestDesk.start(directory)) {
            List<OutgoingMessage> question = desk.say(RESIDENT, "/vergeet");
            List<OutgoingMessage> done = desk.press(RESIDENT, PrivacyCommandRoute.FORGET_YES);

            assertThat(question).hasSize(1);
            assertThat(done).extracting(OutgoingMessage::text).containsExactly(TEXTS.text("nl", "forget.nothing"));
            assertThat(desk.count("SELECT count(*) FROM residents")).isZero();
        }
    }

    @Test
    void residentCanStartAfreshAfterBeingForgotten() {
        try (TestDesk desk = TestDesk.start(directory)) {
            desk.say(RESIDENT, "hoi");
            desk.say(RESIDENT, "/vergeet");
            desk.press(RESIDENT, PrivacyCommandRoute.FORGET_YES);

            List<OutgoingMessage> again = desk.say(RESIDENT, "hoi");

            assertThat(again).isNotEmpty();
            assertThat(desk.count("SELECT count(*) FROM residents WHERE chat_id = ?", RESIDENT)).isEqualTo(1);
        }
    }

    /** A case with a worker's note, a follow-up, a suggestion, an audit entry and its post in the workers' group. */
    static long seedCaseWithEverythingAround(TestDesk desk, long residentId, String note, String words) {
        return desk.database.inTransaction(connection -> {
            execute(connection, "INSERT OR IGNORE INTO workers (telegram_user_id, first_name, created_at) VALUES ('9001', 'Sanne', ?)",
                    TestDesk.START.toString());
            long workerId = Long.parseLong(TestDesk.column(connection, "SELECT id FROM workers WHERE telegram_user_id = '9001'").get(0));
            long conversationId = Long.parseLong(TestDesk.column(connection,
                    "SELECT id FROM conversations WHERE resident_id = ? ORDER BY id DESC LIMIT 1", residentId).get(0));
            execute(connection, "INSERT INTO cases (resident_id, conversation_id, team, trigger, urgency, status, worker_id, created_at)"
                    + " VALUES (?, ?, 'buurtteam', 'asked_for_person', 'normal', 'claimed', ?, ?)",
                    residentId, conversationId, workerId, TestDesk.START.toString());
            long caseId = Long.parseLong(TestDesk.column(connection, "SELECT max(id) FROM cases").get(0));
            execute(connection, "INSERT INTO case_notes (case_id, worker_id, text, created_at) VALUES (?, ?, ?, ?)",
                    caseId, workerId, note, TestDesk.START.toString());
            execute(connection, "INSERT INTO suggestions (conversation_id, service_id, rank, confidence, decision, shown_at)"
                    + " VALUES (?, 'schuldhulp', 1, 0.8, 'answer', ?)", conversationId, TestDesk.START.toString());
            execute(connection, "INSERT INTO follow_ups (resident_id, conversation_id, service_id, due_at) VALUES (?, ?, 'schuldhulp', ?)",
                    residentId, conversationId, TestDesk.START.toString());
            execute(connection, "INSERT INTO audit_log (at, actor, action, case_id, subject, detail) VALUES (?, ?, 'case.view', ?, ?, ?)",
                    TestDesk.START.toString(), "worker:" + workerId, caseId, "resident:" + residentId, "transcript");
            execute(connection, "INSERT INTO outbox (channel, chat_id, payload_json, status, not_before, created_at)"
                    + " VALUES ('telegram', ?, ?, 'sent', ?, ?)", WORKERS_GROUP,
                    "{\"chat\":{\"channel\":\"telegram\",\"chatId\":\"" + WORKERS_GROUP + "\"},\"text\":\"Nieuwe vraag: " + words
                            + "\",\"buttons\":[],\"editKey\":\"case:" + caseId + "\"}",
                    TestDesk.START.toString(), TestDesk.START.toString());
            execute(connection, "INSERT INTO sent_message_keys (channel, chat_id, edit_key, message_id) VALUES ('telegram', ?, ?, '77')",
                    WORKERS_GROUP, "case:" + caseId);
            return caseId;
        });
    }

    static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            statement.executeUpdate();
        }
    }

    /**
     * Every row of every table (from sqlite_master) that names the resident: their id in a
     * {@code resident_id} column, their chat id or the marker text anywhere, or their case in an
     * edit key. The audit log may keep the bare number of a case that no longer exists.
     */
    static List<String> rowsMentioning(Connection connection, long residentId, String chatId, String marker, long caseId)
            throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : TestDesk.column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM \"" + table + "\"");
                 ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    StringBuilder row = new StringBuilder(table).append(':');
                    boolean mentions = false;
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        String name = meta.getColumnName(column);
                        String value = rows.getString(column);
                        row.append(' ').append(name).append('=').append(value);
                        if (value == null) {
                            continue;
                        }
                        boolean residentColumn = name.equals("resident_id") || (table.equals("residents") && name.equals("id"));
                        mentions |= residentColumn && value.equals(Long.toString(residentId));
                        mentions |= value.contains(chatId) || value.contains(marker) || value.contains("resident:" + residentId);
                        mentions |= value.contains("case:" + caseId + "\"") || value.equals("case:" + caseId);
                    }
                    if (mentions) {
                        found.add(row.toString());
                    }
                }
            }
        }
        return found;
    }
}
