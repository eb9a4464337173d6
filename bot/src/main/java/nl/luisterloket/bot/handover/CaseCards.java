package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.Messages;

/** The texts workers read about a case: the card in the team's group, and the full details. */
final class CaseCards {

    static final int CARD_LINES = 5;
    private static final int DETAIL_LINES = 60;
    private static final int CARD_LINE_CHARACTERS = 200;
    private static final int DETAIL_LINE_CHARACTERS = 1_000;

    private final Messages messages;
    private final String language;
    private final CaseHistory history;

    CaseCards(Messages messages, String language, CaseHistory history) {
        this.messages = requireNonNull(messages, "messages is null");
        this.language = requireNonNull(language, "language is null");
        this.history = requireNonNull(history, "history is null");
    }

    /**
     * The case message in the team's group: urgency, trigger, summary, last messages and status.
     *
     * @param workerFirstName the worker who has it, or null
     */
    String card(Connection connection, HandoverCase handoverCase, String workerFirstName, Instant now) throws SQLException {
        List<String> parts = new ArrayList<>();
        String marker = text(handoverCase.urgent() ? "card.urgent" : "card.normal");
        if (handoverCase.status() == CaseStatus.QUEUED && handoverCase.postCount() > 1) {
            marker = marker + " · " + text("card.waiting", Duration.between(handoverCase.createdAt(), now).toMinutes());
        }
        parts.add(text("card.title", marker, handoverCase.id(), handoverCase.team()));
        parts.add(summary(connection, handoverCase));
        List<CaseHistory.Line> lines = history.lastLines(connection, handoverCase, CARD_LINES);
        if (!lines.isEmpty()) {
            parts.add(text("card.lastMessages") + "\n" + lines(lines, CARD_LINE_CHARACTERS));
        }
        parts.add(status(handoverCase, workerFirstName));
        return String.join("\n\n", parts);
    }

    /** Everything a worker may read about the case: summary, the whole conversation, the notes. */
    String details(Connection connection, HandoverCase handoverCase, String workerFirstName) throws SQLException {
        List<String> parts = new ArrayList<>();
        parts.add(text("details.header", handoverCase.id()));
        parts.add(summary(connection, handoverCase));
        parts.add(status(handoverCase, workerFirstName));
        List<CaseHistory.Line> lines = history.lastLines(connection, handoverCase, DETAIL_LINES);
        if (!lines.isEmpty()) {
            parts.add(lines(lines, DETAIL_LINE_CHARACTERS));
        }
        List<CaseHistory.Note> notes = history.notes(connection, handoverCase.id());
        if (!notes.isEmpty()) {
            StringBuilder noteText = new StringBuilder(text("details.notes"));
            for (CaseHistory.Note note : notes) {
                noteText.append('\n').append(text("details.note", note.workerFirstName(), note.text()));
            }
            parts.add(noteText.toString());
        }
        return String.join("\n\n", parts);
    }

    List<List<Button>> buttons(HandoverCase handoverCase) {
        Button details = new Button(text("button.details"), CaseCallback.details(handoverCase.id()));
        if (handoverCase.status() == CaseStatus.QUEUED) {
            return List.of(List.of(new Button(text("button.claim"), CaseCallback.claim(handoverCase.id())), details));
        }
        return List.of(List.of(details));
    }

    /** "🔴 zaak 12 · Amina · queued" for lists. */
    String listLine(HandoverCase handoverCase, String workerFirstName) {
        String marker = handoverCase.urgent() ? "🔴" : "🟡";
        return text("cases.line", marker, handoverCase.id(), firstName(handoverCase),
                status(handoverCase, workerFirstName).replaceFirst("^[^:]*: ", ""));
    }

    String trigger(HandoverTrigger trigger) {
        return text("trigger." + trigger.name().toLowerCase(Locale.ROOT));
    }

    String line(String author, String kind, String body, int maxCharacters) {
        return text("card.line", text("author." + author), shorten(describe(kind, body), maxCharacters));
    }

    private String summary(Connection connection, HandoverCase handoverCase) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add(text("card.trigger", trigger(handoverCase.trigger())));
        lines.add(text("card.resident", firstName(handoverCase)));
        if (!handoverCase.domains().isEmpty()) {
            lines.add(text("card.domains", String.join(", ", handoverCase.domains())));
        }
        if (handoverCase.neighbourhood() != null && !handoverCase.neighbourhood().isBlank()) {
            lines.add(text("card.neighbourhood", handoverCase.neighbourhood()));
        }
        List<CaseHistory.TriedService> tried = history.triedServices(connection, handoverCase);
        if (!tried.isEmpty()) {
            lines.add(text("card.services"));
            for (CaseHistory.TriedService service : tried) {
                lines.add(text("card.service", service.name(),
                        text("feedback." + (service.feedback() == null ? "none" : service.feedback()))));
            }
        }
        return String.join("\n", lines);
    }

    private String status(HandoverCase handoverCase, String workerFirstName) {
        return switch (handoverCase.status()) {
            case AWAITING_CONSENT -> text("card.status.awaiting_consent");
            case QUEUED -> text("card.status.queued");
            case CLAIMED -> text("card.status.claimed", workerFirstName == null ? "?" : workerFirstName);
            case CLOSED -> text("card.status.closed", handoverCase.outcome() == null || handoverCase.outcome().isBlank()
                    ? text("outcome.none") : handoverCase.outcome());
        };
    }

    private String lines(List<CaseHistory.Line> lines, int maxCharacters) {
        List<String> rendered = new ArrayList<>();
        for (CaseHistory.Line line : lines) {
            rendered.add(line(line.author(), line.kind(), line.text(), maxCharacters));
        }
        return String.join("\n", rendered);
    }

    private String describe(String kind, String body) {
        if (body != null && !body.isBlank()) {
            return body;
        }
        return switch (kind == null ? "" : kind) {
            case "photo" -> text("kind.photo");
            case "document" -> text("kind.document");
            default -> text("kind.other", kind);
        };
    }

    private String firstName(HandoverCase handoverCase) {
        String name = handoverCase.residentFirstName();
        return name == null || name.isBlank() ? text("card.residentUnknown") : name;
    }

    private static String shorten(String text, int maxCharacters) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= maxCharacters ? oneLine : oneLine.substring(0, maxCharacters - 1) + "…";
    }

    private String text(String key, Object... arguments) {
        return messages.text(language, key, arguments);
    }
}
