package nl.luisterloket.knowledge.understanding;

/** Things noticed in a message besides the services it is about. */
public enum Signal {
    /** Danger to life or safety now. */
    CRISIS,
    /** The resident asks for a person, a worker or a phone call. */
    ASKS_FOR_PERSON,
    /** Three or more life domains at once. */
    COMPLEX,
    /** "niemand helpt me", "dit slaat nergens op". */
    FRUSTRATION,
    GREETING,
    THANKS,
    GOODBYE,
    WHO_ARE_YOU,
    /** Other chit-chat ("hoe gaat het", "ok"). */
    CHITCHAT
}
