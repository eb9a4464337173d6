package nl.luisterloket.bot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import nl.luisterloket.knowledge.evaluation.Evaluation;
import nl.luisterloket.knowledge.evaluation.EvaluationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luisterloket eval}: runs an evaluation set through the desk's understanding and writes its decisions. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Decide every message of an evaluation set as the first message of a new conversation,",
                "write one JSON line per message (the benchmark's output format) and print a summary."})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    ConfigOption configOption;

    @Option(names = "--kb", paramLabel = "FILE", required = true, description = "Knowledge-base file (JSON array of services).")
    Path knowledgeBase;

    @Option(names = "--questions", paramLabel = "FILE", required = true, description = "Messages to decide (JSON lines).")
    Path questions;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the decisions (JSON lines).")
    Path out;

    @Override
    public Integer call() {
        EvaluationSummary summary = new Evaluation(configOption.load().matching()).run(knowledgeBase, questions, out);
        System.out.print(summary.format());
        return 0;
    }
}
