package nl.luisterloket.bot.handover;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A stretch of working hours: {@code {days: mon-fri, from: "09:00", to: "17:00"}}. Days are
 * English (mon … sun) or Dutch (ma … zo) abbreviations, as a range ({@code mon-fri}) or a list
 * ({@code mon,wed,fri}).
 */
public record WorkingPeriod(String days, LocalTime from, LocalTime to) {

    private static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("ma", DayOfWeek.MONDAY), Map.entry("di", DayOfWeek.TUESDAY),
            Map.entry("wo", DayOfWeek.WEDNESDAY), Map.entry("do", DayOfWeek.THURSDAY), Map.entry("vr", DayOfWeek.FRIDAY),
            Map.entry("za", DayOfWeek.SATURDAY), Map.entry("zo", DayOfWeek.SUNDAY));

    public WorkingPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("workingHours: every period needs from and to (\"09:00\")");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("workingHours: from " + from + " must be before to " + to);
        }
        dayOfWeekSet(days);
    }

    public Set<DayOfWeek> dayOfWeekSet() {
        return dayOfWeekSet(days);
    }

    public boolean covers(DayOfWeek day, LocalTime time) {
        return dayOfWeekSet().contains(day) && !time.isBefore(from) && time.isBefore(to);
    }

    private static Set<DayOfWeek> dayOfWeekSet(String days) {
        if (days == null || days.isBlank()) {
            throw new IllegalArgumentException("workingHours: every period needs days, such as mon-fri");
        }
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String part : days.toLowerCase(Locale.ROOT).split(",")) {
            String[] range = part.strip().split("-");
            if (range.length == 1) {
                result.add(day(range[0], days));
            } else if (range.length == 2) {
                DayOfWeek first = day(range[0], days);
                DayOfWeek last = day(range[1], days);
                for (DayOfWeek day = first; ; day = day.plus(1)) {
                    result.add(day);
                    if (day == last) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("workingHours: cannot read the days '" + days + "'");
            }
        }
        return result;
    }

    private static DayOfWeek day(String name, String days) {
        DayOfWeek day = DAY_NAMES.get(name.strip());
        if (day == null) {
            throw new IllegalArgumentException("workingHours: unknown day '" + name.strip() + "' in '" + days
                    + "'; use mon tue wed thu fri sat sun (or ma di wo do vr za zo)");
        }
        return day;
    }
}
