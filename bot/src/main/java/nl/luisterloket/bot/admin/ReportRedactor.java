package nl.luisterloket.bot.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what could identify a person from a question before it goes into a report, once more at report time
 * (whatever was stored): e-mail and web addresses, phone numbers, postcodes, street addresses, long numbers, and
 * names introduced as names ("ik heet …", "mijn naam is …", "ik ben Fatima", "mevrouw Jansen").
 */
final class ReportRedactor {

    static final String NAME = "[naam]";
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.\\p{L}{2,}");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern STREET = Pattern.compile("(?iu)\\b[\\p{L}'-]{2,}(?:straat|laan|weg|plein|kade|gracht|singel|dijk|steeg|hof|pad|dreef|park|street|road|avenue|lane)"
            + "\\s+\\d{1,4}\\s?[a-z]?\\b");
    private static final Pattern POSTCODE = Pattern.compile("\\b[1-9]\\d{3}\\s?[A-Za-z]{2}\\b");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+|00)?\\d(?:[\\s\\-.()]*\\d){8,13}(?!\\d)");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d(?:[\\s.-]?\\d){5,}");
    private static final String NAME_WORDS = "\\p{Lu}[\\p{L}'-]*(?:\\s+(?:van|de|der|den|el|al|bin|ibn))*(?:\\s+\\p{Lu}[\\p{L}'-]*)?";
    private static final Pattern INTRODUCED = Pattern.compile(
            "(?iu)\\b(ik\\s+heet|mijn\\s+naam\\s+is|naam\\s*:|my\\s+name\\s+is|i\\s+am\\s+called|call\\s+me)\\s+\\p{L}[\\p{L}'-]*(?:\\s+(?:van|de|der|den|el|al|bin|ibn))*(?:\\s+(?-i:\\p{Lu})[\\p{L}'-]*)?");
    private static final Pattern IK_BEN = Pattern.compile("(?u)\\b([Ii]k\\s+ben|I'm|I\\s+am)\\s+" + NAME_WORDS);
    private static final Pattern TITLED = Pattern.compile("(?u)\\b((?i:meneer|mevrouw|mevr\\.?|dhr\\.?|mr\\.?|mrs\\.?|ms\\.?|juf|meester))\\s+" + NAME_WORDS);

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String result = EMAIL.matcher(text).replaceAll("[e-mail]");
        result = LINK.matcher(result).replaceAll("[link]");
        result = STREET.matcher(result).replaceAll("[adres]");
        result = POSTCODE.matcher(result).replaceAll("[postcode]");
        result = PHONE.matcher(result).replaceAll("[telefoon]");
        result = LONG_NUMBER.matcher(result).replaceAll("[nummer]");
        result = INTRODUCED.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + " " + NAME));
        result = IK_BEN.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + " " + NAME));
        return TITLED.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + " " + NAME));
    }
}
