package nl.luisterloket.knowledge.model;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** One line of opening hours: on these days from {@code opens} until {@code closes}. */
public record OpeningPeriod(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    public OpeningPeriod {
        days = Set.copyOf(requireNonNull(days, "days is null"));
        requireNonNull(opens, "opens is null");
        requireNonNull(closes, "closes is null");
    }

    /** 00:00 to 23:59 (or later) on every day of the week. */
    public boolean isAroundTheClock() {
        return days.size() == 7 && opens.equals(LocalTime.MIDNIGHT) && closes.isAfter(LocalTime.of(23, 58));
    }
}
