package nl.luisterloket.knowledge.model;

import java.util.List;

/** A service's texts in another language than Dutch (the {@code i18n} field). */
public record Translation(String name, String summary, String description, List<String> keywords, List<String> exampleQuestions) {

    public Translation {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        exampleQuestions = exampleQuestions == null ? List.of() : List.copyOf(exampleQuestions);
    }
}
