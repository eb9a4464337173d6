package nl.luisterloket.knowledge.index;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A search for services matching a resident's words.
 *
 * @param text          the resident's words, as written; never parsed as query syntax
 * @param english       also search the English texts, and weigh them first
 * @param neighbourhood the resident's neighbourhood, or null: services serving it rank first
 * @param excludedIds   services never to return
 * @param categories    when non-empty, only services in one of these categories
 * @param urgentOnly    only acute and crisis services
 * @param limit         at most this many hits
 * @param domains       the life domains (categories) the message names a problem in: services in one of them rank a
 *                      little higher among those about as relevant
 * @param age           the age the message states for the person in need, or null: services whose eligibility
 *                      excludes it rank lower
 */
public record ServiceQuery(String text, boolean english, String neighbourhood, Set<String> excludedIds, Set<String> categories,
        boolean urgentOnly, int limit, Set<String> domains, Integer age) {

    public ServiceQuery {
        requireNonNull(text, "text is null");
        excludedIds = excludedIds == null ? Set.of() : Set.copyOf(excludedIds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public static ServiceQuery of(String text, boolean english, int limit) {
        return new ServiceQuery(text, english, null, Set.of(), Set.of(), false, limit, Set.of());
    }

    public ServiceQuery(String text, boolean english, String neighbourhood, Set<String> excludedIds, Set<String> categories,
            boolean urgentOnly, int limit, Set<String> domains) {
        this(text, english, neighbourhood, excludedIds, categories, urgentOnly, limit, domains, null);
    }

    public ServiceQuery(String text, boolean english, String neighbourhood, Set<String> excludedIds, Set<String> categories,
            boolean urgentOnly, int limit) {
        this(text, english, neighbourhood, excludedIds, categories, urgentOnly, limit, Set.of());
    }
}
