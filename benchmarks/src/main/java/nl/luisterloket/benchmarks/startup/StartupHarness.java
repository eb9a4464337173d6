package nl.luisterloket.benchmarks.startup;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import nl.luisterloket.benchmarks.data.Workspace;

/**
 * Starts {@code java -Xmx… -jar luisterloket.jar chat} on a prepared workspace, types one message, and times
 * process start to the first answer on screen and to the end of the process.
 */
public final class StartupHarness {

    private static final String ANSWER_PREFIX = "luisterloket> ";

    private final Path jar;
    private final Workspace workspace;
    private final String message;
    private final List<String> javaOptions;

    public StartupHarness(Path jar, Workspace workspace, String message) {
        this(jar, workspace, message, List.of());
    }

    /** {@code javaOptions} go to every run, before the options of the kind of start. */
    public StartupHarness(Path jar, Workspace workspace, String message, List<String> javaOptions) {
        this.jar = requireNonNull(jar, "jar is null").toAbsolutePath();
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.message = requireNonNull(message, "message is null");
        this.javaOptions = List.copyOf(requireNonNull(javaOptions, "javaOptions is null"));
    }

    /** One run; {@code answered} is false when the process ended (e.g. out of memory) before answering. */
    public record Run(String maxHeap, boolean answered, double firstAnswerMillis, double exitMillis, int exitCode, String lastLines) {
    }

    /** How the process starts. */
    public enum Start {
        /** No index kept from an earlier start: every service is analysed (the first start, or after a change). */
        FIRST,
        /** The index kept beside the database by the previous start is taken. */
        RESTART,
        /** As RESTART, with the classes mapped in from a class-data-sharing archive (as ./luisterloket and the image do). */
        RESTART_WITH_CLASS_DATA_SHARING
    }

    public Run runOnce(String maxHeap) {
        return runOnce(maxHeap, List.of());
    }

    private Run runOnce(String maxHeap, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(javaOptions);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "chat", "--config", workspace.configFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(workspace.environment());
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            }
            double firstAnswer = -1;
            List<String> tail = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (firstAnswer < 0 && line.startsWith(ANSWER_PREFIX)) {
                        firstAnswer = (System.nanoTime() - start) / 1e6;
                    }
                    tail.add(line);
                    if (tail.size() > 6) {
                        tail.remove(0);
                    }
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            double exit = (System.nanoTime() - start) / 1e6;
            return new Run(maxHeap, firstAnswer >= 0, firstAnswer, exit, process.exitValue(), String.join("\n", tail));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * {@code runs} timed runs after one untimed run (which creates the terminal resident, keeps the index and, for
     * class data sharing, records the archive).
     */
    public List<Run> timed(String maxHeap, int runs, Start start) {
        Path archive = workspace.dataDirectory().resolve("startup-benchmark.jsa");
        List<String> quietSharing = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        List<String> options = List.of();
        try {
            Files.deleteIfExists(archive);
            if (start == Start.RESTART_WITH_CLASS_DATA_SHARING) {
                runOnce(maxHeap, concat(List.of("-XX:ArchiveClassesAtExit=" + archive), quietSharing));
                options = concat(List.of("-XX:SharedArchiveFile=" + archive), quietSharing);
            } else {
                runOnce(maxHeap);
            }
            List<Run> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                if (start == Start.FIRST) {
                    deleteKeptIndex();
                }
                results.add(runOnce(maxHeap, options));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteKeptIndex() throws IOException {
        Path index = workspace.dataDirectory().resolve("index");
        if (Files.isDirectory(index)) {
            try (Stream<Path> files = Files.walk(index)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** Median of the runs' time to first answer, in ms. */
    public static double medianFirstAnswer(List<Run> runs) {
        double[] values = runs.stream().mapToDouble(Run::firstAnswerMillis).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    public static double minFirstAnswer(List<Run> runs) {
        return Arrays.stream(runs.stream().mapToDouble(Run::firstAnswerMillis).toArray()).min().orElse(0);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
