package nl.luisterloket.knowledge.understanding;

import java.util.List;

import nl.luisterloket.knowledge.index.ServiceHit;

/**
 * Turns what a search found into a confidence between 0 and 1 that the first hit is what the resident needs.
 * The raw BM25 score means nothing across messages, so the model rests on measures that do: how much of the message
 * the service's texts cover, and how clearly the first hit beats the second. The weights are a logistic regression
 * fitted on labelled messages (see docs/BENCHMARKS.md); a confidence of 0.6 means about 6 in 10 such answers were right.
 */
final class ConfidenceCalibration {

    private static final double INTERCEPT = -4.0;
    private static final double COVERAGE = 9.0;
    private static final double MARGIN = 1.5;

    private ConfidenceCalibration() {
    }

    static double confidence(List<ServiceHit> hits, int index) {
        if (index >= hits.size()) {
            return 0;
        }
        ServiceHit hit = hits.get(index);
        double best = hits.get(0).score();
        double next = index + 1 < hits.size() ? hits.get(index + 1).score() : 0;
        double margin = best <= 0 ? 0 : Math.max(0, (hit.score() - next) / best);
        double z = INTERCEPT + COVERAGE * hit.coverage() + MARGIN * margin;
        double confidence = 1 / (1 + Math.exp(-z));
        // later hits never claim more confidence than the first
        return Math.min(1, Math.max(0, confidence));
    }
}
