package nl.luisterloket.knowledge.understanding;

/** Turns one resident message, in its conversation's context, into a decision. Thread-safe. */
public interface MessageUnderstanding {

    Understanding understand(String text, UnderstandingContext context);

    /**
     * Whether {@link #understand} would call the text a crisis, without what else it does for an answer (searching
     * services): for a message that goes to a person anyway but must not miss danger.
     */
    default boolean isCrisis(String text) {
        return understand(text, UnderstandingContext.FIRST_MESSAGE).decision() == Decision.CRISIS;
    }
}
