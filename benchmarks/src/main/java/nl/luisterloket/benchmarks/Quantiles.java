package nl.luisterloket.benchmarks;

/** Quantiles of measured durations by the nearest-rank method, the one every figure in BENCHMARKS.md uses. */
public final class Quantiles {

    private Quantiles() {
    }

    /** The value at quantile {@code q} (0..1) of {@code sortedNanos}, in milliseconds; 0 when there is none. */
    public static double millis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(q * sortedNanos.length) - 1));
        return sortedNanos[index] / 1e6;
    }
}
