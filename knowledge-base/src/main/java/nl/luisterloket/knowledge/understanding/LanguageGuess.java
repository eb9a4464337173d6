package nl.luisterloket.knowledge.understanding;

import java.util.Set;

/** Tells English from Dutch by the small words every sentence has; unknown when a message has too few of them. */
final class LanguageGuess {

    private static final Set<String> ENGLISH = Set.of("i", "im", "ive", "id", "my", "me", "the", "a", "an", "and", "is", "are",
            "was", "to", "of", "for", "with", "where", "what", "how", "can", "could", "do", "does", "dont", "have", "has",
            "you", "your", "there", "this", "that", "it", "its", "who", "want", "need", "help", "please", "get", "someone",
            "am", "be", "been", "not", "no", "from", "at", "on", "after", "about", "any", "some", "our", "we", "they", "he",
            "she", "his", "her", "them", "will", "would", "should", "thanks", "thank", "hello", "hi", "just", "very", "too");
    private static final Set<String> DUTCH = Set.of("ik", "mijn", "mn", "de", "het", "een", "en", "is", "zijn", "was", "te",
            "van", "voor", "met", "waar", "wat", "hoe", "kan", "kun", "heb", "hebben", "heeft", "je", "jij", "jullie", "er",
            "dit", "dat", "wie", "wil", "moet", "iemand", "niet", "geen", "ben", "bij", "op", "aan", "naar", "om", "ook",
            "maar", "nog", "al", "mij", "me", "we", "wij", "ze", "zij", "hij", "haar", "hem", "ons", "onze", "u", "uw",
            "graag", "hallo", "hoi", "dank", "bedankt", "doei", "zo", "nu", "dan", "als", "omdat", "want", "ga", "gaat");

    private static final Set<String> FILLER = Set.of("lot", "much", "so", "all", "again", "alot", "hulp", "allemaal",
            "eigenlijk", "even", "hoor", "zeg", "heel", "erg", "echt", "jou", "jouw", "elkaar", "nou", "toch", "wel", "hier",
            "deze", "die", "daar", "chat", "bot", "app", "gesprek");

    private LanguageGuess() {
    }

    /** Small words that carry no need of their own, in either language. */
    static boolean isFiller(String word) {
        return ENGLISH.contains(word) || DUTCH.contains(word) || FILLER.contains(word);
    }

    /** "en", "nl", or null when the words do not tell. */
    static String of(String normalized) {
        int english = 0;
        int dutch = 0;
        for (String word : normalized.split(" ")) {
            if (ENGLISH.contains(word)) {
                english++;
            }
            if (DUTCH.contains(word)) {
                dutch++;
            }
        }
        if (english == dutch) {
            return null;
        }
        return english > dutch ? "en" : "nl";
    }
}
