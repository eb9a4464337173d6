package nl.luisterloket.knowledge.index;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import nl.luisterloket.knowledge.analysis.TermGroup;
import nl.luisterloket.knowledge.analysis.TermGroups;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.model.Service;

/**
 * One search over the service index. The resident's text is analysed, never parsed: query syntax in it is plain
 * text. The query is built term by term from the analysed groups, each group a {@link SynonymQuery} per field so a
 * word and its synonyms count once; words the index has never seen are corrected to the nearest known word when they
 * are long enough for a typo to be likely.
 */
final class ServiceSearch {

    private static final int MAX_GROUPS = 40;
    /** From this many services on, a search finds candidates first and scores only those in full. */
    static final int RESCORE_FROM_DOCUMENTS = 10_000;
    static final int RESCORED_CANDIDATES = 200;
    private static final float FIELD_TIE_BREAKER = 0.2f;
    /** A multi-word synonym matches with one other word in between ("huiselijk en seksueel geweld" does not). */
    private static final int PHRASE_SLOP = 1;
    private static final int MIN_TYPO_LENGTH = 5;
    private static final int TWO_EDITS_LENGTH = 8;
    private static final float TYPO_WEIGHT = 0.8f;
    /**
     * A word no service uses (after typo correction) often names exactly what the resident needs and the knowledge
     * base does not cover ("kapsalon", "hypotheek"), so it weighs twice as much as the rarest known word.
     */
    private static final double UNKNOWN_WORD_SHARE = 2.0;
    /** Among hits at least this close to the best, services serving the resident's neighbourhood come first. */
    private static final double NEIGHBOURHOOD_RERANK_SHARE = 0.6;
    /**
     * Among hits at least this close to the best, a service bound to the resident's neighbourhood comes before one
     * for everyone: closer than the band above, since a city-wide service may well be the better answer.
     */
    private static final double LOCAL_RERANK_SHARE = 0.8;
    /**
     * BM25 favours a service that repeats one of the message's words; coverage favours the one that addresses more
     * of them. Ordering by both picks the service that answers the whole message.
     */
    private static final double COVERAGE_WEIGHT = 0.4;

    /**
     * The words of a message find services; the problem it names (its life domains) says which of them is about that
     * problem: "eindafrekening energie ... geld" is an energy problem before it is a money one. A message naming more
     * than one domain ("rood staan, is daar een app voor") is about the service in all of them more than about one in a
     * single one, so the bonus is shared out over the domains named.
     */
    private static final double DOMAIN_AGREEMENT = 0.15;

    /**
     * A service whose eligibility excludes the age the message states ("ik ben 24" and bijstand from 27) is not for
     * this resident: it keeps this share of its relevance, below the services that are, unless it matches far better.
     */
    private static final double OTHER_AGE_SHARE = 0.5;

    /**
     * A part of a compound ("geld" of "geldzorgen", "tegel" of "tegelijk") that more than this share of all services
     * use tells no service apart: it is left out of the search. Scoring it on most services cost most of a search and
     * only lifted services that share nothing but that part with the message. The resident's own words and whole
     * synonyms always count, however common. In a knowledge base of a few dozen services a handful of uses is no sign
     * of commonness, hence the least number of services.
     */
    private static final double COMMON_PART_SHARE = 0.2;
    private static final int COMMON_PART_SERVICES = 10;

    /** The k1 of the scores {@code ConfidenceCalibration} was fitted on. */
    private static final double CALIBRATED_K1 = 1.2;

    private final TextAnalysis analysis;
    private final TypoCorrections corrections = new TypoCorrections();

    private final int rescoreFromDocuments;
    private final int rescoredCandidates;

    ServiceSearch(TextAnalysis analysis) {
        this(analysis, RESCORE_FROM_DOCUMENTS, RESCORED_CANDIDATES);
    }

    ServiceSearch(TextAnalysis analysis, int rescoreFromDocuments, int rescoredCandidates) {
        this.analysis = requireNonNull(analysis, "analysis is null");
        this.rescoreFromDocuments = rescoreFromDocuments;
        this.rescoredCandidates = rescoredCandidates;
    }

    /**
     * The analysed message and the Lucene query built from it; null query when nothing in the text can match. In a
     * large index, {@code candidates} is the same query over the catch-all fields only, to find the documents worth
     * scoring in full (null in a small index, where every match is scored in full).
     */
    record Prepared(List<TermGroup> dutch, List<TermGroup> english, Query query, Query candidates) {
    }

    Prepared prepare(IndexReader reader, ServiceQuery query) throws IOException {
        if (reader.numDocs() == 0 || query.text().isBlank()) {
            return new Prepared(List.of(), List.of(), null, null);
        }
        List<TermGroup> dutch = prepare(reader, ServiceFields.NL_ALL,
                TermGroups.analyze(analysis.dutchQuery(), ServiceFields.NL_ALL, query.text()));
        List<TermGroup> english = query.english()
                ? prepare(reader, ServiceFields.EN_ALL, TermGroups.analyze(analysis.englishQuery(), ServiceFields.EN_ALL, query.text()))
                : List.of();
        if (dutch.isEmpty() && english.isEmpty()) {
            return new Prepared(dutch, english, null, null);
        }
        Query full = withFilters(query, dutch, english, ServiceFields.DUTCH_BOOSTS, ServiceFields.ENGLISH_BOOSTS);
        Query candidates = reader.numDocs() < rescoreFromDocuments ? null
                : withFilters(query, dutch, english, Map.of(ServiceFields.NL_ALL, 1f), Map.of(ServiceFields.EN_ALL, 1f));
        return new Prepared(dutch, english, full, candidates);
    }

    private static Query withFilters(ServiceQuery query, List<TermGroup> dutch, List<TermGroup> english,
            Map<String, Float> dutchBoosts, Map<String, Float> englishBoosts) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        addFields(text, dutch, dutchBoosts, 1f);
        addFields(text, english, englishBoosts, 1f);
        BooleanQuery.Builder full = new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST);
        query.excludedIds().forEach(id -> full.add(new TermQuery(new Term(ServiceFields.ID, id)), BooleanClause.Occur.MUST_NOT));
        if (!query.categories().isEmpty()) {
            BooleanQuery.Builder categories = new BooleanQuery.Builder();
            query.categories().forEach(category ->
                    categories.add(new TermQuery(new Term(ServiceFields.CATEGORY, category)), BooleanClause.Occur.SHOULD));
            full.add(categories.build(), BooleanClause.Occur.FILTER);
        }
        if (query.urgentOnly()) {
            full.add(new TermQuery(new Term(ServiceFields.URGENT, "true")), BooleanClause.Occur.FILTER);
        }
        return full.build();
    }

    /**
     * The best matches by the full query. In a small index every match is scored in full (no total-hits threshold:
     * the top-score skipping Lucene would otherwise use merges the impacts of every synonym in every field, which
     * costs a multi-word message several times more). In a large index scoring every match of a common word in six
     * fields grows with the index, so the catch-all fields pick the candidates and only those are scored in full.
     */
    private TopDocs best(IndexSearcher searcher, Prepared prepared, int wanted) throws IOException {
        if (prepared.candidates() == null) {
            return searcher.search(prepared.query(), new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
        }
        TopDocs candidates = searcher.search(prepared.candidates(),
                new TopScoreDocCollectorManager(Math.max(rescoredCandidates, wanted), null, Integer.MAX_VALUE));
        TopDocs rescored = new QueryRescorer(prepared.query()) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : Float.NEGATIVE_INFINITY;
            }
        }.rescore(searcher, candidates, wanted);
        ScoreDoc[] matching = Arrays.stream(rescored.scoreDocs).filter(hit -> hit.score != Float.NEGATIVE_INFINITY)
                .toArray(ScoreDoc[]::new);
        return new TopDocs(rescored.totalHits, matching);
    }

    List<ServiceHit> run(IndexSearcher searcher, ServiceQuery query, Map<String, Service> services) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Prepared prepared = prepare(reader, query);
        if (prepared.query() == null) {
            return List.of();
        }
        List<TermGroup> dutch = prepared.dutch();
        List<TermGroup> english = prepared.english();
        TopDocs top = best(searcher, prepared, Math.max(query.limit() * 3, 20));
        List<ScoreDoc> found = new ArrayList<>();
        List<Service> foundServices = new ArrayList<>();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Service service = services.get(id(reader, scoreDoc.doc));
            if (service != null && service.active()) {
                found.add(scoreDoc);
                foundServices.add(service);
            }
        }
        // which hit holds which term, per field: looked up once for the coverage and the needs both
        HitTerms dutchPresence = new HitTerms(reader, ServiceFields.NL_ALL, found);
        HitTerms englishPresence = new HitTerms(reader, ServiceFields.EN_ALL, found);
        double[] coverage = coverage(reader, found, dutch, ServiceFields.NL_ALL, dutchPresence);
        if (!english.isEmpty()) {
            double[] englishCoverage = coverage(reader, found, english, ServiceFields.EN_ALL, englishPresence);
            for (int i = 0; i < coverage.length; i++) {
                coverage[i] = Math.max(coverage[i], englishCoverage[i]);
            }
        }
        boolean[] missesNeed = new boolean[found.size()];
        markMissedNeeds(found, dutch, analysis.dutchSpecificNeeds(), dutchPresence, missesNeed);
        markMissedNeeds(found, english, analysis.englishSpecificNeeds(), englishPresence, missesNeed);
        List<ServiceHit> hits = new ArrayList<>();
        float best = found.isEmpty() ? 1 : found.get(0).score;
        double unit = strengthUnit(reader.numDocs());
        for (int i = 0; i < found.size(); i++) {
            double relevance = found.get(i).score / best + COVERAGE_WEIGHT * coverage[i]
                    + DOMAIN_AGREEMENT * sharedDomains(foundServices.get(i), query.domains());
            if (query.age() != null && !EligibleAges.of(foundServices.get(i)).includes(query.age())) {
                relevance *= OTHER_AGE_SHARE;
            }
            hits.add(new ServiceHit(foundServices.get(i), found.get(i).score, coverage[i], relevance, found.get(i).score / unit,
                    Math.max(dutch.size(), english.size()), missesNeed[i]));
        }
        // equal relevance in id order, so the answer does not depend on the order the index was built in
        hits.sort(Comparator.comparingDouble(ServiceHit::relevance).reversed().thenComparing(hit -> hit.service().id()));
        List<ServiceHit> ordered = neighbourhoodFirst(hits, query.neighbourhood());
        return ordered.subList(0, Math.min(query.limit(), ordered.size()));
    }

    /**
     * What a strength of 1 is: the score of one word that only this service uses, matched once in one field of
     * average length. The confidence calibration was fitted on scores with BM25's k1 at {@value #CALIBRATED_K1}, and a
     * single occurrence scores idf / (1 + k1), so the unit follows k1 to keep strengths on the fitted scale.
     */
    static double strengthUnit(int documents) {
        return idf(Math.max(1, documents), 1) * (1 + CALIBRATED_K1) / (1 + ServiceFields.BM25_K1);
    }

    /** The share of the life domains the message names that the service is in: 0 to 1. */
    private static double sharedDomains(Service service, Set<String> domains) {
        if (domains.isEmpty()) {
            return 0;
        }
        return (double) service.categories().stream().filter(domains::contains).count() / domains.size();
    }

    /** A hit needs only its id (the service itself is in memory), read from doc values. */
    private static String id(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues ids = leaf.reader().getBinaryDocValues(ServiceFields.ID);
        return ids != null && ids.advanceExact(doc - leaf.docBase) ? ids.binaryValue().utf8ToString() : null;
    }

    /**
     * Among hits about as relevant as the best, services meant for the resident's neighbourhood come first (a
     * neighbourhood team before a city-wide office: it knows the street and is nearby), then those serving everyone,
     * then those bound to other neighbourhoods.
     */
    private static List<ServiceHit> neighbourhoodFirst(List<ServiceHit> hits, String neighbourhood) {
        if (neighbourhood == null || hits.isEmpty()) {
            return hits;
        }
        double best = hits.get(0).relevance();
        List<ServiceHit> local = new ArrayList<>();
        List<ServiceHit> serving = new ArrayList<>();
        List<ServiceHit> others = new ArrayList<>();
        List<ServiceHit> rest = new ArrayList<>();
        for (ServiceHit hit : hits) {
            boolean serves = hit.service().serves(neighbourhood);
            if (hit.relevance() < best * NEIGHBOURHOOD_RERANK_SHARE) {
                rest.add(hit);
            } else if (serves && !hit.service().serves(null) && hit.relevance() >= best * LOCAL_RERANK_SHARE) {
                local.add(hit);
            } else if (serves) {
                serving.add(hit);
            } else {
                others.add(hit);
            }
        }
        List<ServiceHit> ordered = new ArrayList<>(hits.size());
        ordered.addAll(local);
        ordered.addAll(serving);
        ordered.addAll(others);
        ordered.addAll(rest);
        return ordered;
    }

    /** Drops repeated words, corrects likely typos, leaves out common parts, bounds the number of groups. */
    private List<TermGroup> prepare(IndexReader reader, String field, List<TermGroup> groups) throws IOException {
        List<TermGroup> prepared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TermGroup group : groups) {
            if (!seen.add(group.primary())) {
                continue;
            }
            TermGroup corrected = group;
            if (unknown(reader, field, group) && isWord(group.primary()) && group.primary().length() >= MIN_TYPO_LENGTH) {
                String correction = corrections.nearest(reader, field, group.primary());
                if (correction != null) {
                    corrected = group.withAlternative(new TermGroup.WeightedTerm(correction, TYPO_WEIGHT));
                }
            }
            prepared.add(withoutCommonParts(reader, field, corrected));
            if (prepared.size() == MAX_GROUPS) {
                break;
            }
        }
        return prepared;
    }

    private static TermGroup withoutCommonParts(IndexReader reader, String field, TermGroup group) throws IOException {
        if (group.alternatives().size() == 1) {
            return group;
        }
        List<TermGroup.WeightedTerm> partsOfSynonyms = partsOfSynonyms(group);
        List<TermGroup.WeightedTerm> kept = new ArrayList<>();
        for (TermGroup.WeightedTerm term : group.alternatives()) {
            boolean part = term.weight() == TermGroups.PART_WEIGHT || partsOfSynonyms.contains(term);
            if (kept.isEmpty() || !part || !common(reader.docFreq(new Term(field, term.term())), reader.numDocs())) {
                kept.add(term);
            }
        }
        return kept.size() == group.alternatives().size() ? group : new TermGroup(group.word(), kept, group.phrases());
    }

    private static boolean common(int docFreq, int documents) {
        return docFreq >= COMMON_PART_SERVICES && docFreq > COMMON_PART_SHARE * documents;
    }

    private static boolean unknown(IndexReader reader, String field, TermGroup group) throws IOException {
        for (TermGroup.WeightedTerm term : group.alternatives()) {
            if (reader.docFreq(new Term(field, term.term())) > 0) {
                return false;
            }
        }
        for (List<String> phrase : group.phrases()) {
            if (phraseIdf(reader, field, Math.max(1, reader.numDocs()), phrase) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWord(String term) {
        return term.chars().allMatch(Character::isLetter);
    }

    /** The most used term within one edit (two for long words), or null. */
    static String nearestKnownTerm(IndexReader reader, String field, String term) throws IOException {
        int maxEdits = term.length() >= TWO_EDITS_LENGTH ? 2 : 1;
        for (int edits = 1; edits <= maxEdits; edits++) {
            CompiledAutomaton automaton = FuzzyQuery.getFuzzyAutomaton(term, edits, 1, true);
            String best = null;
            int bestFrequency = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum candidates = automaton.getTermsEnum(terms);
                for (BytesRef candidate = candidates.next(); candidate != null; candidate = candidates.next()) {
                    if (candidates.docFreq() > bestFrequency) {
                        bestFrequency = candidates.docFreq();
                        best = candidate.utf8ToString();
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /**
     * One clause per word group: the best of its fields (plus a little of the others), so a word counts about once
     * however many fields of a service repeat it, and services addressing more of the message's words rank higher.
     */
    private static int addFields(BooleanQuery.Builder query, List<TermGroup> groups, Map<String, Float> boosts, float factor) {
        for (TermGroup group : groups) {
            List<Query> perField = new ArrayList<>();
            List<TermGroup.WeightedTerm> parts = partsOfSynonyms(group);
            Query catchAll = null;
            for (Map.Entry<String, Float> boost : boosts.entrySet()) {
                Query inField = new BoostQuery(termGroupQuery(boost.getKey(), group, parts), boost.getValue() * factor);
                if (ServiceFields.isCatchAll(boost.getKey())) {
                    catchAll = inField;
                } else {
                    perField.add(inField);
                }
            }
            // a catch-all field holds every term of its language's other fields, so it alone says which services match
            query.add(catchAll == null ? new DisjunctionMaxQuery(perField, FIELD_TIE_BREAKER)
                    : new LedDisjunctionMaxQuery(catchAll, perField, FIELD_TIE_BREAKER), BooleanClause.Occur.SHOULD);
        }
        return groups.size();
    }

    /** @param parts the parts of the group's synonyms ({@link #partsOfSynonyms}), found once for all fields */
    private static Query termGroupQuery(String field, TermGroup group, List<TermGroup.WeightedTerm> parts) {
        Query words;
        if (group.alternatives().size() == 1) {
            words = new TermQuery(new Term(field, group.primary()));
        } else {
            SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
            group.alternatives().stream().filter(term -> !parts.contains(term))
                    .forEach(term -> synonyms.addTerm(new Term(field, term.term()), Math.min(1f, term.weight())));
            words = synonyms.build();
            if (!parts.isEmpty()) {
                SynonymQuery.Builder partQuery = new SynonymQuery.Builder(field);
                parts.forEach(term -> partQuery.addTerm(new Term(field, term.term()), 1f));
                words = new DisjunctionMaxQuery(List.of(words, new BoostQuery(partQuery.build(), TermGroups.PART_WEIGHT)), 0f);
            }
        }
        if (group.phrases().isEmpty()) {
            return words;
        }
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(words);
        for (List<String> phrase : group.phrases()) {
            alternatives.add(new BoostQuery(new PhraseQuery(PHRASE_SLOP, field, phrase.toArray(String[]::new)), TermGroups.SYNONYM_WEIGHT));
        }
        return new DisjunctionMaxQuery(alternatives, 0f);
    }

    /**
     * Marks the hits whose texts do not mention a specific provider or matter the message names (in the resident's own
     * word: a part of a compound may be something else, "oppassen" is no "oppas"): they do not answer the message,
     * however well they match the rest of it. A synonym meets the need only when it names a specific provider itself
     * ("kinderdagverblijf" for "creche"), not through a part of it ("kind").
     */
    private static void markMissedNeeds(List<ScoreDoc> hits, List<TermGroup> groups, Set<String> needs, HitTerms presence,
            boolean[] missed) throws IOException {
        for (TermGroup group : groups) {
            boolean namesNeed = group.alternatives().stream()
                    .anyMatch(term -> term.weight() >= 1f && needs.contains(term.term()));
            if (!namesNeed) {
                continue;
            }
            boolean[] met = new boolean[hits.size()];
            for (TermGroup.WeightedTerm term : group.alternatives()) {
                if (needs.contains(term.term())) {
                    boolean[] found = presence.holding(term.term());
                    for (int hit = 0; hit < hits.size(); hit++) {
                        met[hit] |= found[hit];
                    }
                }
            }
            for (int hit = 0; hit < hits.size(); hit++) {
                missed[hit] |= !met[hit];
            }
        }
    }

    /**
     * The parts of a synonym's compound ("kind" of "kindermishandeling"): in one {@link SynonymQuery} with the word
     * and its real synonyms their commonness would drown the rarity of the others, so they are scored apart.
     */
    private static List<TermGroup.WeightedTerm> partsOfSynonyms(TermGroup group) {
        List<TermGroup.WeightedTerm> parts = new ArrayList<>();
        for (TermGroup.WeightedTerm part : group.alternatives()) {
            if (part.weight() != TermGroups.SYNONYM_WEIGHT) {
                continue;
            }
            for (TermGroup.WeightedTerm whole : group.alternatives()) {
                if (whole.weight() == TermGroups.SYNONYM_WEIGHT && whole.term().length() > part.term().length()
                        && whole.term().contains(part.term())) {
                    parts.add(part);
                    break;
                }
            }
        }
        return parts;
    }

    /** Per hit: the rarity-weighted share of the message's word groups found in the service's texts. */
    private static double[] coverage(IndexReader reader, List<ScoreDoc> hits, List<TermGroup> groups, String field,
            HitTerms presence) throws IOException {
        double[] result = new double[hits.size()];
        if (groups.isEmpty() || hits.isEmpty()) {
            return result;
        }
        int documents = Math.max(1, reader.numDocs());
        double rarest = idf(documents, 1);
        double[] weights = new double[groups.size()];
        double total = 0;
        for (int g = 0; g < groups.size(); g++) {
            TermGroup group = groups.get(g);
            double weight = 0;
            for (TermGroup.WeightedTerm term : group.alternatives()) {
                int docFreq = reader.docFreq(new Term(field, term.term()));
                if (docFreq > 0) {
                    weight = Math.max(weight, idf(documents, docFreq));
                }
            }
            for (List<String> phrase : group.phrases()) {
                weight = Math.max(weight, phraseIdf(reader, field, documents, phrase));
            }
            // only the resident's own word counts as unknown, not synonyms the admin listed that no service uses
            boolean ownWord = group.alternatives().stream().anyMatch(term -> term.weight() >= 1f);
            if (weight == 0 && ownWord && isWord(group.primary()) && group.primary().length() >= 4) {
                weight = rarest * UNKNOWN_WORD_SHARE;
            }
            weights[g] = weight;
            total += weight;
        }
        if (total == 0) {
            return result;
        }
        for (int hit = 0; hit < hits.size(); hit++) {
            double matched = 0;
            for (int g = 0; g < groups.size(); g++) {
                matched += credit(hit, groups.get(g), presence) * weights[g];
            }
            result[hit] = matched / total;
        }
        return result;
    }

    /** How much of a word group a hit's texts contain: its best term's weight, or a synonym's if a whole phrase is there. */
    private static double credit(int hit, TermGroup group, HitTerms presence) throws IOException {
        double credit = 0;
        for (TermGroup.WeightedTerm term : group.alternatives()) {
            if (presence.holding(term.term())[hit]) {
                credit = Math.max(credit, Math.min(1f, term.weight()));
            }
        }
        for (List<String> phrase : group.phrases()) {
            boolean all = true;
            for (String word : phrase) {
                all &= presence.holding(word)[hit];
            }
            if (all) {
                credit = Math.max(credit, TermGroups.SYNONYM_WEIGHT);
            }
        }
        return credit;
    }

    /** The rarity of a phrase: that of its most common word, or 0 when a word of it appears nowhere. */
    private static double phraseIdf(IndexReader reader, String field, int documents, List<String> phrase) throws IOException {
        int docFreq = 0;
        for (String word : phrase) {
            int frequency = reader.docFreq(new Term(field, word));
            if (frequency == 0) {
                return 0;
            }
            docFreq = Math.max(docFreq, frequency);
        }
        return idf(documents, docFreq);
    }

    private static double idf(int documents, int docFreq) {
        return Math.log(1 + (documents - docFreq + 0.5) / (docFreq + 0.5));
    }
}
