package nl.luisterloket.knowledge.evaluation;

import java.nio.file.Path;

import nl.luisterloket.knowledge.understanding.MatchingSettings;

/** Runs an evaluation from the IDE or the shell while tuning: KB, questions, output, [config dir]. */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    public static void main(String[] args) {
        Path config = Path.of(args.length > 3 ? args[3] : "config");
        EvaluationSummary summary = new Evaluation(new MatchingSettings(0.5, 0.3, config))
                .run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        System.out.print(summary.format());
    }
}
