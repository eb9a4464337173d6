package nl.luisterloket.bot.conversation;

import java.util.Locale;

import nl.luisterloket.bot.handover.HandoverTrigger;

/** The callback data of the conversation's buttons (at most 64 bytes each), written and read in one place. */
final class Callbacks {

    static final String PERSON = "person";
    static final String OFFER_DECLINED = "offer:no";
    static final String FOLLOW_UP_OFF = "fu:off";
    static final String HELPED = "h";
    static final String NOT_HELPED = "n";
    static final String NOT_REACHED = "x";

    private Callbacks() {
    }

    static String helps(long firstSuggestionId, int count) {
        return "ans:helps:" + firstSuggestionId + ":" + count;
    }

    static String somethingElse(long firstSuggestionId, int count) {
        return "ans:other:" + firstSuggestionId + ":" + count;
    }

    static String wrongDetails(long firstSuggestionId, int count) {
        return "ans:wrong:" + firstSuggestionId + ":" + count;
    }

    static String wrongService(long suggestionId) {
        return "wrong:" + suggestionId;
    }

    static String pick(String categoryId) {
        return "pick:" + categoryId;
    }

    static String language(String language) {
        return "lang:" + language;
    }

    static String offerAccepted(HandoverTrigger trigger) {
        return "offer:yes:" + trigger.name().toLowerCase(Locale.ROOT);
    }

    static String followUp(long followUpId, String answer) {
        return "fu:" + followUpId + ":" + answer;
    }

    static HandoverTrigger trigger(String name) {
        for (HandoverTrigger trigger : HandoverTrigger.values()) {
            if (trigger.name().equalsIgnoreCase(name)) {
                return trigger;
            }
        }
        return HandoverTrigger.ASKED_FOR_PERSON;
    }
}
