package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Whether a service is open at a moment, and when that changes.
 *
 * @param kind  which of the cases below
 * @param time  closing time ({@link Kind#OPEN_UNTIL}) or opening time (the OPENS_ kinds), else null
 * @param day   the day it opens again ({@link Kind#OPENS_ON_DAY}), else null
 */
public record OpeningState(Kind kind, LocalTime time, DayOfWeek day) {

    public enum Kind {
        /** Open day and night, every day. */
        ALWAYS,
        OPEN_UNTIL,
        OPENS_LATER_TODAY,
        OPENS_TOMORROW,
        OPENS_ON_DAY,
        /** No opening hours known. */
        UNKNOWN
    }

    public static final OpeningState ALWAYS_OPEN = new OpeningState(Kind.ALWAYS, null, null);
    public static final OpeningState NOT_KNOWN = new OpeningState(Kind.UNKNOWN, null, null);

    public OpeningState {
        requireNonNull(kind, "kind is null");
    }
}
