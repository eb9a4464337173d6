package nl.luisterloket.bot.http;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;

/**
 * Counters and latencies the process keeps in memory, for {@code GET /metrics}. Thread-safe and
 * cheap enough to call on every message. Names follow Prometheus conventions.
 */
@Singleton
public final class Metrics {

    /** Updates a channel handled (Telegram, once per update). */
    public static final String MESSAGES_IN = "luisterloket_messages_in_total";
    /** Messages a channel delivered. */
    public static final String MESSAGES_OUT = "luisterloket_messages_out_total";
    /** Messages a channel gave up on (blocked bot, chat gone). */
    public static final String MESSAGES_UNDELIVERABLE = "luisterloket_messages_undeliverable_total";
    /** Time to understand one message and search the knowledge base. */
    public static final String SEARCH_LATENCY = "luisterloket_search_latency_seconds";
    /** Time to handle one incoming message completely (one transaction). */
    public static final String HANDLING_LATENCY = "luisterloket_message_handling_seconds";

    private static final Map<String, String> HELP = Map.of(
            MESSAGES_IN, "Incoming messages handled.",
            MESSAGES_OUT, "Outgoing messages delivered.",
            MESSAGES_UNDELIVERABLE, "Outgoing messages given up on (blocked bot, chat gone).",
            SEARCH_LATENCY, "Time to understand a message and search the knowledge base.",
            HANDLING_LATENCY, "Time to handle one incoming message completely.");

    private final ConcurrentMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Latency> latencies = new ConcurrentHashMap<>();

    @Inject
    public Metrics() {
        counters.put(MESSAGES_IN, new LongAdder());
        counters.put(MESSAGES_OUT, new LongAdder());
        counters.put(MESSAGES_UNDELIVERABLE, new LongAdder());
        latencies.put(SEARCH_LATENCY, new Latency());
        latencies.put(HANDLING_LATENCY, new Latency());
    }

    public void increment(String counter) {
        counters.computeIfAbsent(counter, name -> new LongAdder()).increment();
    }

    public long count(String counter) {
        LongAdder adder = counters.get(counter);
        return adder == null ? 0 : adder.sum();
    }

    public void recordLatency(String name, Duration duration) {
        latencies.computeIfAbsent(name, key -> new Latency()).record(duration);
    }

    /**
     * The same understanding, timed: every call is recorded as {@link #SEARCH_LATENCY}. Whoever asks
     * the matcher (the conversation engine) wraps its {@code MessageUnderstanding} once with this.
     */
    public MessageUnderstanding timing(MessageUnderstanding understanding) {
        return (text, context) -> {
            long started = System.nanoTime();
            try {
                return understanding.understand(text, context);
            } finally {
                recordLatency(SEARCH_LATENCY, Duration.ofNanos(System.nanoTime() - started));
            }
        };
    }

    /** Counters and latency summaries in the Prometheus text format. */
    String render() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counters).forEach((name, value) -> {
            header(text, name, "counter");
            text.append(name).append(' ').append(value.sum()).append('\n');
        });
        new TreeMap<>(latencies).forEach((name, latency) -> {
            header(text, name, "summary");
            Latency.Snapshot snapshot = latency.snapshot();
            text.append(name).append("_count ").append(snapshot.count()).append('\n');
            text.append(name).append("_sum ").append(seconds(snapshot.sumNanos())).append('\n');
            text.append(name).append("_max ").append(seconds(snapshot.maxNanos())).append('\n');
        });
        return text.toString();
    }

    private static void header(StringBuilder text, String name, String type) {
        text.append("# HELP ").append(name).append(' ').append(HELP.getOrDefault(name, name)).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String seconds(long nanos) {
        return Double.toString(nanos / 1e9);
    }

    private static final class Latency {

        record Snapshot(long count, long sumNanos, long maxNanos) {
        }

        private long count;
        private long sumNanos;
        private long maxNanos;

        synchronized void record(Duration duration) {
            long nanos = duration.toNanos();
            count++;
            sumNanos += nanos;
            maxNanos = Math.max(maxNanos, nanos);
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(count, sumNanos, maxNanos);
        }
    }
}
