package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import nl.luisterloket.bot.conversation.TextRedactor;

/**
 * Removes what could identify a person from a question once more at report time, whatever was stored: everything the
 * conversation's {@link TextRedactor} removes (e-mail and web addresses, phone numbers, postcodes, street addresses,
 * long numbers, names introduced as names), and names after a title ("mevrouw Jansen", "meneer El Amrani").
 */
final class ReportRedactor {

    private static final String NAME_WORDS = "\\p{Lu}[\\p{L}'-]*(?:\\s+(?:van|de|der|den|el|al|bin|ibn))*(?:\\s+\\p{Lu}[\\p{L}'-]*)?";
    private static final Pattern TITLED = Pattern.compile("(?u)\\b((?i:meneer|mevrouw|mevr\\.?|dhr\\.?|mr\\.?|mrs\\.?|ms\\.?|juf|meester))\\s+" + NAME_WORDS);

    private final TextRedactor redactor;

    @Inject
    ReportRedactor(TextRedactor redactor) {
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    String redact(String text) {
        String result = redactor.redact(text);
        return TITLED.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + " " + TextRedactor.NAME));
    }
}
