package nl.luisterloket.bot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of a service as flat, text-valued columns (a spreadsheet row, a field an admin changes in the chat):
 * lists separated by {@code ;}, opening hours as {@link OpeningHoursText}, yes/no for flags, and
 * {@code contact.phone} or {@code i18n.en.summary} for nested fields. Works on the knowledge-base JSON form, so
 * that the knowledge-base reader validates the result exactly like a file.
 */
public final class ServiceFields {

    /** The columns in export order (translations follow as {@code i18n.<language>.<field>}). */
    public static final List<String> COLUMNS = List.of("id", "name", "organization", "summary", "description", "categories",
            "keywords", "example_questions", "eligibility", "languages", "areas", "contact.phone", "contact.email",
            "contact.website", "contact.address", "contact.walk_in", "opening_hours", "cost", "urgent", "last_verified",
            "active");
    public static final List<String> TRANSLATION_FIELDS = List.of("name", "summary", "description", "keywords", "example_questions");

    private static final Set<String> LISTS = Set.of("categories", "keywords", "example_questions", "languages", "areas");
    private static final Set<String> FLAGS = Set.of("urgent", "active");
    private static final Pattern TRANSLATION = Pattern.compile("i18n\\.([a-z]{2,3})\\.([a-z_]+)");
    private static final Map<String, String> ALIASES = Map.of("phone", "contact.phone", "email", "contact.email",
            "website", "contact.website", "address", "contact.address", "walk_in", "contact.walk_in", "hours", "opening_hours");
    private static final Set<String> YES = Set.of("yes", "ja", "true", "1", "y", "j");
    private static final Set<String> NO = Set.of("no", "nee", "false", "0", "n");

    private ServiceFields() {
    }

    /** The column an admin means ({@code phone} is {@code contact.phone}); empty when there is no such field. */
    public static java.util.Optional<String> column(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        String column = ALIASES.getOrDefault(lower, lower);
        return isColumn(column) ? java.util.Optional.of(column) : java.util.Optional.empty();
    }

    public static boolean isColumn(String column) {
        if (COLUMNS.contains(column)) {
            return true;
        }
        var matcher = TRANSLATION.matcher(column);
        return matcher.matches() && TRANSLATION_FIELDS.contains(matcher.group(2));
    }

    /**
     * Sets one column in a service's JSON form from text; an empty text removes the field. Throws
     * IllegalArgumentException when the text cannot be read (the knowledge-base reader checks the rest).
     */
    public static void set(ObjectNode entry, String column, String text) {
        String value = text == null ? "" : text.strip();
        String[] path = path(column);
        ObjectNode parent = entry;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
        }
        String field = path[path.length - 1];
        if (value.isEmpty()) {
            parent.remove(field);
        } else if (LISTS.contains(field)) {
            ArrayNode list = parent.putArray(field);
            for (String item : value.split(";")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        } else if (FLAGS.contains(field)) {
            parent.put(field, flag(value));
        } else if (field.equals("opening_hours")) {
            parent.set(field, OpeningHoursText.parse(value));
        } else {
            parent.put(field, value);
        }
        removeEmptyParents(entry, path);
    }

    /** The text of one column, "" when the field is absent. */
    public static String get(ObjectNode entry, String column) {
        JsonNode node = entry;
        for (String part : path(column)) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return FLAGS.contains(column) ? (column.equals("active") ? "yes" : "no") : "";
        }
        if (column.equals("opening_hours")) {
            return OpeningHoursText.format(node);
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return String.join("; ", items);
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "yes" : "no";
        }
        return node.asText();
    }

    /** The translation columns that a set of services uses, sorted. */
    public static List<String> translationColumns(List<ObjectNode> entries) {
        java.util.TreeSet<String> languages = new java.util.TreeSet<>();
        entries.forEach(entry -> entry.path("i18n").fieldNames().forEachRemaining(languages::add));
        List<String> columns = new ArrayList<>();
        for (String language : languages) {
            TRANSLATION_FIELDS.forEach(field -> columns.add("i18n." + language + "." + field));
        }
        return columns;
    }

    private static String[] path(String column) {
        return column.split("\\.");
    }

    private static boolean flag(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) {
            return true;
        }
        if (NO.contains(lower)) {
            return false;
        }
        throw new IllegalArgumentException("must be yes or no, not '" + value + "'");
    }

    private static void removeEmptyParents(ObjectNode entry, String[] path) {
        for (int depth = path.length - 1; depth > 0; depth--) {
            ObjectNode parent = entry;
            for (int i = 0; i < depth - 1; i++) {
                parent = (ObjectNode) parent.get(path[i]);
            }
            JsonNode child = parent.get(path[depth - 1]);
            if (child != null && child.isEmpty()) {
                parent.remove(path[depth - 1]);
            }
        }
    }
}
