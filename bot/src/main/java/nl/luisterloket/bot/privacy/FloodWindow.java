package nl.luisterloket.bot.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One chat's recent arrivals in a sliding window. It only needs the last {@code limit + 1}
 * arrival times to know whether more than {@code limit} fell within the window, so a flood
 * cannot make it grow.
 */
final class FloodWindow {

    private final int limit;
    private final Duration length;
    private final Deque<Instant> arrivals = new ArrayDeque<>();
    private boolean warned;

    FloodWindow(int limit, Duration length) {
        this.limit = limit;
        this.length = length;
    }

    /** Counts an arrival; true when more than {@code limit} arrived within the window up to now. */
    synchronized boolean arriveOverLimit(Instant now) {
        evictBefore(now.minus(length));
        arrivals.addLast(now);
        if (arrivals.size() > limit + 1) {
            arrivals.removeFirst();
        }
        if (arrivals.size() <= limit) {
            warned = false;
            return false;
        }
        return true;
    }

    /** True once per flood: the first time it is asked after the chat went over the limit. */
    synchronized boolean claimWarning() {
        if (warned || arrivals.size() <= limit) {
            return false;
        }
        warned = true;
        return true;
    }

    /** Whether nothing arrived within the window before {@code now}: the window can be forgotten. */
    synchronized boolean idleAt(Instant now) {
        evictBefore(now.minus(length));
        return arrivals.isEmpty();
    }

    private void evictBefore(Instant start) {
        while (!arrivals.isEmpty() && !arrivals.peekFirst().isAfter(start)) {
            arrivals.removeFirst();
        }
    }
}
