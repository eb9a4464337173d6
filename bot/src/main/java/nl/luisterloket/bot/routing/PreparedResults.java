package nl.luisterloket.bot.routing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Results worked out ahead on the preparing threads, for a message's handling to take instead of working them out
 * on the single writer. A result is taken once for each time it was prepared: two messages with the same key in one
 * batch ("hoi", "help") share one result, taken once by each. One that nobody takes, because its message went
 * elsewhere, is dropped after a minute: the keys hold residents' texts, which are not kept longer than their handling
 * needs. Thread-safe.
 *
 * @param <K> what the result depends on, all of it: a result is only taken for an equal key
 * @param <V> the result
 */
public final class PreparedResults<K, V> {

    private static final long KEEP_NANOS = 60_000_000_000L;
    /** A look through every waiting result, at most this often: with a queue of updates, every prepare did one. */
    private static final long TIDY_EVERY_NANOS = 1_000_000_000L;

    private record Prepared<V>(V value, long preparedAt, int uses) {

        Prepared<V> oneMore() {
            return new Prepared<>(value, preparedAt, uses + 1);
        }

        /** What is left once one message took it: null when that was the last. */
        Prepared<V> oneTaken() {
            return uses > 1 ? new Prepared<>(value, preparedAt, uses - 1) : null;
        }
    }

    private final Map<K, Prepared<V>> prepared = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final AtomicLong lastTidy;

    public PreparedResults() {
        this(System::nanoTime);
    }

    PreparedResults(LongSupplier nanoTime) {
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.lastTidy = new AtomicLong(nanoTime.getAsLong());
    }

    /** Works out {@code key}'s result with {@code work}, unless one is already waiting: that one then counts once more. */
    public void prepare(K key, Function<? super K, ? extends V> work) {
        long now = tidy();
        if (prepared.computeIfPresent(key, (same, waiting) -> waiting.oneMore()) != null) {
            return;
        }
        Prepared<V> fresh = new Prepared<>(work.apply(key), now, 1);
        prepared.merge(key, fresh, (waiting, ignored) -> waiting.oneMore());
    }

    /** The prepared result for {@code key}, taken once; without one, {@code work}'s, worked out now. */
    public V take(K key, Function<? super K, ? extends V> work) {
        tidy();
        List<V> taken = new ArrayList<>(1);
        prepared.computeIfPresent(key, (same, ready) -> {
            taken.add(ready.value());
            return ready.oneTaken();
        });
        return taken.isEmpty() ? work.apply(key) : taken.get(0);
    }

    /** Drops what waited longer than it may, at most once a second; returns the time now. */
    private long tidy() {
        long now = nanoTime.getAsLong();
        long tidied = lastTidy.get();
        if (now - tidied > TIDY_EVERY_NANOS && !prepared.isEmpty() && lastTidy.compareAndSet(tidied, now)) {
            prepared.values().removeIf(old -> now - old.preparedAt() > KEEP_NANOS);
        }
        return now;
    }

    /** Results prepared and not yet taken. */
    public int waiting() {
        return prepared.size();
    }
}
