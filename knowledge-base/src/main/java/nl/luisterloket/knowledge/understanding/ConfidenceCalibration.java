package nl.luisterloket.knowledge.understanding;

import java.util.List;

import nl.luisterloket.knowledge.index.ServiceHit;

/**
 * Turns what a search found into a confidence between 0 and 1 that the first hit is what the resident needs.
 * The raw BM25 score means little across messages and knowledge bases, so the model rests on two measures that do:
 * the strength of the match in units of "one distinctive word" and how much of the message the service's texts
 * cover. The weights are a logistic regression fitted on labelled messages (resident questions the knowledge base
 * answers versus questions it does not; see docs/BENCHMARKS.md), shifted so that the default clarify threshold 0.3
 * keeps about 19 in 20 answerable questions (and lets through about one in three questions it cannot answer).
 */
final class ConfidenceCalibration {

    private static final double INTERCEPT = -7.83;
    private static final double COVERAGE = 1.22;
    private static final double STRENGTH = 9.65;

    /** A message of at most this many words (after stop words) ... */
    private static final int SHORT_MESSAGE_WORDS = 3;
    /**
     * ... whose words a service covers this completely is understood well enough to ask which domain is meant (the
     * clarify band of the default thresholds), however weakly a few words score.
     */
    private static final double SHORT_MESSAGE_COVERAGE = 0.85;
    private static final double SHORT_MESSAGE_CONFIDENCE = 0.45;

    /**
     * A service that does not mention the provider or matter the resident names ("een goedkope dierenarts") answers
     * at best a side of the message: far less sure, so usually an honest "nothing fits", unless the rest of the
     * message matches very strongly.
     */
    private static final double MISSED_NEED_FACTOR = 0.3;

    private ConfidenceCalibration() {
    }

    static double confidence(List<ServiceHit> hits, int index) {
        if (index >= hits.size()) {
            return 0;
        }
        ServiceHit hit = hits.get(index);
        double fit = hit.missesNeed() ? MISSED_NEED_FACTOR : 1;
        double z = INTERCEPT + COVERAGE * hit.coverage() + STRENGTH * Math.log1p(hit.strength());
        double model = 1 / (1 + Math.exp(-z));
        // The fitted model learned from sentences; "ik heb schulden" has one word to match and a small score, but
        // when a service covers all of a short message the desk did understand it.
        if (hit.words() <= SHORT_MESSAGE_WORDS && hit.coverage() >= SHORT_MESSAGE_COVERAGE) {
            return fit * Math.max(model, SHORT_MESSAGE_CONFIDENCE * hit.coverage());
        }
        return fit * model;
    }
}
