package nl.luisterloket.bot.handover;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The data on the hand-over's buttons (well within Telegram's 64 bytes): {@code case:claim:12}, {@code consent:yes:12}. */
record CaseCallback(String action, long caseId) {

    private static final Pattern FORMAT = Pattern.compile("(case|consent|feedback):([a-z]+):([0-9]{1,15})");

    static final String CLAIM = "case:claim";
    static final String DETAILS = "case:details";
    static final String CONSENT_YES = "consent:yes";
    static final String CONSENT_NO = "consent:no";
    static final String FEEDBACK_YES = "feedback:yes";
    static final String FEEDBACK_NO = "feedback:no";

    static Optional<CaseCallback> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(data);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CaseCallback(matcher.group(1) + ":" + matcher.group(2), Long.parseLong(matcher.group(3))));
    }

    static String claim(long caseId) {
        return CLAIM + ":" + caseId;
    }

    static String details(long caseId) {
        return DETAILS + ":" + caseId;
    }

    static String consent(boolean yes, long caseId) {
        return (yes ? CONSENT_YES : CONSENT_NO) + ":" + caseId;
    }

    static String feedback(boolean yes, long caseId) {
        return (yes ? FEEDBACK_YES : FEEDBACK_NO) + ":" + caseId;
    }

    boolean isWorkerAction() {
        return action.startsWith("case:");
    }
}
