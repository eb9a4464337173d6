package nl.luisterloket.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.luisterloket.knowledge.model.OpeningPeriod;

class OpeningHoursTest {

    private static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final List<OpeningPeriod> OFFICE = List.of(new OpeningPeriod(WORKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    /** 25 November 2026 is a Wednesday. */
    private static final LocalDateTime WEDNESDAY = LocalDateTime.of(2026, 11, 25, 0, 0);

    @Test
    void duringOpeningHoursItIsOpenUntilClosingTime() {
        assertThat(OpeningHours.statusAt(OFFICE, WEDNESDAY.withHour(10)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPEN_UNTIL, LocalTime.of(17, 0), null));
    }

    @Test
    void beforeOpeningItOpensLaterToday() {
        assertThat(OpeningHours.statusAt(OFFICE, WEDNESDAY.withHour(7)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPENS_LATER_TODAY, LocalTime.of(9, 0), null));
    }

    @Test
    void afterClosingOnAWorkdayItOpensTomorrow() {
        assertThat(OpeningHours.statusAt(OFFICE, WEDNESDAY.withHour(17)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPENS_TOMORROW, LocalTime.of(9, 0), null));
    }

    @Test
    void onFridayEveningItOpensOnMonday() {
        assertThat(OpeningHours.statusAt(OFFICE, WEDNESDAY.plusDays(2).withHour(18)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPENS_ON_DAY, LocalTime.of(9, 0), DayOfWeek.MONDAY));
    }

    @Test
    void aroundTheClockIsAlwaysOpen() {
        List<OpeningPeriod> always = List.of(new OpeningPeriod(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(23, 59)));

        assertThat(OpeningHours.statusAt(always, WEDNESDAY.withHour(3))).isEqualTo(OpeningState.ALWAYS_OPEN);
    }

    @Test
    void periodsThatTouchAtMidnightCountAsOneAndANightPeriodRunsIntoTheNextDay() {
        // a GP out-of-hours post: weekday evenings and nights, whole weekends
        List<OpeningPeriod> outOfHours = List.of(
                new OpeningPeriod(WORKDAYS, LocalTime.of(17, 0), LocalTime.of(23, 59)),
                new OpeningPeriod(WORKDAYS, LocalTime.MIDNIGHT, LocalTime.of(8, 0)),
                new OpeningPeriod(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.of(23, 59)));

        assertThat(OpeningHours.statusAt(outOfHours, WEDNESDAY.withHour(22)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPEN_UNTIL, LocalTime.of(8, 0), null));
        assertThat(OpeningHours.statusAt(outOfHours, WEDNESDAY.plusDays(2).withHour(20)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPEN_UNTIL, LocalTime.of(8, 0), null));
        assertThat(OpeningHours.statusAt(outOfHours, WEDNESDAY.withHour(12)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPENS_LATER_TODAY, LocalTime.of(17, 0), null));
    }

    @Test
    void aPeriodClosingBeforeItOpensRunsPastMidnight() {
        List<OpeningPeriod> night = List.of(new OpeningPeriod(EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(6, 0)));

        assertThat(OpeningHours.statusAt(night, WEDNESDAY.withHour(2)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPEN_UNTIL, LocalTime.of(6, 0), null));
    }

    @Test
    void closingAtMidnightIsOpenUntilMidnight() {
        List<OpeningPeriod> lateShop = List.of(new OpeningPeriod(EnumSet.allOf(DayOfWeek.class), LocalTime.of(18, 0), LocalTime.MAX));

        assertThat(OpeningHours.statusAt(lateShop, WEDNESDAY.withHour(20)))
                .isEqualTo(new OpeningState(OpeningState.Kind.OPEN_UNTIL, LocalTime.MIDNIGHT, null));
    }

    @Test
    void withoutOpeningHoursNothingIsClaimed() {
        assertThat(OpeningHours.statusAt(List.of(), WEDNESDAY)).isEqualTo(OpeningState.NOT_KNOWN);
    }
}
