package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.model.Category;

/**
 * The phrase lists under {@code signals/} (Dutch and English in one file each; see docs/knowledge-base.md):
 * what a crisis, a request for a person, small talk and frustration sound like, expressions that only sound like
 * danger, being overwhelmed ("alles tegelijk"), how the resident lives said as background ("ik leef van een
 * uitkering": no problem of its own), and per life domain the words that name a problem in it.
 */
record SignalPhrases(
        PhraseList crisis,
        PhraseList crisisIdioms,
        PhraseList asksForPerson,
        PhraseList greeting,
        PhraseList thanks,
        PhraseList goodbye,
        PhraseList whoAreYou,
        PhraseList chitchat,
        PhraseList frustration,
        PhraseList overwhelmed,
        PhraseList circumstances,
        Map<String, PhraseList> domains) {

    SignalPhrases {
        requireNonNull(crisis, "crisis is null");
        requireNonNull(crisisIdioms, "crisisIdioms is null");
        requireNonNull(asksForPerson, "asksForPerson is null");
        requireNonNull(greeting, "greeting is null");
        requireNonNull(thanks, "thanks is null");
        requireNonNull(goodbye, "goodbye is null");
        requireNonNull(whoAreYou, "whoAreYou is null");
        requireNonNull(chitchat, "chitchat is null");
        requireNonNull(frustration, "frustration is null");
        requireNonNull(overwhelmed, "overwhelmed is null");
        requireNonNull(circumstances, "circumstances is null");
        domains = Map.copyOf(requireNonNull(domains, "domains is null"));
    }

    /** Life domains that count toward "complex"; crisis is a state, not a domain. */
    static boolean isLifeDomain(Category category) {
        return category != Category.CRISIS;
    }

    static SignalPhrases load(ConfigFiles files) {
        Map<String, PhraseList> domains = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            if (isLifeDomain(category)) {
                domains.put(category.id(), list(files, "signals/domains/" + category.id() + ".txt"));
            }
        }
        return new SignalPhrases(
                list(files, "signals/crisis.txt"),
                list(files, "signals/crisis-idioms.txt"),
                list(files, "signals/asks-for-person.txt"),
                list(files, "signals/greeting.txt"),
                list(files, "signals/thanks.txt"),
                list(files, "signals/goodbye.txt"),
                list(files, "signals/who-are-you.txt"),
                list(files, "signals/chitchat.txt"),
                list(files, "signals/frustration.txt"),
                list(files, "signals/overwhelmed.txt"),
                list(files, "signals/circumstances.txt"),
                domains);
    }

    private static PhraseList list(ConfigFiles files, String path) {
        return PhraseList.parse(files.describe(path), files.lines(path));
    }
}
