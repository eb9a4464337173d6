package nl.luisterloket.knowledge.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The multi-word entries of a Dutch synonym file with the one-word synonyms of their line, for
 * {@link ScatteredPhraseSynonymFilter}: Dutch moves the words of an expression apart and inflects them ("rood staan"
 * is "ik sta al maanden rood", "contract loopt af" is "mijn contract loopt eind deze maand af"), which the synonym
 * filter's exact match misses.
 */
final class ScatteredPhrases {

    private static final int MAX_WORDS = 5;

    /**
     * One multi-word entry: the stems of its words, their {@link #key}s (a message without one of them cannot contain
     * the entry) and the one-word synonyms (as written) of its line.
     */
    record Phrase(List<String> stems, Set<String> keys, List<String> synonyms) {

        Phrase(List<String> stems, List<String> synonyms) {
            this(stems, stems.stream().map(ScatteredPhrases::key).collect(Collectors.toUnmodifiableSet()), synonyms);
        }
    }

    private final List<Phrase> phrases;
    /** Each entry's position in {@link #phrases} under the key of its first word. */
    private final Map<String, int[]> byFirstKey;

    private ScatteredPhrases(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < this.phrases.size(); i++) {
            positions.computeIfAbsent(key(this.phrases.get(i).stems().get(0)), key -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> byFirstKey = new HashMap<>();
        positions.forEach((key, list) -> byFirstKey.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        this.byFirstKey = Map.copyOf(byFirstKey);
    }

    /**
     * The entries whose first word has one of the keys, in the order of the file: most entries share no word with
     * a message, and only those are worth matching.
     */
    List<Phrase> sharingAWord(Set<String> keys) {
        List<Integer> positions = new ArrayList<>();
        for (String key : keys) {
            int[] found = byFirstKey.get(key);
            if (found != null) {
                for (int position : found) {
                    positions.add(position);
                }
            }
        }
        positions.sort(null);
        List<Phrase> found = new ArrayList<>(positions.size());
        positions.forEach(position -> found.add(phrases.get(position)));
        return found;
    }

    boolean isEmpty() {
        return phrases.isEmpty();
    }

    static ScatteredPhrases none() {
        return new ScatteredPhrases(List.of());
    }

    static ScatteredPhrases of(ConfigFiles files, String relativePath) {
        DutchStemmer stemmer = new DutchStemmer();
        List<Phrase> phrases = new ArrayList<>();
        for (String line : files.lines(relativePath)) {
            int arrow = line.indexOf("=>");
            List<String> from = entries(arrow < 0 ? line : line.substring(0, arrow));
            List<String> to = arrow < 0 ? from : entries(line.substring(arrow + 2));
            List<String> words = to.stream().filter(entry -> !entry.contains(" ")).toList();
            if (words.isEmpty()) {
                continue;
            }
            for (String entry : from) {
                String[] parts = entry.split(" ");
                if (parts.length < 2 || parts.length > MAX_WORDS) {
                    continue;
                }
                List<String> stems = new ArrayList<>();
                for (String part : parts) {
                    stems.add(stem(stemmer, part));
                }
                phrases.add(new Phrase(List.copyOf(stems), words));
            }
        }
        return new ScatteredPhrases(phrases);
    }

    private static List<String> entries(String list) {
        List<String> entries = new ArrayList<>();
        for (String entry : list.split(",")) {
            String words = entry.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!words.isEmpty()) {
                entries.add(words);
            }
        }
        return entries;
    }

    /** What two words {@link #sameWord} considers the same have in common: the first three letters of the stem. */
    static String key(String stem) {
        return stem.length() > 3 ? stem.substring(0, 3) : stem;
    }

    static String stem(DutchStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /**
     * Whether a resident's word is an entry's word: the same stem, or one stem the other plus one letter, as the
     * stemmer leaves verb forms apart ("sta", "staat", "staan" stem to "sta", "stat", "stan").
     */
    static boolean sameWord(String entryStem, String stem) {
        if (entryStem.equals(stem)) {
            return true;
        }
        String shorter = entryStem.length() < stem.length() ? entryStem : stem;
        String longer = shorter == entryStem ? stem : entryStem;
        return shorter.length() >= 3 && longer.length() == shorter.length() + 1 && longer.startsWith(shorter);
    }
}
