package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.catalog.KnowledgeBaseEditor;
import nl.luisterloket.bot.catalog.KnowledgeBaseSettings;
import nl.luisterloket.bot.catalog.ServiceDiff;
import nl.luisterloket.bot.catalog.ServiceFields;
import nl.luisterloket.bot.catalog.ServiceListing;
import nl.luisterloket.bot.catalog.ServiceRevision;
import nl.luisterloket.bot.catalog.ServiceStore;
import nl.luisterloket.knowledge.index.ServiceHit;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.index.ServiceQuery;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/** The admin commands on services: search, show, change a field, retire, restore, mark checked, undo, history. */
@Singleton
final class ServiceCommands {

    private static final int MAX_RESULTS = 10;
    private static final int MAX_HISTORY = 10;

    private final ServiceStore store;
    private final KnowledgeBaseEditor editor;
    private final ServiceIndex index;
    private final ServiceJsonWriter writer;
    private final KnowledgeBaseSettings settings;
    private final Clock clock;

    @Inject
    ServiceCommands(ServiceStore store, KnowledgeBaseEditor editor, ServiceIndex index, ServiceJsonWriter writer,
            KnowledgeBaseSettings settings, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.editor = requireNonNull(editor, "editor is null");
        this.index = requireNonNull(index, "index is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Services the search finds for these words, plus any (retired too) whose id or name contains them. */
    void search(AdminRequest request) throws SQLException {
        String words = request.argument();
        if (words.isBlank()) {
            request.reply("search.usage");
            return;
        }
        Map<String, Service> found = new LinkedHashMap<>();
        for (ServiceHit hit : index.search(ServiceQuery.of(words, request.language().equals("en"), MAX_RESULTS))) {
            found.put(hit.service().id(), hit.service());
        }
        String lower = words.toLowerCase(Locale.ROOT);
        for (Service service : index.all()) {
            if (found.size() < MAX_RESULTS && (service.id().contains(lower) || service.name().toLowerCase(Locale.ROOT).contains(lower))) {
                found.putIfAbsent(service.id(), service);
            }
        }
        if (found.isEmpty()) {
            request.reply("search.none", words);
            return;
        }
        StringBuilder text = new StringBuilder(request.text("search.found", words));
        found.values().stream().limit(MAX_RESULTS).forEach(service -> text.append('\n').append("• ").append(service.id())
                .append(" – ").append(service.name()).append(service.active() ? "" : " " + request.text("state.retired")));
        text.append('\n').append(request.text("search.hint"));
        request.replyText(text.toString());
    }

    void show(AdminRequest request) throws SQLException {
        Optional<ServiceListing> listing = listing(request, request.argument());
        if (listing.isEmpty()) {
            return;
        }
        ServiceListing found = listing.get();
        ObjectNode entry = writer.toNode(found.service());
        StringBuilder text = new StringBuilder();
        List<String> columns = new ArrayList<>(ServiceFields.COLUMNS);
        columns.addAll(ServiceFields.translationColumns(List.of(entry)));
        for (String column : columns) {
            String value = ServiceFields.get(entry, column);
            if (!value.isEmpty()) {
                text.append(column).append(": ").append(value).append('\n');
            }
        }
        text.append(request.text("show.revision", found.revision(), found.updatedAt(), found.updatedBy()));
        if (found.flagged()) {
            text.append('\n').append(request.text("state.flagged"));
        }
        if (isStale(found.service())) {
            text.append('\n').append(request.text("state.stale", settings.staleAfterDays()));
        }
        request.replyText(text.toString());
    }

    /** {@code /wijzig <id> <field> <value>}: an empty value or "-" clears the field. */
    void change(AdminRequest request) throws SQLException {
        String[] parts = request.argument().split("\\s+", 3);
        if (parts.length < 2 || parts[0].isBlank()) {
            request.reply("change.usage");
            return;
        }
        Optional<String> column = ServiceFields.column(parts[1]);
        if (column.isEmpty() || column.get().equals("id")) {
            request.reply("change.unknownField", parts[1], String.join(", ", ServiceFields.COLUMNS.subList(1, ServiceFields.COLUMNS.size())));
            return;
        }
        Optional<Service> current = find(request, parts[0]);
        if (current.isEmpty()) {
            return;
        }
        String value = parts.length < 3 || parts[2].strip().equals("-") ? "" : parts[2];
        ObjectNode entry = writer.toNode(current.get());
        Service changed;
        try {
            ServiceFields.set(entry, column.get(), value);
            changed = editor.validate(current.get().id(), entry);
        } catch (IllegalArgumentException e) {
            request.reply("change.invalid", column.get(), e.getMessage());
            return;
        } catch (KnowledgeBaseValidationException e) {
            request.reply("change.invalid", column.get(), String.join("\n", e.problems()));
            return;
        }
        if (writer.toJson(changed).equals(writer.toJson(current.get()))) {
            request.reply("change.same", column.get());
            return;
        }
        int revision = editor.save(request.transaction(), changed, request.actor(), "service.update", "changed " + column.get());
        request.reply("change.saved", changed.id(), column.get(), ServiceFields.get(writer.toNode(changed), column.get()), revision);
    }

    void retire(AdminRequest request) throws SQLException {
        setActive(request, false);
    }

    void restore(AdminRequest request) throws SQLException {
        setActive(request, true);
    }

    void markChecked(AdminRequest request) throws SQLException {
        Optional<Service> current = find(request, request.argument());
        if (current.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        editor.markChecked(request.transaction(), current.get().id(), today, request.actor());
        request.reply("checked.done", current.get().id(), today);
    }

    void undo(AdminRequest request) throws SQLException {
        Optional<Service> current = find(request, request.argument());
        if (current.isEmpty()) {
            return;
        }
        Optional<ServiceRevision> undone = editor.undo(request.transaction(), current.get().id(), request.actor());
        if (undone.isEmpty()) {
            request.reply("undo.nothing", current.get().id());
            return;
        }
        ServiceRevision revision = undone.get();
        if (revision.before().isEmpty()) {
            request.reply("undo.removed", current.get().id(), revision.revision());
        } else {
            request.reply("undo.done", current.get().id(), revision.revision(),
                    String.join(", ", ServiceDiff.changedFields(writer, revision.before(), revision.after())));
        }
    }

    void history(AdminRequest request) throws SQLException {
        String id = request.argument().strip();
        List<ServiceRevision> revisions = id.isEmpty() ? List.of() : store.history(request.transaction(), id);
        if (revisions.isEmpty()) {
            request.reply("service.unknown", id);
            return;
        }
        StringBuilder text = new StringBuilder(request.text("history.title", id));
        for (ServiceRevision revision : revisions.subList(Math.max(0, revisions.size() - MAX_HISTORY), revisions.size())) {
            List<String> fields = ServiceDiff.changedFields(writer, revision.before(), revision.after());
            String what = revision.before().isEmpty() ? request.text("history.created")
                    : revision.after().isEmpty() ? request.text("history.removed") : String.join(", ", fields);
            text.append('\n').append("r").append(revision.revision()).append("  ").append(revision.changedAt()).append("  ")
                    .append(revision.changedBy()).append("  ").append(what)
                    .append(revision.reason() == null ? "" : "  (" + revision.reason() + ")");
        }
        request.replyText(text.toString());
    }

    boolean isStale(Service service) {
        LocalDate staleBefore = LocalDate.now(clock).minusDays(settings.staleAfterDays());
        return service.active() && (service.lastVerified() == null || service.lastVerified().isBefore(staleBefore));
    }

    private void setActive(AdminRequest request, boolean active) throws SQLException {
        Optional<Service> current = find(request, request.argument());
        if (current.isEmpty()) {
            return;
        }
        if (current.get().active() == active) {
            request.reply(active ? "restore.already" : "retire.already", current.get().id());
            return;
        }
        editor.setActive(request.transaction(), current.get().id(), active, request.actor());
        request.reply(active ? "restore.done" : "retire.done", current.get().id());
    }

    private Optional<Service> find(AdminRequest request, String id) throws SQLException {
        return listing(request, id).map(ServiceListing::service);
    }

    private Optional<ServiceListing> listing(AdminRequest request, String argument) throws SQLException {
        String id = argument.strip().split("\\s+", 2)[0];
        if (id.isEmpty()) {
            request.reply("service.idMissing");
            return Optional.empty();
        }
        Optional<ServiceListing> listing = store.listing(request.transaction()).stream()
                .filter(candidate -> candidate.service().id().equals(id)).findFirst();
        if (listing.isEmpty()) {
            request.reply("service.unknown", id);
        }
        return listing;
    }
}
