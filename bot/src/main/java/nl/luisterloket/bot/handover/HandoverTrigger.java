package nl.luisterloket.bot.handover;

/** Why a conversation goes to a person. */
public enum HandoverTrigger {
    ASKED_FOR_PERSON,
    CRISIS,
    COMPLEX,
    REPEATED_MISSES,
    FRUSTRATION
}
