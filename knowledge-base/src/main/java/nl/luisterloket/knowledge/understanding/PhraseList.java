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

    private final String source;
    private final List<Pattern> patterns;

    private PhraseList(String source, List<Pattern> patterns) {
        this.source = requireNonNull(source, "source is null");
        this.patterns = List.copyOf(patterns);
    }

    static PhraseList parse(String source, List<String> lines) {
        List<Pattern> patterns = new ArrayList<>();
        for (String line : lines) {
            try {
                patterns.add(compile(line));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(source + ": cannot read phrase '" + line + "': " + e.getDescription(), e);
            }
        }
        return new PhraseList(source, patterns);
    }

    static PhraseList empty(String source) {
        return new PhraseList(source, List.of());
    }

    private static Pattern compile(String line) {
        if (line.startsWith("re:")) {
            return Pattern.compile(line.substring(3).strip());
        }
        String normalized = line.replace("...", " \u0000 ");
        StringBuilder regex = new StringBuilder("(?:^| )");
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
        return Pattern.compile(regex.append("(?= |$)").toString());
    }

    boolean matches(String normalized) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(normalized).find()) {
                return true;
            }
        }
        return false;
    }

    /** The text with every match blanked out (replaced by spaces), to look at what is left. */
    String remove(String normalized) {
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
