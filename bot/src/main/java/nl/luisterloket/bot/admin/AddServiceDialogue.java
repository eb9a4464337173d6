package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.catalog.KnowledgeBaseEditor;
import nl.luisterloket.bot.catalog.ServiceFields;
import nl.luisterloket.bot.catalog.ServiceStore;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.model.Category;
import nl.luisterloket.knowledge.model.Service;

/**
 * Adding a service in a short guided dialogue: id, name, summary, categories, phone, opening hours, areas, then a
 * confirmation. Every answer is checked at once with the knowledge-base rules, so a wrong value is asked again and
 * nothing half-made is ever saved. The draft lives in the database, so a restart loses nothing.
 */
@Singleton
final class AddServiceDialogue {

    static final String SAVE = "admin:save";
    static final String CANCEL = "admin:cancel";

    /** The steps in order: the column each fills, and whether "-" may skip it. */
    private enum Step {
        ID("id", false), NAME("name", false), SUMMARY("summary", false), CATEGORIES("categories", false),
        PHONE("contact.phone", true), HOURS("opening_hours", true), AREAS("areas", true), CONFIRM("", false);

        final String column;
        final boolean optional;

        Step(String column, boolean optional) {
            this.column = column;
            this.optional = optional;
        }

        String key() {
            return "add.step." + name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Set<String> YES = Set.of("ja", "yes", "j", "y", "opslaan", "save", SAVE);
    private static final Set<String> NO = Set.of("nee", "no", "n", CANCEL);

    private final ServiceStore store;
    private final KnowledgeBaseEditor editor;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AddServiceDialogue(ServiceStore store, KnowledgeBaseEditor editor, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.editor = requireNonNull(editor, "editor is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    boolean isOpen(Connection connection, String telegramUserId) throws SQLException {
        return load(connection, telegramUserId).isPresent();
    }

    void start(AdminRequest request) throws SQLException {
        store(request, Step.ID, json.createObjectNode());
        request.reply("add.start");
        request.reply(Step.ID.key());
    }

    void cancel(AdminRequest request) throws SQLException {
        boolean open = delete(request);
        request.reply(open ? "add.cancelled" : "add.noneOpen");
    }

    void answer(AdminRequest request) throws SQLException {
        Optional<Draft> open = load(request.transaction(), request.message().author().userId());
        if (open.isEmpty()) {
            request.reply("add.noneOpen");
            return;
        }
        Draft draft = open.get();
        String answer = request.message().kind() == MessageKind.CALLBACK ? request.message().callbackData() : request.message().text().strip();
        if (draft.step() == Step.CONFIRM) {
            confirm(request, draft, answer.toLowerCase(Locale.ROOT));
            return;
        }
        String value = draft.step().optional && answer.equals("-") ? "" : answer;
        if (value.isEmpty() && !draft.step().optional) {
            request.reply(draft.step().key());
            return;
        }
        ObjectNode entry = draft.entry().deepCopy();
        try {
            ServiceFields.set(entry, draft.step().column, value);
            checkField(request, entry, draft.step());
        } catch (IllegalArgumentException e) {
            request.reply("add.invalid", e.getMessage());
            request.reply(draft.step().key());
            return;
        }
        Step next = Step.values()[draft.step().ordinal() + 1];
        store(request, next, entry);
        if (next == Step.CONFIRM) {
            askConfirmation(request, entry);
        } else {
            request.reply(next.key(), categoryIds());
        }
    }

    private void confirm(AdminRequest request, Draft draft, String answer) throws SQLException {
        if (NO.contains(answer)) {
            cancel(request);
            return;
        }
        if (!YES.contains(answer)) {
            askConfirmation(request, draft.entry());
            return;
        }
        ObjectNode entry = draft.entry().deepCopy();
        entry.put("last_verified", LocalDate.now(clock).toString());
        String id = entry.path("id").asText();
        if (store.find(request.transaction(), id).isPresent()) {
            delete(request);
            request.reply("add.idTaken", id);
            return;
        }
        Service service;
        try {
            service = editor.validate(id, entry);
        } catch (KnowledgeBaseValidationException e) {
            request.reply("add.invalid", String.join("\n", e.problems()));
            return;
        }
        int revision = editor.save(request.transaction(), service, request.actor(), "service.add", "added in a guided dialogue");
        delete(request);
        request.reply("add.saved", id, revision);
    }

    /** Checks the value just given with the knowledge-base rules, filling what is still missing with stand-ins. */
    private void checkField(AdminRequest request, ObjectNode entry, Step step) throws SQLException {
        if (step == Step.ID) {
            String id = entry.path("id").asText();
            if (store.find(request.transaction(), id).isPresent()) {
                throw new IllegalArgumentException(request.text("add.idTaken", id));
            }
        }
        ObjectNode trial = entry.deepCopy();
        if (!trial.has("id")) {
            trial.put("id", "x");
        }
        if (!trial.has("name")) {
            trial.put("name", "x");
        }
        if (!trial.has("summary")) {
            trial.put("summary", "x");
        }
        if (!trial.has("categories")) {
            trial.putArray("categories").add(Category.BUURT.id());
        }
        try {
            editor.validate("", trial);
        } catch (KnowledgeBaseValidationException e) {
            List<String> problems = e.details().stream().filter(problem -> problem.field().startsWith(step.column))
                    .map(problem -> problem.field() + ": " + problem.message()).toList();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems));
            }
        }
    }

    private void askConfirmation(AdminRequest request, ObjectNode entry) throws SQLException {
        StringBuilder summary = new StringBuilder();
        for (Step step : Step.values()) {
            if (step != Step.CONFIRM) {
                String value = ServiceFields.get(entry, step.column);
                summary.append(step.column).append(": ").append(value.isEmpty() ? "–" : value).append('\n');
            }
        }
        request.replyWithButtons(request.text(Step.CONFIRM.key(), summary.toString().strip()),
                List.of(List.of(new Button(request.text("add.button.save"), SAVE), new Button(request.text("add.button.cancel"), CANCEL))));
    }

    private static String categoryIds() {
        return String.join(", ", java.util.Arrays.stream(Category.values()).map(Category::id).toList());
    }

    private record Draft(Step step, ObjectNode entry) {
    }

    private Optional<Draft> load(Connection connection, String telegramUserId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT step, draft_json FROM admin_dialogues WHERE telegram_user_id = ?")) {
            select.setString(1, telegramUserId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Draft(Step.valueOf(row.getString(1)), (ObjectNode) json.readTree(row.getString(2))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt admin dialogue draft", e);
            }
        }
    }

    private void store(AdminRequest request, Step step, ObjectNode entry) throws SQLException {
        try (PreparedStatement upsert = request.transaction().prepareStatement(
                "INSERT INTO admin_dialogues (telegram_user_id, step, draft_json, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (telegram_user_id) DO UPDATE SET step = excluded.step, draft_json = excluded.draft_json,"
                        + " updated_at = excluded.updated_at")) {
            upsert.setString(1, request.message().author().userId());
            upsert.setString(2, step.name());
            upsert.setString(3, entry.toString());
            upsert.setString(4, clock.instant().toString());
            upsert.executeUpdate();
        }
    }

    private boolean delete(AdminRequest request) throws SQLException {
        try (PreparedStatement delete = request.transaction().prepareStatement("DELETE FROM admin_dialogues WHERE telegram_user_id = ?")) {
            delete.setString(1, request.message().author().userId());
            return delete.executeUpdate() == 1;
        }
    }
}
