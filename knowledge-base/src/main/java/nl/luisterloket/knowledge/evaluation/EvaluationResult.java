package nl.luisterloket.knowledge.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What the desk decided for one evaluation message: one line of the output file. */
public record EvaluationResult(String id, String decision, List<String> services, double confidence) {

    public EvaluationResult {
        requireNonNull(id, "id is null");
        requireNonNull(decision, "decision is null");
        services = List.copyOf(requireNonNull(services, "services is null"));
    }
}
