package nl.luisterloket.knowledge.load;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Gathers the problems of one source so that all of them are reported together. */
final class ProblemCollector {

    private final String source;
    private final List<KnowledgeBaseProblem> problems = new ArrayList<>();

    ProblemCollector(String source) {
        this.source = requireNonNull(source, "source is null");
    }

    void add(int index, String id, String field, String message) {
        problems.add(new KnowledgeBaseProblem(source, index, id, field, message));
    }

    void addForFile(String message) {
        add(-1, null, "", message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<KnowledgeBaseProblem> problems() {
        return List.copyOf(problems);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseValidationException(problems);
        }
    }
}
