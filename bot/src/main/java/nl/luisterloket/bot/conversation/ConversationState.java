package nl.luisterloket.bot.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the desk remembers between turns of one conversation (stored as JSON with the conversation).
 *
 * @param domains          life domains touched so far, in the order they came up
 * @param shownServiceIds  services already suggested for {@code lastQuery} (never repeated by "Iets anders")
 * @param lastQuery        the last question that was searched, refined by later turns
 * @param categoryFilter   the domain the resident picked after a clarifying question, for {@code lastQuery}
 * @param missesInRow      no-matches and "Iets anders" in a row
 * @param turns            messages the desk has tried to understand in this conversation
 * @param personOffered    the desk has offered a person in this conversation already
 */
public record ConversationState(
        List<String> domains,
        List<String> shownServiceIds,
        String lastQuery,
        List<String> categoryFilter,
        int missesInRow,
        int turns,
        boolean personOffered) {

    public static final ConversationState EMPTY = new ConversationState(List.of(), List.of(), null, List.of(), 0, 0, false);

    public ConversationState {
        domains = domains == null ? List.of() : List.copyOf(new LinkedHashSet<>(domains));
        shownServiceIds = shownServiceIds == null ? List.of() : List.copyOf(shownServiceIds);
        categoryFilter = categoryFilter == null ? List.of() : List.copyOf(categoryFilter);
    }

    /** No message of this conversation has been understood yet. */
    @JsonIgnore
    public boolean isFirstTurn() {
        return turns == 0;
    }

    public ConversationState withDomains(Collection<String> more) {
        List<String> all = new ArrayList<>(domains);
        all.addAll(more);
        return new ConversationState(all, shownServiceIds, lastQuery, categoryFilter, missesInRow, turns, personOffered);
    }

    /** A new question: what was shown before no longer counts as shown. */
    public ConversationState withNewQuery(String query, List<String> shown, List<String> filter) {
        return new ConversationState(domains, shown, query, filter, missesInRow, turns, personOffered);
    }

    public ConversationState withMoreShown(List<String> more) {
        List<String> all = new ArrayList<>(shownServiceIds);
        all.addAll(more);
        return new ConversationState(domains, all, lastQuery, categoryFilter, missesInRow, turns, personOffered);
    }

    public ConversationState withMissesInRow(int misses) {
        return new ConversationState(domains, shownServiceIds, lastQuery, categoryFilter, misses, turns, personOffered);
    }

    public ConversationState withMiss() {
        return withMissesInRow(missesInRow + 1);
    }

    public ConversationState withTurn() {
        return new ConversationState(domains, shownServiceIds, lastQuery, categoryFilter, missesInRow, turns + 1, personOffered);
    }

    public ConversationState withPersonOffered() {
        return new ConversationState(domains, shownServiceIds, lastQuery, categoryFilter, missesInRow, turns, true);
    }
}
