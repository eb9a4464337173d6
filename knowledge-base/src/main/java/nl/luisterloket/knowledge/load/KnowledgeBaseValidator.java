package nl.luisterloket.knowledge.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.luisterloket.knowledge.model.Service;

/**
 * Checks services that exist as objects already (an admin's edit of one service, a set read from the database)
 * against the same rules the file reader applies.
 */
public final class KnowledgeBaseValidator {

    /** Every problem in these services, in order; empty when they are all fine. */
    public List<KnowledgeBaseProblem> problems(String source, List<Service> services) {
        ProblemCollector problems = new ProblemCollector(source);
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int index = 0; index < services.size(); index++) {
            Service service = services.get(index);
            check(problems, index, service);
            Integer earlier = firstIndexOfId.putIfAbsent(service.id(), index);
            if (earlier != null) {
                problems.add(index, service.id(), "id", "duplicate id, also used by entry " + earlier);
            }
        }
        return problems.problems();
    }

    /** Throws {@link KnowledgeBaseValidationException} listing every problem, or returns quietly. */
    public void validate(String source, List<Service> services) {
        List<KnowledgeBaseProblem> found = problems(source, services);
        if (!found.isEmpty()) {
            throw new KnowledgeBaseValidationException(found);
        }
    }

    private static void check(ProblemCollector problems, int index, Service service) {
        String id = service.id();
        report(problems, index, id, "id", ServiceRules.idProblem(id));
        if (service.name().isBlank()) {
            problems.add(index, id, "name", "must not be empty");
        }
        if (service.summary().isBlank()) {
            problems.add(index, id, "summary", "must not be empty");
        }
        report(problems, index, id, "categories", ServiceRules.categoriesProblem(service.categories()));
        for (int i = 0; i < service.categories().size(); i++) {
            report(problems, index, id, "categories[" + i + "]", ServiceRules.categoryProblem(service.categories().get(i)));
        }
        for (int i = 0; i < service.languages().size(); i++) {
            report(problems, index, id, "languages[" + i + "]", ServiceRules.languageProblem(service.languages().get(i)));
        }
        for (String language : service.i18n().keySet()) {
            report(problems, index, id, "i18n." + language, ServiceRules.languageProblem(language));
        }
        for (int i = 0; i < service.areas().size(); i++) {
            if (service.areas().get(i).isBlank()) {
                problems.add(index, id, "areas[" + i + "]", "must not be empty");
            }
        }
    }

    private static void report(ProblemCollector problems, int index, String id, String field, String problem) {
        if (problem != null) {
            problems.add(index, id, field, problem);
        }
    }
}
