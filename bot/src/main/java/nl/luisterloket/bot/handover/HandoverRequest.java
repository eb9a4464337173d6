package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

import nl.luisterloket.bot.channel.ChatAddress;

/**
 * The conversation asks for a person.
 *
 * @param residentId          the resident
 * @param conversationId      their current conversation
 * @param residentChat        where to talk to the resident
 * @param residentFirstName   first name only, may be null
 * @param language            the resident's language
 * @param trigger             why
 * @param domains             life domains the conversation touched (category ids), main one first
 * @param suggestedServiceIds services already suggested, best first
 * @param neighbourhood       the resident's neighbourhood, or null
 */
public record HandoverRequest(
        long residentId,
        long conversationId,
        ChatAddress residentChat,
        String residentFirstName,
        String language,
        HandoverTrigger trigger,
        List<String> domains,
        List<String> suggestedServiceIds,
        String neighbourhood) {

    public HandoverRequest {
        requireNonNull(residentChat, "residentChat is null");
        requireNonNull(language, "language is null");
        requireNonNull(trigger, "trigger is null");
        domains = List.copyOf(requireNonNull(domains, "domains is null"));
        suggestedServiceIds = List.copyOf(requireNonNull(suggestedServiceIds, "suggestedServiceIds is null"));
    }

    /** A crisis hands over at once, marked urgent, without asking consent first. */
    public boolean urgent() {
        return trigger == HandoverTrigger.CRISIS;
    }

    public Set<String> domainSet() {
        return Set.copyOf(domains);
    }
}
