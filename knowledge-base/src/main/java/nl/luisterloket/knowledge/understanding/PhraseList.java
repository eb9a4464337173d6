package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An admin-editable list of phrases, one a line, matched as whole words against a normalized message
 * (lowercase, accents removed, punctuation gone). A line is either
 * <ul>
 * <li>words: {@code zie het niet meer zitten}; a word ending in {@code *} matches any ending ({@code zelfmoord*});
 * {@code a|b} matches either word; {@code ...} skips up to four words ({@code zie ... niet meer zitten}); or</li>
 * <li>{@code re:} followed by a Java regular expression over the normalized text.</li>
 * </ul>
 */
final class PhraseList {

    private static final String GAP = "(?: \\S+){0,4}";

    private static final String WORD_START = "(?:^| )";
    private static final String WORD_END = "(?= |$)";

    private final String source;
    private final List<Pattern> patterns;
    /**
     * The word phrases by the word they start with, so a message is only tried against the few phrases whose first
     * word it contains: one pattern of all phrases tried at every word cost more than the rest of the understanding.
     */
    private final Map<String, List<Pattern>> byFirstWord;
    /** Phrases whose first word is a prefix ({@code zelfmoord*}), with that prefix. */
    private final List<PrefixPhrase> byFirstPrefix;
    /** Phrases that start with a gap, and the {@code re:} lines (their own groups and flags stay apart). */
    private final List<Pattern> alwaysTried;

    private record PrefixPhrase(String prefix, Pattern pattern) {
    }

    private PhraseList(String source, List<Pattern> patterns, Map<String, List<Pattern>> byFirstWord,
            List<PrefixPhrase> byFirstPrefix, List<Pattern> alwaysTried) {
        this.source = requireNonNull(source, "source is null");
        this.patterns = List.copyOf(patterns);
        this.byFirstWord = Map.copyOf(byFirstWord);
        this.byFirstPrefix = List.copyOf(byFirstPrefix);
        this.alwaysTried = List.copyOf(alwaysTried);
    }

    static PhraseList parse(String source, List<String> lines) {
        List<Pattern> patterns = new ArrayList<>();
        Map<String, List<Pattern>> byFirstWord = new HashMap<>();
        List<PrefixPhrase> byFirstPrefix = new ArrayList<>();
        List<Pattern> alwaysTried = new ArrayList<>();
        for (String line : lines) {
            try {
                if (line.startsWith("re:")) {
                    Pattern expression = Pattern.compile(line.substring(3).strip());
                    patterns.add(expression);
                    alwaysTried.add(expression);
                    continue;
                }
                Pattern phrase = Pattern.compile(WORD_START + wordPhraseBody(line) + WORD_END);
                patterns.add(phrase);
                String first = line.replace("...", " ... ").strip().split("\\s+")[0];
                if (first.startsWith("...")) {
                    alwaysTried.add(phrase);
                    continue;
                }
                for (String option : first.split("\\|")) {
                    if (option.endsWith("*")) {
                        byFirstPrefix.add(new PrefixPhrase(TextNormalizer.normalize(option.substring(0, option.length() - 1)), phrase));
                    } else {
                        byFirstWord.computeIfAbsent(TextNormalizer.normalize(option), word -> new ArrayList<>()).add(phrase);
                    }
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(source + ": cannot read phrase '" + line + "': " + e.getDescription(), e);
            }
        }
        byFirstWord.replaceAll((word, phrases) -> List.copyOf(phrases));
        return new PhraseList(source, patterns, byFirstWord, byFirstPrefix, alwaysTried);
    }

    static PhraseList empty(String source) {
        return new PhraseList(source, List.of(), Map.of(), List.of(), List.of());
    }

    /** The regular expression of a line of words, without the word boundaries around it. */
    private static String wordPhraseBody(String line) {
        String normalized = line.replace("...", " \u0000 ");
        StringBuilder regex = new StringBuilder();
        boolean first = true;
        for (String word : normalized.strip().split("\\s+")) {
            if (word.equals("\u0000")) {
                regex.append(GAP);
                continue;
            }
            if (!first) {
                regex.append(' ');
            }
            first = false;
            List<String> options = new ArrayList<>();
            for (String option : word.split("\\|")) {
                boolean prefix = option.endsWith("*");
                String stem = TextNormalizer.normalize(prefix ? option.substring(0, option.length() - 1) : option);
                if (stem.isEmpty() || stem.contains(" ")) {
                    throw new PatternSyntaxException("'" + option + "' is not one word", line, -1);
                }
                options.add(Pattern.quote(stem) + (prefix ? "\\S*" : ""));
            }
            regex.append("(?:").append(String.join("|", options)).append(')');
        }
        if (first) {
            throw new PatternSyntaxException("no words", line, -1);
        }
        return regex.toString();
    }

    boolean matches(String normalized) {
        return matches(normalized, MessageWords.of(normalized));
    }

    /**
     * Whether a phrase occurs in the text. {@code words} are those of the text or of the message it was blanked from:
     * a phrase is tried only where its first word stands, and only when the message has that word.
     */
    boolean matches(String normalized, MessageWords words) {
        if (!words.describe(normalized)) {
            return matches(normalized);
        }
        for (Pattern expression : alwaysTried) {
            if (expression.matcher(normalized).find()) {
                return true;
            }
        }
        return anyCandidate(words, (phrase, positions) -> startsAt(phrase, normalized, positions));
    }

    String remove(String normalized) {
        return remove(normalized, MessageWords.of(normalized));
    }

    /** The text with every match blanked out (replaced by spaces), to look at what is left. */
    String remove(String normalized, MessageWords words) {
        if (!words.describe(normalized)) {
            return remove(normalized);
        }
        if (!matches(normalized, words)) {
            return normalized;
        }
        Set<Pattern> tried = Collections.newSetFromMap(new IdentityHashMap<>());
        tried.addAll(alwaysTried);
        // every candidate: the test never holds, so all are offered
        anyCandidate(words, (phrase, positions) -> {
            tried.add(phrase);
            return false;
        });
        String text = normalized;
        for (Pattern pattern : patterns) {
            if (!tried.contains(pattern)) {
                continue;
            }
            Matcher matcher = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, " ".repeat(matcher.end() - matcher.start()));
            }
            matcher.appendTail(out);
            text = out.toString();
        }
        return text;
    }

    /**
     * Offers each word phrase that begins with a word of the message (the others cannot occur), with where that word
     * stands, until the test holds for one; whether it did.
     */
    private boolean anyCandidate(MessageWords words, BiPredicate<Pattern, int[]> test) {
        for (Map.Entry<String, int[]> word : words.starts().entrySet()) {
            for (Pattern phrase : byFirstWord.getOrDefault(word.getKey(), List.of())) {
                if (test.test(phrase, word.getValue())) {
                    return true;
                }
            }
            for (PrefixPhrase phrase : byFirstPrefix) {
                if (word.getKey().startsWith(phrase.prefix()) && test.test(phrase.pattern(), word.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the phrase matches starting at one of the positions (each the start of a word). */
    private static boolean startsAt(Pattern phrase, String text, int[] positions) {
        Matcher matcher = phrase.matcher(text);
        for (int position : positions) {
            // with anchoring bounds the phrase's word-start "^" holds at the region's start, a word's first letter
            matcher.region(position, text.length());
            if (matcher.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return patterns.size();
    }

    @Override
    public String toString() {
        return source + " (" + patterns.size() + " phrases)";
    }
}
