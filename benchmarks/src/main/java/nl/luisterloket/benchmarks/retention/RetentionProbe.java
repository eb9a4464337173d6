package nl.luisterloket.benchmarks.retention;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.inject.Injector;

import nl.luisterloket.benchmarks.Quantiles;
import nl.luisterloket.benchmarks.data.Workspace;
import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.privacy.RetentionJob;
import nl.luisterloket.bot.storage.Database;

/**
 * How long a resident's message would wait for the write lock while the retention job runs: the job runs once on a
 * generated database, with the clock moved on so that some days pass the limit, while another thread keeps taking the
 * write lock for an empty transaction, as the writer of incoming messages does, and times each wait.
 */
public final class RetentionProbe {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(1);

    private final Workspace workspace;

    public RetentionProbe(Workspace workspace) {
        this.workspace = requireNonNull(workspace, "workspace is null");
    }

    /** What one run showed. */
    public record Result(int daysPastLimit, double runMillis, String summary, int probes, double p50Millis, double p99Millis,
            double maxMillis) {

        public String describe() {
            return String.format(Locale.ROOT, "retention with %d days past the limit: ran %.0f ms (%s); a write meanwhile waited"
                    + " p50 %.2f ms, p99 %.2f ms, max %.1f ms over %d writes", daysPastLimit, runMillis, summary, p50Millis,
                    p99Millis, maxMillis, probes);
        }
    }

    /** Runs retention once with the clock {@code daysPastLimit} days ahead of the generated history's end. */
    public Result run(int daysPastLimit) throws InterruptedException {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(daysPastLimit));
        Injector injector = Application.create(workspace.loadConfig(), clock, List.of());
        Database database = injector.getInstance(Database.class);
        RetentionJob job = injector.getInstance(RetentionJob.class);
        try {
            List<Long> waits = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread writer = new Thread(() -> probe(database, running, waits), "probe-writer");
            writer.start();
            long start = System.nanoTime();
            RetentionJob.RetentionResult result = job.runNow();
            long elapsed = System.nanoTime() - start;
            running.set(false);
            writer.join();
            long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(daysPastLimit, elapsed / 1e6, result.summary(), sorted.length, Quantiles.millis(sorted, 0.50),
                    Quantiles.millis(sorted, 0.99), Quantiles.millis(sorted, 1.0));
        } finally {
            database.close();
        }
    }

    private static void probe(Database database, AtomicBoolean running, List<Long> waits) {
        while (running.get()) {
            long start = System.nanoTime();
            database.inTransaction(transaction -> null);
            waits.add(System.nanoTime() - start);
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
