package nl.luisterloket.bot.conversation;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what could identify a person from a message before it is kept for the admins' report:
 * e-mail addresses, web addresses, phone numbers, Dutch postcodes, street addresses, IBANs, long
 * digit runs (BSN, client numbers), names introduced as names ("ik heet …", "my name is …") and
 * any names the caller already knows (the resident's first name). Each is replaced by a
 * bracketed placeholder so the question stays readable.
 */
public final class TextRedactor {

    public static final String NAME = "[naam]";
    public static final String PHONE = "[telefoon]";
    public static final String EMAIL = "[e-mail]";
    public static final String ADDRESS = "[adres]";
    public static final String POSTCODE = "[postcode]";
    public static final String NUMBER = "[nummer]";
    public static final String LINK = "[link]";

    private static final Pattern EMAIL_PATTERN = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
    private static final Pattern LINK_PATTERN = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern IBAN_PATTERN = Pattern.compile("(?i)\\b[A-Z]{2}\\d{2}\\s?[A-Z]{4}(?:\\s?\\d{2,4}){2,5}\\b");
    private static final Pattern PHONE_PATTERN = Pattern.compile(
            "(?<![\\d])(?:(?:\\+|00)\\d|0)(?:[\\s\\-.()]*\\d){8,13}(?![\\d])");
    private static final Pattern POSTCODE_PATTERN = Pattern.compile("\\b[1-9]\\d{3}(?:\\s?[A-Z]{2}|[a-z]{2})\\b");
    private static final Pattern STREET_PATTERN = Pattern.compile(
            "(?iu)\\b[\\p{L}'-]{2,}(?:straat|laan|weg|plein|kade|gracht|singel|dijk|steeg|hof|pad|dreef|park|street|road|avenue|lane)"
                    + "\\s+\\d{1,4}\\s?[a-z]?\\b(?:[-\\s]?(?:hoog|huis|bis|[a-z])\\b)?");
    private static final Pattern LONG_DIGITS_PATTERN = Pattern.compile("\\d(?:[\\s.-]?\\d){5,}");
    private static final String NAME_WORDS = "\\p{L}[\\p{L}'-]*(?:\\s+(?:van|de|der|den|el|al|bin|ibn))*(?:\\s+(?-i:\\p{Lu})[\\p{L}'-]*)?";
    private static final Pattern INTRODUCED_NAME_PATTERN = Pattern.compile(
            "(?iu)\\b(ik\\s+heet|mijn\\s+naam\\s+is|naam\\s*:|my\\s+name\\s+is|i\\s+am\\s+called|call\\s+me)\\s+" + NAME_WORDS);
    /** "ik ben Fatima" is a name, "ik ben moe" is not: only a capitalised word counts (so this pattern is case-sensitive). */
    private static final Pattern IK_BEN_NAME_PATTERN = Pattern.compile(
            "(?u)\\b([Ii]k\\s+ben|I'm|I\\s+am)\\s+\\p{Lu}[\\p{L}'-]*(?:\\s+(?:van|de|der|den|el|al|bin|ibn))*(?:\\s+\\p{Lu}[\\p{L}'-]*)?");

    /** The text with identifying details replaced; {@code knownNames} (first names on record) are removed too. */
    public String redact(String text, Collection<String> knownNames) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String result = EMAIL_PATTERN.matcher(text).replaceAll(EMAIL);
        result = LINK_PATTERN.matcher(result).replaceAll(LINK);
        result = IBAN_PATTERN.matcher(result).replaceAll(NUMBER);
        result = STREET_PATTERN.matcher(result).replaceAll(ADDRESS);
        result = POSTCODE_PATTERN.matcher(result).replaceAll(POSTCODE);
        result = PHONE_PATTERN.matcher(result).replaceAll(PHONE);
        result = LONG_DIGITS_PATTERN.matcher(result).replaceAll(NUMBER);
        result = redactIntroducedNames(result);
        for (String name : knownNames) {
            if (name != null && name.strip().length() >= 2) {
                result = Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(name.strip()) + "(?![\\p{L}])")
                        .matcher(result).replaceAll(NAME);
            }
        }
        return result;
    }

    public String redact(String text) {
        return redact(text, List.of());
    }

    private static String redactIntroducedNames(String text) {
        String result = INTRODUCED_NAME_PATTERN.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + " " + NAME));
        return IK_BEN_NAME_PATTERN.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + " " + NAME));
    }
}
