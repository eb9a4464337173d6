package nl.luisterloket.bot.admin;

/** Counts from 1 to 4 are shown as "&lt;5", so that no resident can be picked out of a report. */
final class SmallCounts {

    static final int THRESHOLD = 5;
    static final String HIDDEN = "<5";

    private SmallCounts() {
    }

    static String show(long count) {
        return count > 0 && count < THRESHOLD ? HIDDEN : Long.toString(count);
    }

    static boolean shown(long count) {
        return count == 0 || count >= THRESHOLD;
    }
}
