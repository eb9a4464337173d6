package nl.luisterloket.benchmarks.pipeline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import nl.luisterloket.benchmarks.Quantiles;

/**
 * Collects latencies (nanoseconds) from several threads, each with when its message arrived and which message of the
 * mix it was; percentiles by sorting, as runs are short.
 */
final class LatencyRecorder {

    /** One measured message: arrival (nanoTime), latency (nanoseconds), its index in the message mix. */
    record Sample(long arrivalNanos, long latencyNanos, int message) {
    }

    private long[] latencies = new long[1 << 14];
    private long[] arrivals = new long[1 << 14];
    private int[] messages = new int[1 << 14];
    private int count;

    synchronized void record(long arrivalNanos, long nanos, int message) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
            arrivals = Arrays.copyOf(arrivals, arrivals.length * 2);
            messages = Arrays.copyOf(messages, messages.length * 2);
        }
        arrivals[count] = arrivalNanos;
        messages[count] = message;
        latencies[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The latency at quantile {@code q} (0..1) in milliseconds, or 0 without samples. */
    synchronized double percentileMillis(double q) {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return Quantiles.millis(sorted, q);
    }

    /** The latencies, sorted, of the messages that arrived from {@code fromNanos} (inclusive) until {@code untilNanos} (exclusive). */
    synchronized long[] sortedBetween(long fromNanos, long untilNanos) {
        return IntStream.range(0, count).filter(index -> arrivals[index] >= fromNanos && arrivals[index] < untilNanos)
                .mapToLong(index -> latencies[index]).sorted().toArray();
    }

    /** The {@code n} slowest samples, slowest first. */
    synchronized List<Sample> slowest(int n) {
        return IntStream.range(0, count).boxed()
                .sorted(Comparator.comparingLong((Integer index) -> latencies[index]).reversed())
                .limit(n).map(index -> new Sample(arrivals[index], latencies[index], messages[index])).toList();
    }
}
