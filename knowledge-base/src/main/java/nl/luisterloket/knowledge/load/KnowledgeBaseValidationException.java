package nl.luisterloket.knowledge.load;

import java.util.List;

/** A knowledge base (file or edit) was rejected; {@link #problems()} lists every problem found, not only the first. */
public final class KnowledgeBaseValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<KnowledgeBaseProblem> details;

    public KnowledgeBaseValidationException(List<KnowledgeBaseProblem> details) {
        super(summary(details));
        this.details = List.copyOf(details);
        if (this.details.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
    }

    /** Every problem, one line each: {@code services.json: entry 12 (id 'x'): categories[1]: unknown category 'money'}. */
    public List<String> problems() {
        return details.stream().map(KnowledgeBaseProblem::text).toList();
    }

    public List<KnowledgeBaseProblem> details() {
        return details;
    }

    private static String summary(List<KnowledgeBaseProblem> details) {
        StringBuilder text = new StringBuilder()
                .append(details.size()).append(details.size() == 1 ? " problem" : " problems")
                .append(" in the knowledge base:");
        details.forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem.text()));
        return text.toString();
    }
}
