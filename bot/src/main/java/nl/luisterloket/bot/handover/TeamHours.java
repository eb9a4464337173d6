package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When a team's people read along, in the configured time zone. */
final class TeamHours {

    private static final int DAYS_AHEAD = 8;

    private final ZoneId zone;

    TeamHours(ZoneId zone) {
        this.zone = requireNonNull(zone, "zone is null");
    }

    boolean isOpen(TeamSettings team, Instant instant) {
        if (team.workingHours().isEmpty()) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        return team.workingHours().stream().anyMatch(period -> period.covers(local.getDayOfWeek(), local.toLocalTime()));
    }

    /** The next moment the team opens after {@code instant}, or empty when it has no working hours at all. */
    Optional<ZonedDateTime> nextOpening(TeamSettings team, Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime best = null;
        for (int offset = 0; offset < DAYS_AHEAD; offset++) {
            LocalDate date = local.toLocalDate().plusDays(offset);
            for (WorkingPeriod period : team.workingHours()) {
                if (!period.dayOfWeekSet().contains(date.getDayOfWeek())) {
                    continue;
                }
                ZonedDateTime opening = date.atTime(period.from()).atZone(zone);
                if (opening.isAfter(local) && (best == null || opening.isBefore(best))) {
                    best = opening;
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    ZoneId zone() {
        return zone;
    }
}
