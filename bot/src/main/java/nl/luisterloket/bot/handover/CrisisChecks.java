package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import nl.luisterloket.bot.routing.PreparedResults;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;

/**
 * Whether what a resident writes to a case that waits for a worker is a crisis: then the emergency numbers go out at
 * once and the team is pinged again. The check depends on the text alone, so it is made ahead on the preparing
 * threads when the message's case is seen waiting, and the single writer takes the answer. At 500 messages a second
 * with many waiting cases, making it on the writer took a quarter of the writer's Java time.
 */
final class CrisisChecks {

    private final MessageUnderstanding understanding;
    private final PreparedResults<String, Boolean> prepared = new PreparedResults<>();

    @Inject
    CrisisChecks(MessageUnderstanding understanding) {
        this.understanding = requireNonNull(understanding, "understanding is null");
    }

    /** Checks ahead; thread-safe. */
    void prepare(String text) {
        prepared.prepare(text, understanding::isCrisis);
    }

    /** The check prepared for this text, taken once; without one, checked now. */
    boolean isCrisis(String text) {
        return prepared.take(text, understanding::isCrisis);
    }

    int waiting() {
        return prepared.waiting();
    }
}
