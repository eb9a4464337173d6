package nl.luisterloket.knowledge.understanding;

/** Turns one resident message, in its conversation's context, into a decision. Thread-safe. */
public interface MessageUnderstanding {

    Understanding understand(String text, UnderstandingContext context);
}
