package nl.luisterloket.knowledge.understanding;

import java.util.Locale;

/** What the desk does with a message; the wire names are the ones the evaluation format uses. */
public enum Decision {
    ANSWER,
    CLARIFY,
    ESCALATE,
    CRISIS,
    SMALLTALK,
    NO_MATCH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
