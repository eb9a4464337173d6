package nl.luisterloket.benchmarks.pipeline;

import java.util.Arrays;

/** Collects latencies (nanoseconds) from several threads; percentiles by sorting, as runs are short. */
final class LatencyRecorder {

    private long[] samples = new long[1 << 14];
    private int count;

    synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The latency at quantile {@code q} (0..1) in milliseconds, or 0 without samples. */
    synchronized double percentileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
        return sorted[index] / 1e6;
    }
}
