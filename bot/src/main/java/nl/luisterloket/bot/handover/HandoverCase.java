package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

import nl.luisterloket.bot.channel.ChatAddress;

/** One hand-over case as stored, with the resident's chat and first name joined in. */
record HandoverCase(
        long id,
        long residentId,
        Long conversationId,
        ChatAddress residentChat,
        String residentFirstName,
        String team,
        HandoverTrigger trigger,
        boolean urgent,
        CaseStatus status,
        List<String> domains,
        List<String> serviceIds,
        Long workerId,
        String language,
        String neighbourhood,
        Instant createdAt,
        Instant claimedAt,
        Instant assignedAt,
        Instant workerRepliedAt,
        Instant closedAt,
        String outcome,
        String topicId,
        int postCount,
        int pingCount,
        int reopenCount) {

    HandoverCase {
        requireNonNull(residentChat, "residentChat is null");
        requireNonNull(team, "team is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(status, "status is null");
        domains = List.copyOf(domains);
        serviceIds = List.copyOf(serviceIds);
    }

    /** The edit key of the case's current post in the team's group: case:12, after a re-post case:12:2. */
    String cardKey() {
        return cardKey(postCount);
    }

    String cardKey(int post) {
        return post <= 1 ? "case:" + id : "case:" + id + ":" + post;
    }

    boolean isOpen() {
        return status != CaseStatus.CLOSED;
    }
}
