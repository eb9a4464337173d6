package nl.luisterloket.benchmarks.understanding;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.luisterloket.benchmarks.Quantiles;
import nl.luisterloket.benchmarks.data.KnowledgeBaseGenerator;
import nl.luisterloket.benchmarks.data.MessageMix;
import nl.luisterloket.benchmarks.data.Province;
import nl.luisterloket.benchmarks.data.Vocabulary;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * A quick, JMH-free look at understanding latency per size: wall-clock percentiles and the CPU time per message.
 * CPU time stays meaningful on a machine shared with other work, where wall-clock time does not.
 */
public final class UnderstandingProbe {

    private final Path matchingConfig;
    private final PrintStream out;

    public UnderstandingProbe(Path matchingConfig, PrintStream out) {
        this.matchingConfig = requireNonNull(matchingConfig, "matchingConfig is null");
        this.out = requireNonNull(out, "out is null");
    }

    public void run(List<Integer> sizes, int warmupMessages, int messages) {
        run(sizes, warmupMessages, messages, 0);
    }

    /** As {@link #run(List, int, int)}, then lists the {@code slowest} messages by CPU time (to see what p99 is made of). */
    public void run(List<Integer> sizes, int warmupMessages, int messages, int slowest) {
        Vocabulary vocabulary = Vocabulary.builtIn();
        Province province = Province.invented();
        List<String> mix = new MessageMix(vocabulary, province).messages(4096, 7);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.printf(Locale.ROOT, "%10s %10s %10s %10s %10s %14s %12s %12s%n", "services", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "CPU ms/msg", "CPU p50 ms", "CPU p99 ms");
        for (int size : sizes) {
            try (Matcher matcher = Matcher.create(matchingConfig)) {
                matcher.directory().replaceAll(new KnowledgeBaseGenerator(vocabulary, province).generate(size, 42));
                for (int i = 0; i < warmupMessages; i++) {
                    matcher.understanding().understand(mix.get(i % mix.size()), UnderstandingContext.FIRST_MESSAGE);
                }
                long[] wall = new long[messages];
                long[] cpu = new long[messages];
                long cpuStart = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < messages; i++) {
                    long start = System.nanoTime();
                    long cpuBefore = threads.getCurrentThreadCpuTime();
                    matcher.understanding().understand(mix.get(i % mix.size()), UnderstandingContext.FIRST_MESSAGE);
                    cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
                    wall[i] = System.nanoTime() - start;
                }
                if (slowest > 0) {
                    printSlowest(mix, cpu, slowest);
                }
                double cpuPerMessage = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / messages;
                Arrays.sort(wall);
                Arrays.sort(cpu);
                out.printf(Locale.ROOT, "%10d %10.2f %10.2f %10.2f %10.2f %14.2f %12.2f %12.2f%n", size,
                        Quantiles.millis(wall, 0.5), Quantiles.millis(wall, 0.9), Quantiles.millis(wall, 0.99),
                        Quantiles.millis(wall, 1.0), cpuPerMessage, Quantiles.millis(cpu, 0.5), Quantiles.millis(cpu, 0.99));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void printSlowest(List<String> mix, long[] cpu, int slowest) {
        Integer[] order = new Integer[cpu.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(cpu[b], cpu[a]));
        for (int i = 0; i < Math.min(slowest, order.length); i++) {
            String text = mix.get(order[i] % mix.size());
            out.printf(Locale.ROOT, "    %8.2f ms CPU  %4d chars  %s%n", cpu[order[i]] / 1e6, text.length(),
                    text.length() > 90 ? text.substring(0, 90) + "…" : text);
        }
    }
}
