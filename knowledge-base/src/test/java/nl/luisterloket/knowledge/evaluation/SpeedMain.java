package nl.luisterloket.knowledge.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.understanding.MatchingSettings;
import nl.luisterloket.knowledge.understanding.MessageUnderstander;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/** Rough CPU time per understood message while tuning: KB, questions. */
public final class SpeedMain {

    private SpeedMain() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ServiceIndex index = new ServiceIndex(TextAnalysis.load(new ConfigFiles(Path.of("config"))))) {
            index.replaceAll(new KnowledgeBaseReader().read(Path.of(args[0])));
            MessageUnderstander understanding = new MessageUnderstander(index, new MatchingSettings(0.5, 0.3, Path.of("config")));
            List<String> texts = new Evaluation(new MatchingSettings(0.5, 0.3, Path.of("config"))).readQuestions(Path.of(args[1]))
                    .stream().map(EvaluationQuestion::text).toList();
            for (int round = 0; round < 20; round++) {
                texts.forEach(text -> understanding.understand(text, UnderstandingContext.FIRST_MESSAGE));
            }
            long[] nanos = new long[texts.size() * 10];
            int i = 0;
            for (int round = 0; round < 10; round++) {
                for (String text : texts) {
                    long start = threads.getCurrentThreadCpuTime();
                    understanding.understand(text, UnderstandingContext.FIRST_MESSAGE);
                    nanos[i++] = threads.getCurrentThreadCpuTime() - start;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("cpu per message: p50 %.2f ms, p99 %.2f ms%n", nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
        }
    }
}
