package nl.luisterloket.knowledge.load;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import nl.luisterloket.knowledge.model.Contact;
import nl.luisterloket.knowledge.model.OpeningPeriod;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.model.Translation;

/** Turns one JSON entry into a {@link Service}, reporting every problem of the entry to the collector. */
final class ServiceEntryParser {

    private static final Set<String> SERVICE_FIELDS = Set.of("id", "name", "organization", "summary", "description",
            "categories", "keywords", "example_questions", "eligibility", "languages", "areas", "contact",
            "opening_hours", "cost", "urgent", "last_verified", "active", "i18n");
    private static final Set<String> CONTACT_FIELDS = Set.of("phone", "email", "website", "address", "walk_in");
    private static final Set<String> PERIOD_FIELDS = Set.of("days", "opens", "closes");
    private static final Set<String> TRANSLATION_FIELDS = Set.of("name", "summary", "description", "keywords", "example_questions");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mo", DayOfWeek.MONDAY, "tu", DayOfWeek.TUESDAY,
            "we", DayOfWeek.WEDNESDAY, "th", DayOfWeek.THURSDAY, "fr", DayOfWeek.FRIDAY, "sa", DayOfWeek.SATURDAY,
            "su", DayOfWeek.SUNDAY);
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final ProblemCollector problems;
    private final int index;
    private final JsonNode entry;
    private String id;

    ServiceEntryParser(ProblemCollector problems, int index, JsonNode entry) {
        this.problems = requireNonNull(problems, "problems is null");
        this.index = index;
        this.entry = requireNonNull(entry, "entry is null");
    }

    /** The service, or null when the entry has problems (they are in the collector then). */
    Service parse() {
        if (!entry.isObject()) {
            problem("", "an entry must be a JSON object, found " + describe(entry));
            return null;
        }
        JsonNode idNode = entry.get("id");
        if (idNode != null && idNode.isTextual()) {
            id = idNode.asText();
        }
        int before = problemCount();
        unknownFields(entry, SERVICE_FIELDS, "");
        String parsedId = requiredText("id");
        if (parsedId != null) {
            check("id", ServiceRules.idProblem(parsedId));
        }
        String name = requiredText("name");
        String summary = requiredText("summary");
        List<String> categories = textList("categories", true);
        if (categories != null) {
            check("categories", ServiceRules.categoriesProblem(categories));
            for (int i = 0; i < categories.size(); i++) {
                check("categories[" + i + "]", ServiceRules.categoryProblem(categories.get(i)));
            }
        }
        List<String> languages = textList("languages", false);
        if (languages != null) {
            for (int i = 0; i < languages.size(); i++) {
                check("languages[" + i + "]", ServiceRules.languageProblem(languages.get(i)));
            }
        }
        Service service = null;
        String organization = optionalText(entry, "organization", "organization");
        String description = optionalText(entry, "description", "description");
        List<String> keywords = textList("keywords", false);
        List<String> exampleQuestions = textList("example_questions", false);
        String eligibility = optionalText(entry, "eligibility", "eligibility");
        List<String> areas = textList("areas", false);
        Contact contact = contact();
        List<OpeningPeriod> openingHours = openingHours();
        String cost = optionalText(entry, "cost", "cost");
        boolean urgent = optionalBoolean("urgent", false);
        LocalDate lastVerified = date("last_verified");
        boolean active = optionalBoolean("active", true);
        Map<String, Translation> i18n = translations();
        if (problemCount() == before) {
            service = new Service(parsedId, name, organization, summary, description, categories, keywords,
                    exampleQuestions, eligibility, languages, areas, contact, openingHours, cost, urgent, lastVerified,
                    active, i18n);
        }
        return service;
    }

    private int problemCount() {
        return problems.problems().size();
    }

    private void problem(String field, String message) {
        problems.add(index, id, field, message);
    }

    private void check(String field, String problem) {
        if (problem != null) {
            problem(field, problem);
        }
    }

    private void unknownFields(JsonNode object, Set<String> known, String prefix) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(prefix + name, "unknown field");
            }
        }
    }

    private String requiredText(String field) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            problem(field, "is required");
            return null;
        }
        if (!node.isTextual()) {
            problem(field, "must be a string, found " + describe(node));
            return null;
        }
        if (node.asText().isBlank()) {
            problem(field, "must not be empty");
            return null;
        }
        return node.asText();
    }

    private String optionalText(JsonNode object, String name, String field) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(field, "must be a string, found " + describe(node));
            return null;
        }
        return node.asText();
    }

    private boolean optionalBoolean(String field, boolean absent) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            problem(field, "must be true or false, found " + describe(node));
            return absent;
        }
        return node.asBoolean();
    }

    private List<String> textList(String field, boolean required) {
        return textList(entry, field, field, required);
    }

    private List<String> textList(JsonNode object, String name, String field, boolean required) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return required ? null : List.of();
        }
        if (!node.isArray()) {
            problem(field, "must be a list of strings, found " + describe(node));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                problem(field + "[" + i + "]", "must be a string, found " + describe(item));
            } else if (item.asText().isBlank()) {
                problem(field + "[" + i + "]", "must not be empty");
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    private Contact contact() {
        JsonNode node = entry.get("contact");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem("contact", "must be an object, found " + describe(node));
            return null;
        }
        unknownFields(node, CONTACT_FIELDS, "contact.");
        return new Contact(optionalText(node, "phone", "contact.phone"), optionalText(node, "email", "contact.email"),
                optionalText(node, "website", "contact.website"), optionalText(node, "address", "contact.address"),
                optionalText(node, "walk_in", "contact.walk_in"));
    }

    private List<OpeningPeriod> openingHours() {
        JsonNode node = entry.get("opening_hours");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem("opening_hours", "must be a list, found " + describe(node));
            return null;
        }
        List<OpeningPeriod> periods = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            OpeningPeriod period = openingPeriod(node.get(i), "opening_hours[" + i + "]");
            if (period != null) {
                periods.add(period);
            }
        }
        return periods;
    }

    private OpeningPeriod openingPeriod(JsonNode node, String field) {
        if (!node.isObject()) {
            problem(field, "must be an object with days, opens and closes, found " + describe(node));
            return null;
        }
        unknownFields(node, PERIOD_FIELDS, field + ".");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> dayCodes = textList(node, "days", field + ".days", true);
        if (dayCodes != null) {
            if (dayCodes.isEmpty()) {
                problem(field + ".days", "needs at least one day");
            }
            for (int i = 0; i < dayCodes.size(); i++) {
                DayOfWeek day = DAYS.get(dayCodes.get(i));
                if (day == null) {
                    problem(field + ".days[" + i + "]", "unknown day '" + dayCodes.get(i) + "' (use mo, tu, we, th, fr, sa, su)");
                } else {
                    days.add(day);
                }
            }
        }
        LocalTime opens = time(node, "opens", field + ".opens", false);
        LocalTime closes = time(node, "closes", field + ".closes", true);
        if (opens != null && closes != null && opens.equals(closes)) {
            problem(field, "opens and closes at the same time " + opens);
        }
        if (dayCodes == null || dayCodes.isEmpty() || opens == null || closes == null) {
            return null;
        }
        return new OpeningPeriod(days, opens, closes);
    }

    private LocalTime time(JsonNode object, String name, String field, boolean closing) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            problem(field, "is required");
            return null;
        }
        String text = node.isTextual() ? node.asText() : null;
        Matcher matcher = text == null ? null : TIME.matcher(text);
        if (matcher == null || !matcher.matches()) {
            problem(field, "invalid time " + describe(node) + " (use HH:MM from 00:00 to 23:59)");
            return null;
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = Integer.parseInt(matcher.group(2));
        if (hour == 24) {
            if (closing && minute == 0) {
                return LocalTime.MAX;
            }
            problem(field, "invalid time '" + text + "' (use HH:MM from 00:00 to 23:59" + (closing ? ", or 24:00 to close at midnight)" : ")"));
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private LocalDate date(String field) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return LocalDate.parse(node.asText(), DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(field, "invalid date " + describe(node) + " (use YYYY-MM-DD, e.g. 2026-03-31)");
        return null;
    }

    private Map<String, Translation> translations() {
        JsonNode node = entry.get("i18n");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problem("i18n", "must be an object keyed by language code, found " + describe(node));
            return null;
        }
        Map<String, Translation> translations = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String prefix = "i18n." + field.getKey();
            check(prefix, ServiceRules.languageProblem(field.getKey()));
            JsonNode value = field.getValue();
            if (!value.isObject()) {
                problem(prefix, "must be an object, found " + describe(value));
                continue;
            }
            unknownFields(value, TRANSLATION_FIELDS, prefix + ".");
            translations.put(field.getKey(), new Translation(optionalText(value, "name", prefix + ".name"),
                    optionalText(value, "summary", prefix + ".summary"),
                    optionalText(value, "description", prefix + ".description"),
                    textList(value, "keywords", prefix + ".keywords", false),
                    textList(value, "example_questions", prefix + ".example_questions", false)));
        }
        return translations;
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
