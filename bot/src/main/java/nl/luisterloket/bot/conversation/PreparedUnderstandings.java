package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import nl.luisterloket.bot.http.Metrics;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * The understanding as the conversation engine asks for it: a result prepared ahead of the transaction for exactly
 * this text in exactly this context is taken (once); anything else is understood on the spot. Because the context is
 * part of the key, a prepared result is only used where understanding now would give the same answer. Two residents
 * who send the same text in the same context in one batch ("hoi", "dankjewel") share one understanding, taken once by
 * each.
 */
final class PreparedUnderstandings implements MessageUnderstanding {

    /** Prepared results whose message went elsewhere (to a worker, flood control) are dropped after this. */
    private static final long KEEP_NANOS = 60_000_000_000L;
    private static final int TIDY_ABOVE = 64;
    /** A look through every waiting result, at most this often: with a queue of updates, every prepare did one. */
    private static final long TIDY_EVERY_NANOS = 1_000_000_000L;

    private record Key(String text, UnderstandingContext context) {
    }

    private record Prepared(Understanding understanding, long preparedAt, int uses) {

        Prepared oneMore() {
            return new Prepared(understanding, preparedAt, uses + 1);
        }

        /** What is left once one resident took it: null when that was the last. */
        Prepared oneTaken() {
            return uses > 1 ? new Prepared(understanding, preparedAt, uses - 1) : null;
        }
    }

    private final MessageUnderstanding understanding;
    private final Map<Key, Prepared> prepared = new ConcurrentHashMap<>();
    private final AtomicLong lastTidy = new AtomicLong(System.nanoTime());

    @Inject
    PreparedUnderstandings(MessageUnderstanding understanding, Metrics metrics) {
        this.understanding = requireNonNull(metrics, "metrics is null").timing(requireNonNull(understanding, "understanding is null"));
    }

    /** Understands ahead; thread-safe. */
    void prepare(String text, UnderstandingContext context) {
        long now = System.nanoTime();
        long tidied = lastTidy.get();
        if (prepared.size() > TIDY_ABOVE && now - tidied > TIDY_EVERY_NANOS && lastTidy.compareAndSet(tidied, now)) {
            prepared.values().removeIf(old -> now - old.preparedAt() > KEEP_NANOS);
        }
        Key key = new Key(text, context);
        if (prepared.computeIfPresent(key, (same, waiting) -> waiting.oneMore()) != null) {
            return;
        }
        Prepared fresh = new Prepared(understanding.understand(text, context), now, 1);
        prepared.merge(key, fresh, (waiting, ignored) -> waiting.oneMore());
    }

    @Override
    public Understanding understand(String text, UnderstandingContext context) {
        Understanding[] taken = new Understanding[1];
        prepared.computeIfPresent(new Key(text, context), (key, ready) -> {
            taken[0] = ready.understanding();
            return ready.oneTaken();
        });
        return taken[0] != null ? taken[0] : understanding.understand(text, context);
    }

    int waiting() {
        return prepared.size();
    }
}
