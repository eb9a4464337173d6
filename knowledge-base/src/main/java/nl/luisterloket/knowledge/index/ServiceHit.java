package nl.luisterloket.knowledge.index;

import static java.util.Objects.requireNonNull;

import nl.luisterloket.knowledge.model.Service;

/**
 * A service found for a query.
 *
 * @param service  the service (always active)
 * @param score    Lucene's relevance score (BM25 over the boosted fields); only comparable within one query
 * @param coverage share of the message's meaning-bearing words (weighted by rarity) the service's texts contain, 0 to 1
 * @param relevance what hits are ordered by: the score relative to the best hit's, plus the coverage
 * @param strength  the score in units of "one word only this service uses, matched in one field": comparable
 *                  across messages and knowledge bases of different sizes, unlike the score itself
 * @param words     how many words (word groups) of the message took part in the search
 * @param missesNeed the message names a specific provider or matter ("tandarts", "hypotheek") this service's texts
 *                   do not mention
 */
public record ServiceHit(Service service, float score, double coverage, double relevance, double strength, int words,
        boolean missesNeed) {

    public ServiceHit {
        requireNonNull(service, "service is null");
    }
}
