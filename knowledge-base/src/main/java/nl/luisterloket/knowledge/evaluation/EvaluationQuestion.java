package nl.luisterloket.knowledge.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One line of an evaluation set: a resident's message and what a good desk does with it (see FORMAT.md). */
public record EvaluationQuestion(String id, String text, String expect, List<String> services) {

    public EvaluationQuestion {
        requireNonNull(id, "id is null");
        requireNonNull(text, "text is null");
        requireNonNull(expect, "expect is null");
        services = services == null ? List.of() : List.copyOf(services);
    }
}
