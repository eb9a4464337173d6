package nl.luisterloket.knowledge.understanding;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
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
     * Every word phrase in one pattern that tries the phrases only where a word starts: one pass over the message
     * instead of one per phrase, as {@link #matches} runs for each list on every message.
     */
    private final Pattern anyWordPhrase;
    /** The {@code re:} lines, kept apart: their own groups and flags must not leak into the combined pattern. */
    private final List<Pattern> expressions;

    private PhraseList(String source, List<Pattern> patterns, List<String> wordPhraseBodies, List<Pattern> expressions) {
        this.source = requireNonNull(source, "source is null");
        this.patterns = List.copyOf(patterns);
        this.anyWordPhrase = wordPhraseBodies.isEmpty() ? null
                : Pattern.compile(WORD_START + "(?:" + String.join("|", wordPhraseBodies) + ")" + WORD_END);
        this.expressions = List.copyOf(expressions);
    }

    static PhraseList parse(String source, List<String> lines) {
        List<Pattern> patterns = new ArrayList<>();
        List<String> wordPhraseBodies = new ArrayList<>();
        List<Pattern> expressions = new ArrayList<>();
        for (String line : lines) {
            try {
                if (line.startsWith("re:")) {
                    Pattern expression = Pattern.compile(line.substring(3).strip());
                    patterns.add(expression);
                    expressions.add(expression);
                } else {
                    String body = wordPhraseBody(line);
                    patterns.add(Pattern.compile(WORD_START + body + WORD_END));
                    wordPhraseBodies.add(body);
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(source + ": cannot read phrase '" + line + "': " + e.getDescription(), e);
            }
        }
        return new PhraseList(source, patterns, wordPhraseBodies, expressions);
    }

    static PhraseList empty(String source) {
        return new PhraseList(source, List.of(), List.of(), List.of());
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
        if (anyWordPhrase != null && anyWordPhrase.matcher(normalized).find()) {
            return true;
        }
        for (Pattern expression : expressions) {
            if (expression.matcher(normalized).find()) {
                return true;
            }
        }
        return false;
    }

    /** The text with every match blanked out (replaced by spaces), to look at what is left. */
    String remove(String normalized) {
        if (!matches(normalized)) {
            return normalized;
        }
        String text = normalized;
        for (Pattern pattern : patterns) {
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

    int size() {
        return patterns.size();
    }

    @Override
    public String toString() {
        return source + " (" + patterns.size() + " phrases)";
    }
}
