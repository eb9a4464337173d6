package nl.luisterloket.bot.handover;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code handover:} section.
 *
 * @param teams                     the teams that take cases (empty: cases queue without a group to post in)
 * @param defaultTeam               the team of a case whose main life domain no team takes; defaults to the first team
 * @param claimCapPerWorker         open cases one worker may hold at once
 * @param unclaimedRepostMinutes    an unclaimed case is posted again, more urgent, after this long (within working hours)
 * @param urgentRepingMinutes       an unclaimed urgent case pings the team again after this long
 * @param silentClaimRequeueMinutes a claimed case whose worker has not replied this long goes back to the queue
 * @param reopenWindowDays          a resident who writes again this many days after a close reopens the case
 */
public record HandoverSettings(
        List<TeamSettings> teams,
        String defaultTeam,
        Integer claimCapPerWorker,
        Integer unclaimedRepostMinutes,
        Integer urgentRepingMinutes,
        Integer silentClaimRequeueMinutes,
        Integer reopenWindowDays) {

    static final String FALLBACK_TEAM = "buurtteam";

    public HandoverSettings {
        teams = teams == null ? List.of() : List.copyOf(teams);
        Set<String> names = new HashSet<>();
        for (TeamSettings team : teams) {
            if (!names.add(team.name())) {
                throw new IllegalArgumentException("handover.teams: the team name '" + team.name() + "' is used twice");
            }
        }
        if (defaultTeam == null || defaultTeam.isBlank()) {
            defaultTeam = teams.isEmpty() ? FALLBACK_TEAM : teams.get(0).name();
        } else if (!teams.isEmpty() && !names.contains(defaultTeam)) {
            throw new IllegalArgumentException("handover.defaultTeam '" + defaultTeam + "' is not one of the teams " + names);
        }
        claimCapPerWorker = atLeastOne("claimCapPerWorker", claimCapPerWorker, 5);
        unclaimedRepostMinutes = atLeastOne("unclaimedRepostMinutes", unclaimedRepostMinutes, 15);
        urgentRepingMinutes = atLeastOne("urgentRepingMinutes", urgentRepingMinutes, 5);
        silentClaimRequeueMinutes = atLeastOne("silentClaimRequeueMinutes", silentClaimRequeueMinutes, 60);
        reopenWindowDays = atLeastOne("reopenWindowDays", reopenWindowDays, 7);
    }

    public static HandoverSettings defaults() {
        return new HandoverSettings(null, null, null, null, null, null, null);
    }

    public Optional<TeamSettings> team(String name) {
        return teams.stream().filter(team -> team.name().equals(name)).findFirst();
    }

    /** The team that takes this life domain, else the default team. */
    public String teamFor(List<String> domains) {
        for (String domain : domains) {
            for (TeamSettings team : teams) {
                if (team.lifeDomains().contains(domain)) {
                    return team.name();
                }
            }
            // only the main (first) domain decides; a team for a side domain would be a guess
            break;
        }
        return defaultTeam;
    }

    private static int atLeastOne(String key, Integer value, int defaultValue) {
        int result = value == null ? defaultValue : value;
        if (result < 1) {
            throw new IllegalArgumentException("handover." + key + " must be at least 1, not " + result);
        }
        return result;
    }
}
