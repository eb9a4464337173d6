package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import nl.luisterloket.bot.http.Metrics;
import nl.luisterloket.bot.routing.PreparedResults;
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

    private record Key(String text, UnderstandingContext context) {
    }

    private final MessageUnderstanding understanding;
    private final PreparedResults<Key, Understanding> prepared = new PreparedResults<>();

    @Inject
    PreparedUnderstandings(MessageUnderstanding understanding, Metrics metrics) {
        this.understanding = requireNonNull(metrics, "metrics is null").timing(requireNonNull(understanding, "understanding is null"));
    }

    /** Understands ahead; thread-safe. */
    void prepare(String text, UnderstandingContext context) {
        prepared.prepare(new Key(text, context), this::understandNow);
    }

    @Override
    public Understanding understand(String text, UnderstandingContext context) {
        return prepared.take(new Key(text, context), this::understandNow);
    }

    int waiting() {
        return prepared.waiting();
    }

    private Understanding understandNow(Key key) {
        return understanding.understand(key.text(), key.context());
    }
}
