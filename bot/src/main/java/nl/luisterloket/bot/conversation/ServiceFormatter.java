package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.knowledge.model.Contact;
import nl.luisterloket.knowledge.model.Service;

/**
 * Writes one suggested service the way a resident reads it: name, what they do, how to reach
 * them, whether they are open now, cost and languages, who runs it and when it was last checked.
 */
public final class ServiceFormatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final int staleAfterDays;
    /** The JDK's locale data was searched for every language of every service in every reply; the names do not change. */
    private final Map<NameKey, String> languageNames = new ConcurrentHashMap<>();

    private record NameKey(String code, String reader) {
    }

    public ServiceFormatter(Messages messages, Clock clock, ZoneId zone, int staleAfterDays) {
        this.messages = requireNonNull(messages, "messages is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.staleAfterDays = staleAfterDays;
    }

    public String format(Service service, String language) {
        ZonedDateTime now = clock.instant().atZone(zone);
        List<String> lines = new ArrayList<>();
        lines.add("• " + service.nameIn(language));
        lines.add(service.summaryIn(language));
        Contact contact = service.contact();
        addIfPresent(lines, language, "service.phone", contact.phone());
        addIfPresent(lines, language, "service.address", contact.address());
        addIfPresent(lines, language, "service.walkIn", contact.walkIn());
        addIfPresent(lines, language, "service.website", contact.website());
        addIfPresent(lines, language, "service.email", contact.email());
        String opening = openingLine(service, language, now);
        if (opening != null) {
            lines.add(opening);
        }
        addIfPresent(lines, language, "service.cost", service.cost());
        if (!service.languages().isEmpty()) {
            lines.add(messages.text(language, "service.languages", languageNames(service.languages(), language)));
        }
        if (service.organization() != null && !service.organization().isBlank()) {
            lines.add(messages.text(language, "service.organization", service.organization()));
        }
        lines.add(checkedLine(service.lastVerified(), language, now.toLocalDate()));
        return String.join("\n", lines);
    }

    /** "Nu open tot 17:00", "Morgen weer open om 09:00", "Dag en nacht open (24/7)"; null when no hours are known. */
    public String openingLine(Service service, String language, ZonedDateTime now) {
        OpeningState state = OpeningHours.statusAt(service.openingHours(), now.toLocalDateTime());
        return switch (state.kind()) {
            case ALWAYS -> messages.text(language, "open.always");
            case OPEN_UNTIL -> messages.text(language, "open.until", TIME.format(state.time()));
            case OPENS_LATER_TODAY -> messages.text(language, "open.laterToday", TIME.format(state.time()));
            case OPENS_TOMORROW -> messages.text(language, "open.tomorrow", TIME.format(state.time()));
            case OPENS_ON_DAY -> messages.text(language, "open.onDay",
                    state.day().getDisplayName(TextStyle.FULL, Locale.forLanguageTag(language)), TIME.format(state.time()));
            case UNKNOWN -> null;
        };
    }

    private String checkedLine(LocalDate lastVerified, String language, LocalDate today) {
        if (lastVerified == null) {
            return messages.text(language, "service.neverChecked");
        }
        String checked = messages.text(language, "service.checked", DATE.format(lastVerified));
        if (lastVerified.plusDays(staleAfterDays).isBefore(today)) {
            return checked + "\n" + messages.text(language, "service.stale");
        }
        return checked;
    }

    private String languageNames(List<String> codes, String language) {
        return String.join(", ", codes.stream()
                .map(code -> languageNames.computeIfAbsent(new NameKey(code, language),
                        key -> Locale.forLanguageTag(key.code()).getDisplayLanguage(Locale.forLanguageTag(key.reader()))))
                .filter(name -> !name.isBlank())
                .toList());
    }

    private void addIfPresent(List<String> lines, String language, String key, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(messages.text(language, key, value));
        }
    }
}
