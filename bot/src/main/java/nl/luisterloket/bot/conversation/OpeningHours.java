package nl.luisterloket.bot.conversation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.luisterloket.knowledge.model.OpeningPeriod;

/**
 * Works out from a service's opening periods whether it is open at a local time, and when it
 * closes or opens next. A period that closes before it opens runs past midnight; periods that
 * touch (22:00–24:00 and 00:00–08:00) count as one.
 */
public final class OpeningHours {

    private static final Duration TOUCHING = Duration.ofMinutes(1);
    private static final Duration LONGER_THAN_A_WEEK = Duration.ofDays(7);

    private OpeningHours() {
    }

    public static OpeningState statusAt(List<OpeningPeriod> periods, LocalDateTime now) {
        if (periods.isEmpty()) {
            return OpeningState.NOT_KNOWN;
        }
        if (periods.stream().anyMatch(OpeningPeriod::isAroundTheClock)) {
            return OpeningState.ALWAYS_OPEN;
        }
        List<Interval> intervals = merged(periods, now.toLocalDate());
        for (Interval interval : intervals) {
            if (!interval.start.isAfter(now) && interval.end.isAfter(now)) {
                if (Duration.between(interval.start, interval.end).compareTo(LONGER_THAN_A_WEEK) >= 0) {
                    return OpeningState.ALWAYS_OPEN;
                }
                return new OpeningState(OpeningState.Kind.OPEN_UNTIL, interval.end.toLocalTime(), null);
            }
        }
        for (Interval interval : intervals) {
            if (interval.start.isAfter(now)) {
                LocalDate day = interval.start.toLocalDate();
                LocalTime time = interval.start.toLocalTime();
                if (day.equals(now.toLocalDate())) {
                    return new OpeningState(OpeningState.Kind.OPENS_LATER_TODAY, time, null);
                }
                if (day.equals(now.toLocalDate().plusDays(1))) {
                    return new OpeningState(OpeningState.Kind.OPENS_TOMORROW, time, null);
                }
                return new OpeningState(OpeningState.Kind.OPENS_ON_DAY, time, day.getDayOfWeek());
            }
        }
        return OpeningState.NOT_KNOWN;
    }

    /** Concrete opening intervals from the day before {@code today} to a week after, sorted and merged. */
    private static List<Interval> merged(List<OpeningPeriod> periods, LocalDate today) {
        List<Interval> intervals = new ArrayList<>();
        for (int offset = -1; offset <= 8; offset++) {
            LocalDate date = today.plusDays(offset);
            DayOfWeek day = date.getDayOfWeek();
            for (OpeningPeriod period : periods) {
                if (period.days().contains(day)) {
                    intervals.add(intervalOn(date, period));
                }
            }
        }
        intervals.sort(Comparator.comparing((Interval interval) -> interval.start));
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : intervals) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !interval.start.isAfter(last.end.plus(TOUCHING))) {
                merged.set(merged.size() - 1, new Interval(last.start, max(last.end, interval.end)));
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private static Interval intervalOn(LocalDate date, OpeningPeriod period) {
        LocalDateTime start = date.atTime(period.opens());
        LocalDateTime end;
        if (period.closes().equals(LocalTime.MAX)) {
            end = date.plusDays(1).atStartOfDay();
        } else if (period.closes().isAfter(period.opens())) {
            end = date.atTime(period.closes());
        } else {
            end = date.plusDays(1).atTime(period.closes());
        }
        return new Interval(start, end);
    }

    private static LocalDateTime max(LocalDateTime first, LocalDateTime second) {
        return first.isAfter(second) ? first : second;
    }

    private record Interval(LocalDateTime start, LocalDateTime end) {
    }
}
