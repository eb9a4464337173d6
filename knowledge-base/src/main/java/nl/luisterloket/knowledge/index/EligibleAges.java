package nl.luisterloket.knowledge.index;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.luisterloket.knowledge.model.Service;

/**
 * The ages a service is open to, as its eligibility says them for the resident themselves ("Jongeren van 16 tot 27
 * jaar", "Inwoners van 27 jaar en ouder", "vanaf 18 jaar", "65+"). An eligibility about someone else's age
 * ("Gezinnen met kinderen van 4 tot 18 jaar", "Ouders met een kind jonger dan 7") says nothing about the resident's.
 *
 * @param from youngest age served
 * @param until oldest age served (inclusive: "tot 27" is read generously)
 */
record EligibleAges(int from, int until) {

    private static final EligibleAges ANY = new EligibleAges(0, Integer.MAX_VALUE);
    private static final int AOW_AGE = 67;

    private static final Pattern SOMEONE_ELSE = Pattern.compile("\\b(kind|kinderen|kinderopvang|gezin|gezinnen|ouders|baby|peuter)");
    private static final Pattern BETWEEN = Pattern.compile("\\b(\\d{1,2}) tot (?:en met )?(\\d{1,2}) jaar");
    private static final Pattern FROM = Pattern.compile(
            "\\b(\\d{1,2}) jaar (?:en|of) ouder|\\bvanaf (\\d{1,2}) jaar|\\b(\\d{1,2}) ?\\+|\\bouder dan (\\d{1,2})");
    private static final Pattern UNTIL = Pattern.compile(
            "\\btot (\\d{1,2}) jaar|\\bjonger dan (\\d{1,2})|\\bonder de (\\d{1,2})|\\btot (?:en met )?de aow");

    static EligibleAges of(Service service) {
        String eligibility = service.eligibility();
        if (eligibility == null || eligibility.isBlank()) {
            return ANY;
        }
        String text = eligibility.toLowerCase(Locale.ROOT);
        if (SOMEONE_ELSE.matcher(text).find()) {
            return ANY;
        }
        Matcher between = BETWEEN.matcher(text);
        if (between.find()) {
            return new EligibleAges(Integer.parseInt(between.group(1)), Integer.parseInt(between.group(2)));
        }
        int from = 0;
        int until = Integer.MAX_VALUE;
        Matcher older = FROM.matcher(text);
        if (older.find()) {
            from = Integer.parseInt(firstGroup(older));
        }
        Matcher younger = UNTIL.matcher(text);
        if (younger.find()) {
            String age = firstGroup(younger);
            until = age == null ? AOW_AGE : Integer.parseInt(age);
        }
        return from <= until ? new EligibleAges(from, until) : ANY;
    }

    boolean includes(int age) {
        return age >= from && age <= until;
    }

    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return null;
    }
}
