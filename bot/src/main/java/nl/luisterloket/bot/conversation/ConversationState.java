package nl.luisterloket.bot.conversation;

import java.util.List;
import java.util.Set;

/**
 * What the desk remembers between turns of one conversation.
 *
 * @param domains          life domains touched so far
 * @param shownServiceIds  services already suggested (never repeated by "Iets anders")
 * @param lastQuery        the last message that was searched, for "Iets anders"
 * @param missesInRow      answers in a row the resident said did not help, and no-matches
 */
public record ConversationState(Set<String> domains, List<String> shownServiceIds, String lastQuery, int missesInRow) {

    public static final ConversationState EMPTY = new ConversationState(Set.of(), List.of(), null, 0);

    public ConversationState {
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        shownServiceIds = shownServiceIds == null ? List.of() : List.copyOf(shownServiceIds);
    }
}
