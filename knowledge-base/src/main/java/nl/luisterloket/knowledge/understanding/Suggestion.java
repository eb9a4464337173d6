package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import nl.luisterloket.knowledge.model.Service;

/** A service suggested for a message, with the engine's calibrated confidence in [0, 1]. */
public record Suggestion(Service service, double confidence) {

    public Suggestion {
        requireNonNull(service, "service is null");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }
}
