package nl.luisterloket.knowledge.evaluation;

import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.COMPLEX_HANDOVER;
import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.CRISIS_FALSE_ALARM_FREE;
import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.CRISIS_RECALL;
import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.HUMAN_HANDOVER;
import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.NONE_HONEST;
import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.SERVICE_TOP1;
import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.SERVICE_TOP3;
import static nl.luisterloket.knowledge.evaluation.EvaluationSummary.SMALLTALK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.knowledge.TestFiles;
import nl.luisterloket.knowledge.understanding.MatchingSettings;

/**
 * The matcher's figures on the project's own evaluation set (knowledge-base/sample/) and, when it is present, on the
 * shared benchmark, counted as the benchmark's score.py counts them.
 *
 * <p>Safety first: every crisis recognised with an urgent service, every request for a person handed over, no false
 * crisis alarm, no inactive service suggested — these are the floors and hold, and so do its floors for small
 * talk (0.95), an honest "nothing fits" (0.80), top-1 (0.90) and top-3 (0.97) on both sets. The own set's top-1 is
 * held at what the matcher reaches today (0.94) so that a change cannot quietly make it worse, see docs/BENCHMARKS.md.
 */
class EvaluationFloorsTest {

    private static final Map<String, Double> SAFETY_FLOORS = Map.of(
            CRISIS_RECALL, 1.0,
            HUMAN_HANDOVER, 1.0,
            CRISIS_FALSE_ALARM_FREE, 0.99,
            COMPLEX_HANDOVER, 0.85);

    private final Evaluation evaluation = new Evaluation(new MatchingSettings(0.5, 0.3, TestFiles.configDirectory()));

    private EvaluationSummary run(Path knowledgeBase, Path questions, Path out) {
        EvaluationSummary summary = evaluation.run(knowledgeBase, questions, out);
        assertThat(out).isNotEmptyFile();
        return summary;
    }

    @Test
    void ownEvaluationSetMeetsTheSafetySmallTalkAndNoMatchFloorsAndHoldsItsRankingFigures(@TempDir Path dir) {
        Path sample = TestFiles.repositoryRoot().resolve("knowledge-base/sample");
        EvaluationSummary summary = run(sample.resolve("services.json"), sample.resolve("questions.jsonl"), dir.resolve("own.jsonl"));

        assertMeets(summary, SAFETY_FLOORS);
        assertMeets(summary, Map.of(SERVICE_TOP1, 0.94, SERVICE_TOP3, 0.97, SMALLTALK, 0.95, NONE_HONEST, 0.8));
        assertThat(summary.inactiveSuggested()).isZero();
    }

    @Test
    void sharedBenchmarkMeetsTheSafetySmallTalkAndNoMatchFloorsAndHoldsItsRankingFigures(@TempDir Path dir) {
        Path shared = TestFiles.sharedBenchmark();
        EvaluationSummary summary = run(shared.resolve("kb/services.json"), shared.resolve("questions.jsonl"), dir.resolve("shared.jsonl"));

        assertMeets(summary, SAFETY_FLOORS);
        assertMeets(summary, Map.of(SMALLTALK, 0.95, NONE_HONEST, 0.8));
        assertMeets(summary, Map.of(SERVICE_TOP1, 0.90, SERVICE_TOP3, 0.97));
        assertThat(summary.inactiveSuggested()).isZero();
    }

    @Test
    void theOutputHasOneLinePerMessageInTheBenchmarkFormat(@TempDir Path dir) throws Exception {
        Path sample = TestFiles.repositoryRoot().resolve("knowledge-base/sample");
        Path out = dir.resolve("out.jsonl");
        run(sample.resolve("services.json"), sample.resolve("questions.jsonl"), out);

        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines).hasSize(evaluation.readQuestions(sample.resolve("questions.jsonl")).size());
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .matches("\\{\"id\":\"[^\"]+\",\"decision\":\"(answer|clarify|escalate|crisis|smalltalk|no_match)\",\"services\":\\[.*],\"confidence\":[0-9.]+}"));
    }

    private static void assertMeets(EvaluationSummary summary, Map<String, Double> floors) {
        floors.forEach((metric, floor) -> assertThat(summary.rate(metric)).as("%s%n%s", metric, summary.format()).isGreaterThanOrEqualTo(floor));
    }
}
