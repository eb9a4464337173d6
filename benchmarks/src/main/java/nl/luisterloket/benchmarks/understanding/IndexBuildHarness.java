package nl.luisterloket.benchmarks.understanding;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.luisterloket.benchmarks.data.KnowledgeBaseGenerator;
import nl.luisterloket.benchmarks.data.Province;
import nl.luisterloket.benchmarks.data.Vocabulary;
import nl.luisterloket.knowledge.model.Service;

/**
 * Times building the search index ({@code ServiceDirectory.replaceAll}, what start-up and a bulk import do) and
 * measures the heap the services and their index hold, for each knowledge-base size.
 */
public final class IndexBuildHarness {

    private final Path matchingConfig;
    private final int rebuilds;
    private final PrintStream out;

    public IndexBuildHarness(Path matchingConfig, int rebuilds, PrintStream out) {
        this.matchingConfig = requireNonNull(matchingConfig, "matchingConfig is null");
        this.rebuilds = rebuilds;
        this.out = requireNonNull(out, "out is null");
    }

    /** One size's result; heap figures are live bytes after a full collection. */
    public record Result(int services, double firstBuildMillis, double bestRebuildMillis, long serviceBytes, long indexBytes) {
    }

    public List<Result> run(List<Integer> sizes) {
        out.printf(Locale.ROOT, "%10s %16s %18s %16s %14s%n", "services", "first build ms", "best rebuild ms", "services MiB", "index MiB");
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            Result result = measure(size);
            results.add(result);
            out.printf(Locale.ROOT, "%10d %16.1f %18.1f %16.1f %14.1f%n", result.services(), result.firstBuildMillis(),
                    result.bestRebuildMillis(), mebibytes(result.serviceBytes()), mebibytes(result.indexBytes()));
        }
        return results;
    }

    private Result measure(int size) {
        long empty = liveHeap();
        List<Service> services = new KnowledgeBaseGenerator(Vocabulary.builtIn(), Province.invented()).generate(size, 42);
        long withServices = liveHeap();
        try (Matcher matcher = Matcher.create(matchingConfig)) {
            long start = System.nanoTime();
            matcher.directory().replaceAll(services);
            double first = (System.nanoTime() - start) / 1e6;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < rebuilds; i++) {
                start = System.nanoTime();
                matcher.directory().replaceAll(services);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            long withIndex = liveHeap();
            return new Result(size, first, rebuilds == 0 ? first : best, withServices - empty, withIndex - withServices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
