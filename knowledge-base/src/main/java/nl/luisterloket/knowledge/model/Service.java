package nl.luisterloket.knowledge.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One local service a resident can be pointed to, as described in docs/knowledge-base.md. */
public record Service(
        String id,
        String name,
        String organization,
        String summary,
        String description,
        List<String> categories,
        List<String> keywords,
        List<String> exampleQuestions,
        String eligibility,
        List<String> languages,
        List<String> areas,
        Contact contact,
        List<OpeningPeriod> openingHours,
        String cost,
        boolean urgent,
        LocalDate lastVerified,
        boolean active,
        Map<String, Translation> i18n) {

    public Service {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(summary, "summary is null");
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        exampleQuestions = exampleQuestions == null ? List.of() : List.copyOf(exampleQuestions);
        languages = languages == null ? List.of() : List.copyOf(languages);
        areas = areas == null ? List.of() : List.copyOf(areas);
        contact = contact == null ? Contact.NONE : contact;
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        i18n = i18n == null ? Map.of() : Map.copyOf(i18n);
    }

    /** The main life domain: the first category. */
    public String mainCategory() {
        return categories.isEmpty() ? "" : categories.get(0);
    }

    /** True when the service serves the whole city or names this neighbourhood (case-insensitive). */
    public boolean serves(String neighbourhood) {
        if (areas.isEmpty() || areas.contains("*")) {
            return true;
        }
        return neighbourhood != null && areas.stream().anyMatch(area -> area.equalsIgnoreCase(neighbourhood));
    }

    public Optional<Translation> translation(String language) {
        return Optional.ofNullable(i18n.get(language));
    }

    /** Name in the given language, falling back to the Dutch original. */
    public String nameIn(String language) {
        return translation(language).map(Translation::name).filter(n -> n != null && !n.isBlank()).orElse(name);
    }

    /** Summary in the given language, falling back to the Dutch original. */
    public String summaryIn(String language) {
        return translation(language).map(Translation::summary).filter(s -> s != null && !s.isBlank()).orElse(summary);
    }
}
