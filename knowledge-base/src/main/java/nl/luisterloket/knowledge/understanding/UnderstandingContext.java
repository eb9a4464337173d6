package nl.luisterloket.knowledge.understanding;

import java.util.Set;

/**
 * What the conversation already knows when a message arrives.
 *
 * @param language          the resident's language ("nl", "en"), or null when unknown
 * @param neighbourhood     the resident's neighbourhood, or null: services serving it rank first
 * @param excludedServiceIds services already shown ("Iets anders"): never suggested again
 * @param categoryFilter    when non-empty, only services in one of these categories (after a clarifying choice)
 * @param domainsSoFar      life domains the conversation touched before this message
 */
public record UnderstandingContext(
        String language,
        String neighbourhood,
        Set<String> excludedServiceIds,
        Set<String> categoryFilter,
        Set<String> domainsSoFar) {

    public static final UnderstandingContext FIRST_MESSAGE = new UnderstandingContext(null, null, Set.of(), Set.of(), Set.of());

    public UnderstandingContext {
        excludedServiceIds = excludedServiceIds == null ? Set.of() : Set.copyOf(excludedServiceIds);
        categoryFilter = categoryFilter == null ? Set.of() : Set.copyOf(categoryFilter);
        domainsSoFar = domainsSoFar == null ? Set.of() : Set.copyOf(domainsSoFar);
    }
}
