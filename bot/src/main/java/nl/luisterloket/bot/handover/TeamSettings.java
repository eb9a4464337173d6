package nl.luisterloket.bot.handover;

import java.util.List;
import java.util.Optional;

import nl.luisterloket.bot.access.AccessSettings.StaffSeed;
import nl.luisterloket.bot.channel.ChatAddress;

/**
 * One team in the {@code handover.teams} list.
 *
 * @param name         shown to residents ("Je praat nu met Sanne van {name}") and the key of the WORKER role
 * @param groupChatId  the Telegram group where the team sees its cases (a negative number), or null
 * @param forumTopics  true when that group is a forum supergroup: each case gets its own topic
 * @param members      seeded as WORKER of this team at start-up
 * @param workingHours when a person reads along; empty means always
 * @param lifeDomains  category ids (geld, wonen, ...) whose cases go to this team
 */
public record TeamSettings(
        String name,
        String groupChatId,
        Boolean forumTopics,
        List<StaffSeed> members,
        List<WorkingPeriod> workingHours,
        List<String> lifeDomains) {

    public TeamSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("handover.teams: every team needs a name");
        }
        name = name.strip();
        if (groupChatId != null && !groupChatId.matches("-?[0-9]+")) {
            throw new IllegalArgumentException("handover.teams[" + name + "].groupChatId must be a Telegram chat id (digits), not '"
                    + groupChatId + "'");
        }
        forumTopics = forumTopics != null && forumTopics;
        if (forumTopics && groupChatId == null) {
            throw new IllegalArgumentException("handover.teams[" + name + "]: forumTopics needs a groupChatId");
        }
        members = members == null ? List.of() : List.copyOf(members);
        workingHours = workingHours == null ? List.of() : List.copyOf(workingHours);
        lifeDomains = lifeDomains == null ? List.of() : List.copyOf(lifeDomains);
    }

    public Optional<ChatAddress> group() {
        return Optional.ofNullable(groupChatId).map(id -> new ChatAddress("telegram", id));
    }
}
