package nl.luisterloket.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import nl.luisterloket.benchmarks.data.MessageMix;
import nl.luisterloket.benchmarks.data.Province;
import nl.luisterloket.benchmarks.data.Vocabulary;
import nl.luisterloket.benchmarks.data.Workspace;
import nl.luisterloket.benchmarks.data.WorkspacePreparation;
import nl.luisterloket.benchmarks.pipeline.PipelineBenchmark;
import nl.luisterloket.benchmarks.pipeline.PipelineLoadDriver;
import nl.luisterloket.benchmarks.retention.RetentionProbe;
import nl.luisterloket.benchmarks.startup.StartupHarness;
import nl.luisterloket.benchmarks.understanding.IndexBuildHarness;
import nl.luisterloket.benchmarks.understanding.Matcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar benchmarks/target/benchmarks.jar …}: the performance measurements of docs/BENCHMARKS.md. */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
        description = "Synthetic data and performance measurements of Luisterloket. Run from the repository root.",
        subcommands = {BenchmarksCommand.Generate.class, BenchmarksCommand.Understanding.class, BenchmarksCommand.Index.class, BenchmarksCommand.Pipeline.class,
                BenchmarksCommand.Retention.class, BenchmarksCommand.Startup.class, BenchmarksCommand.Jmh.class})
public final class BenchmarksCommand implements Callable<Integer> {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(new CommandLine(new BenchmarksCommand()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** What a command does with its prepared data; returns the exit code. */
    @FunctionalInterface
    interface WorkspaceWork {
        int run(Workspace workspace) throws Exception;
    }

    /** Where the data goes and which configuration file the application reads. */
    static final class WorkspaceOptions {

        @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: a new temporary directory).")
        Path data;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/luisterloket.yml",
                description = "The project's configuration file (default: ${DEFAULT-VALUE}).")
        Path config;

        @Option(names = "--services", defaultValue = "5000", description = "Services in the knowledge base (default: ${DEFAULT-VALUE}).")
        int services;

        @Option(names = "--residents", defaultValue = "10000", description = "Residents with history (default: ${DEFAULT-VALUE}).")
        int residents;

        @Option(names = "--seed", defaultValue = "42")
        long seed;

        Workspace prepare() throws java.io.IOException {
            Path directory = data != null ? data : Files.createTempDirectory("luisterloket-bench-");
            Workspace workspace = new Workspace(directory, config);
            long start = System.nanoTime();
            String what = new WorkspacePreparation(Vocabulary.builtIn(), Clock.systemUTC()).prepare(workspace, services, residents, seed);
            System.out.printf(Locale.ROOT, "Generated %s in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
            return workspace;
        }

        /** Prepares the data, runs {@code work} on it, then deletes it if this run made it. */
        int runOn(WorkspaceWork work) throws Exception {
            Workspace workspace = prepare();
            try {
                return work.run(workspace);
            } finally {
                discard(workspace);
            }
        }

        /** Deletes the data directory if this run made it (a generated database is a few hundred MiB); keeps one given by --data. */
        private void discard(Workspace workspace) throws java.io.IOException {
            if (data != null) {
                return;
            }
            try (Stream<Path> files = Files.walk(workspace.dataDirectory())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Writes a knowledge base (services.json) and a database with services and residents with history.")
    static final class Generate implements Callable<Integer> {

        @CommandLine.Mixin
        WorkspaceOptions data;

        @Override
        public Integer call() throws Exception {
            data.prepare();
            return 0;
        }
    }

    @Command(name = "understanding", mixinStandardHelpOptions = true,
            description = "Quick understanding latency per size without JMH: wall-clock percentiles and CPU time per message.")
    static final class Understanding implements Callable<Integer> {

        @Option(names = "--sizes", defaultValue = "500,5000,50000")
        String sizes;

        @Option(names = "--matching-config", defaultValue = "config", description = "The matcher's phrase lists (default: ${DEFAULT-VALUE}).")
        Path matchingConfig;

        @Option(names = "--warmup", defaultValue = "3000", description = "Messages before measuring (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--messages", defaultValue = "5000", description = "Measured messages (default: ${DEFAULT-VALUE}).")
        int messages;

        @Option(names = "--slowest", defaultValue = "0", description = "Also list this many slowest messages by CPU time (default: ${DEFAULT-VALUE}).")
        int slowest;

        @Override
        public Integer call() {
            new nl.luisterloket.benchmarks.understanding.UnderstandingProbe(matchingConfig, System.out)
                    .run(Matcher.sizes(sizes), warmup, messages, slowest);
            return 0;
        }
    }

    @Command(name = "index", mixinStandardHelpOptions = true,
            description = "Index build time and heap held by services and index, per knowledge-base size.")
    static final class Index implements Callable<Integer> {

        @Option(names = "--sizes", defaultValue = "500,5000,50000")
        String sizes;

        @Option(names = "--matching-config", defaultValue = "config", description = "The matcher's phrase lists (default: ${DEFAULT-VALUE}).")
        Path matchingConfig;

        @Option(names = "--rebuilds", defaultValue = "3")
        int rebuilds;

        @Override
        public Integer call() {
            new IndexBuildHarness(matchingConfig, rebuilds, System.out).run(Matcher.sizes(sizes));
            return 0;
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Messages through the whole desk (routing, understanding, SQLite, outbox, delivery): throughput and latency.")
    static final class Pipeline implements Callable<Integer> {

        @CommandLine.Mixin
        WorkspaceOptions data;

        @Option(names = "--rate", defaultValue = "500", description = "Offered messages a second; 0 = as many as the desk takes (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--part", defaultValue = "30", description = "When more seconds are measured, also the p99 of each part"
                + " of this many seconds (default: ${DEFAULT-VALUE}).")
        int part;

        // on two cores the JIT compilers stay busy for the first half minute and more; measuring earlier measures them
        @Option(names = "--warmup", defaultValue = "30", description = "Seconds before measuring (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--warmup-rate", description = "Offered messages a second while warming up; 0 = as many as the desk takes"
                + " (default: the --rate).")
        Double warmupRate;

        @Option(names = "--settle", defaultValue = "5", description = "After a warm-up at another --warmup-rate, the last seconds"
                + " of the warm-up at the measured --rate, at most half the warm-up (default: ${DEFAULT-VALUE}).")
        int settle;

        @Option(names = "--channel", defaultValue = "telegram",
                description = "telegram: updates from the in-process fake Bot API server over HTTP; direct: straight to the router (default: ${DEFAULT-VALUE}).")
        String channel;

        @Option(names = "--in-flight", defaultValue = "32", description = "Messages in flight at rate 0 (default: ${DEFAULT-VALUE}).")
        int inFlight;

        @Option(names = "--burst", defaultValue = "0", description = "Messages offered all at once, on top of the --rate, --burst-at"
                + " seconds into the measured run: how fast the desk works off a backlog (default: ${DEFAULT-VALUE}).")
        int burst;

        @Option(names = "--burst-at", defaultValue = "10", description = "Seconds into the measured run of the --burst (default: ${DEFAULT-VALUE}).")
        int burstAt;

        @Option(names = "--slowest", defaultValue = "0",
                description = "Also list this many slowest measured messages (at most 200): when each arrived, its latency, its text (default: ${DEFAULT-VALUE}).")
        int slowest;

        @Override
        public Integer call() throws Exception {
            return data.runOn(this::run);
        }

        private int run(Workspace workspace) throws Exception {
            PipelineLoadDriver.Settings settings = new PipelineLoadDriver.Settings(data.residents, rate,
                    warmupRate == null ? rate : warmupRate, Duration.ofSeconds(warmup), Duration.ofSeconds(settle), Duration.ofSeconds(seconds),
                    Duration.ofSeconds(part), inFlight, new PipelineLoadDriver.Burst(burst, Duration.ofSeconds(burstAt)));
            List<String> messages = new MessageMix(Vocabulary.builtIn(), Province.invented()).messages(10_000, 11);
            PipelineLoadDriver.Result result = switch (channel) {
                case "telegram" -> PipelineBenchmark.telegram(workspace, settings, messages);
                case "direct" -> PipelineBenchmark.inProcess(workspace, settings, messages);
                default -> throw new CommandLine.ParameterException(new CommandLine(this), "--channel must be telegram or direct");
            };
            System.out.println(result.describe());
            result.slowest().stream().limit(slowest).forEach(message -> System.out.println(message.describe()));
            return result.unanswered() == 0 && result.persisted() == result.submitted() ? 0 : 1;
        }
    }

    @Command(name = "retention", mixinStandardHelpOptions = true,
            description = "Runs the retention job once on generated history, the clock moved on, and times how long a write waits meanwhile.")
    static final class Retention implements Callable<Integer> {

        @CommandLine.Mixin
        WorkspaceOptions data;

        @Option(names = "--days-past-limit", split = ",", defaultValue = "0,2",
                description = "Days the clock moves past the end of the history, so that as many days pass the limit (default: ${DEFAULT-VALUE}).")
        List<Integer> daysPastLimit;

        @Override
        public Integer call() throws Exception {
            return data.runOn(workspace -> {
                // each run on the history as the one before left it: later runs see what earlier ones did not delete
                for (int days : daysPastLimit) {
                    System.out.println(new RetentionProbe(workspace).run(days).describe());
                }
                return 0;
            });
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = "Process start to first answer of `luisterloket chat`, and the smallest -Xmx it answers with.")
    static final class Startup implements Callable<Integer> {

        @CommandLine.Mixin
        WorkspaceOptions data;

        @Option(names = "--jar", defaultValue = "bot/target/luisterloket.jar")
        Path jar;

        @Option(names = "--xmx", defaultValue = "256m")
        String maxHeap;

        @Option(names = "--runs", defaultValue = "10")
        int runs;

        @Option(names = "--message", defaultValue = "ik heb schulden")
        String message;

        @Option(names = "--java-option", description = "A JVM option for every run, e.g. --java-option=-XX:+UseParallelGC (repeatable).")
        List<String> javaOptions = List.of();

        @Option(names = "--heap-steps", defaultValue = "256m,128m,96m,64m,48m,32m",
                description = "-Xmx values to try for the smallest heap that still answers (default: ${DEFAULT-VALUE}).")
        String heapSteps;

        @Override
        public Integer call() throws Exception {
            return data.runOn(this::run);
        }

        private int run(Workspace workspace) throws Exception {
            StartupHarness harness = new StartupHarness(jar, workspace, message, javaOptions);
            boolean allAnswered = true;
            for (StartupHarness.Start start : StartupHarness.Start.values()) {
                List<StartupHarness.Run> runs = harness.timed(maxHeap, this.runs, start);
                for (StartupHarness.Run run : runs) {
                    System.out.printf(Locale.ROOT, "%s -Xmx%s: first answer after %.0f ms, process ended after %.0f ms (exit %d)%n",
                            start, run.maxHeap(), run.firstAnswerMillis(), run.exitMillis(), run.exitCode());
                }
                System.out.printf(Locale.ROOT, "%s: start-up to first answer: median %.0f ms, best %.0f ms over %d runs%n",
                        start, StartupHarness.medianFirstAnswer(runs), StartupHarness.minFirstAnswer(runs), runs.size());
                allAnswered &= runs.stream().allMatch(StartupHarness.Run::answered);
            }
            for (String step : heapSteps.split(",")) {
                StartupHarness.Run run = harness.runOnce(step.strip());
                System.out.printf(Locale.ROOT, "-Xmx%s: %s%n", run.maxHeap(), run.answered()
                        ? String.format(Locale.ROOT, "answers after %.0f ms", run.firstAnswerMillis())
                        : "no answer (exit " + run.exitCode() + "): " + run.lastLines().replace('\n', ' '));
            }
            return allAnswered ? 0 : 1;
        }
    }

    /** Only for the usage text: {@link #main} hands {@code jmh …} to JMH before picocli sees it. */
    @Command(name = "jmh", description = "Runs JMH with the arguments that follow, e.g. `jmh UnderstandingBenchmark`; `jmh -h` lists JMH's options.")
    static final class Jmh implements Callable<Integer> {

        @Override
        public Integer call() {
            return 0;
        }
    }
}
