package nl.luisterloket.knowledge.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.luisterloket.knowledge.model.Category;

/** The rules a service must follow beyond its JSON shape; shared by the file reader and the validator of edits. */
final class ServiceRules {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> LANGUAGE_CODES = Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());

    private ServiceRules() {
    }

    /** A problem with the id, or null when it is fine. */
    static String idProblem(String id) {
        if (id.isBlank()) {
            return "must not be empty";
        }
        return ID.matcher(id).matches() ? null : "invalid id '" + id + "': use only a-z, 0-9 and '-'";
    }

    static String categoryProblem(String category) {
        return Category.fromId(category).isPresent() ? null : "unknown category '" + category + "'";
    }

    static String languageProblem(String code) {
        return LANGUAGE_CODES.contains(code) ? null : "unknown language code '" + code + "' (use ISO 639-1, e.g. nl, en, ar)";
    }

    static String categoriesProblem(List<String> categories) {
        return categories.isEmpty() ? "a service needs at least one category" : null;
    }
}
