package nl.luisterloket.knowledge.index;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A {@link DisjunctionMaxQuery} (the best clause's score plus a share of the others') for when the first clause
 * matches every document any other clause matches: a word group searched in the catch-all field and in the fields
 * whose texts that field holds. The catch-all field's postings alone then say which services match, and the other
 * fields are looked up only for those services, in order. A {@code DisjunctionMaxQuery} walks every field's postings
 * through a priority queue, which took a fifth of a search. The scores are the same.
 */
final class LedDisjunctionMaxQuery extends Query {

    private final Query lead;
    private final List<Query> others;
    private final float tieBreaker;
    /** Worked out on first use; 0 until then (a race only works it out twice). */
    private int hashCode;

    /**
     * @param lead a query matching every document that any of {@code others} matches
     * @param tieBreaker the share of the other matching clauses' scores added to the best one's
     */
    LedDisjunctionMaxQuery(Query lead, List<Query> others, float tieBreaker) {
        this.lead = requireNonNull(lead, "lead is null");
        this.others = List.copyOf(others);
        if (tieBreaker < 0 || tieBreaker > 1) {
            throw new IllegalArgumentException("tie breaker must be in [0, 1]: " + tieBreaker);
        }
        this.tieBreaker = tieBreaker;
    }

    /** The same clauses as the {@link DisjunctionMaxQuery} whose scores this query gives. */
    DisjunctionMaxQuery asDisjunctionMax() {
        List<Query> all = new ArrayList<>();
        all.add(lead);
        all.addAll(others);
        return new DisjunctionMaxQuery(all, tieBreaker);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        if (others.isEmpty()) {
            return lead;
        }
        Query rewrittenLead = lead.rewrite(searcher);
        boolean rewritten = rewrittenLead != lead;
        List<Query> rewrittenOthers = new ArrayList<>(others.size());
        for (Query other : others) {
            Query rewrittenOther = other.rewrite(searcher);
            rewritten |= rewrittenOther != other;
            rewrittenOthers.add(rewrittenOther);
        }
        return rewritten ? new LedDisjunctionMaxQuery(rewrittenLead, rewrittenOthers, tieBreaker) : this;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight leadWeight = searcher.createWeight(lead, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            // the lead alone says which services match
            return leadWeight;
        }
        List<Weight> otherWeights = new ArrayList<>(others.size());
        for (Query other : others) {
            otherWeights.add(searcher.createWeight(other, scoreMode, boost));
        }
        return new LedWeight(leadWeight, otherWeights);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor clauses = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
        lead.visit(clauses);
        others.forEach(other -> other.visit(clauses));
    }

    @Override
    public String toString(String field) {
        return "led" + asDisjunctionMax().toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && lead.equals(((LedDisjunctionMaxQuery) other).lead)
                && others.equals(((LedDisjunctionMaxQuery) other).others)
                && tieBreaker == ((LedDisjunctionMaxQuery) other).tieBreaker;
    }

    @Override
    public int hashCode() {
        // Lucene hashes a query several times while it builds and rewrites the boolean query around it
        int hash = hashCode;
        if (hash == 0) {
            hash = 31 * (31 * (31 * classHash() + lead.hashCode()) + others.hashCode()) + Float.hashCode(tieBreaker);
            hashCode = hash;
        }
        return hash;
    }

    private final class LedWeight extends Weight {

        private final Weight leadWeight;
        private final List<Weight> otherWeights;

        LedWeight(Weight leadWeight, List<Weight> otherWeights) {
            super(LedDisjunctionMaxQuery.this);
            this.leadWeight = leadWeight;
            this.otherWeights = otherWeights;
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            ScorerSupplier leadSupplier = leadWeight.scorerSupplier(context);
            if (leadSupplier == null) {
                return null;
            }
            List<ScorerSupplier> otherSuppliers = new ArrayList<>(otherWeights.size());
            for (Weight weight : otherWeights) {
                ScorerSupplier supplier = weight.scorerSupplier(context);
                if (supplier != null) {
                    otherSuppliers.add(supplier);
                }
            }
            if (otherSuppliers.isEmpty()) {
                // a lone match scores as itself: max plus nothing
                return leadSupplier;
            }
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    Scorer leadScorer = leadSupplier.get(leadCost);
                    List<Scorer> otherScorers = new ArrayList<>(otherSuppliers.size());
                    for (ScorerSupplier supplier : otherSuppliers) {
                        otherScorers.add(supplier.get(leadCost));
                    }
                    return new LedScorer(LedWeight.this, leadScorer, otherScorers, tieBreaker);
                }

                @Override
                public long cost() {
                    return leadSupplier.cost();
                }
            };
        }

        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
            ScorerSupplier supplier = scorerSupplier(context);
            return supplier == null ? null : supplier.get(Long.MAX_VALUE);
        }

        @Override
        public boolean isCacheable(LeafReaderContext context) {
            return false;
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            List<Weight> all = new ArrayList<>();
            all.add(leadWeight);
            all.addAll(otherWeights);
            double max = 0;
            double otherSum = 0;
            List<Explanation> matching = new ArrayList<>();
            for (Weight weight : all) {
                Explanation explanation = weight.explain(context, doc);
                if (explanation.isMatch()) {
                    matching.add(explanation);
                    double score = explanation.getValue().doubleValue();
                    if (score >= max) {
                        otherSum += max;
                        max = score;
                    } else {
                        otherSum += score;
                    }
                }
            }
            return matching.isEmpty() ? Explanation.noMatch("no matching clause")
                    : Explanation.match((float) (max + otherSum * tieBreaker), "max plus " + tieBreaker + " times others of:",
                            matching);
        }
    }

    /** Iterates the lead's matches; each other clause is moved forward to the document being scored. */
    private static final class LedScorer extends Scorer {

        private final Scorer lead;
        private final Scorer[] others;
        private final DocIdSetIterator[] approximations;
        private final TwoPhaseIterator[] twoPhase;
        private final float tieBreaker;
        private int scoredDoc = -1;
        private float score;

        LedScorer(Weight weight, Scorer lead, List<Scorer> others, float tieBreaker) {
            super(weight);
            this.lead = lead;
            this.others = others.toArray(Scorer[]::new);
            this.approximations = new DocIdSetIterator[this.others.length];
            this.twoPhase = new TwoPhaseIterator[this.others.length];
            for (int i = 0; i < this.others.length; i++) {
                twoPhase[i] = this.others[i].twoPhaseIterator();
                approximations[i] = twoPhase[i] != null ? twoPhase[i].approximation() : this.others[i].iterator();
            }
            this.tieBreaker = tieBreaker;
        }

        @Override
        public int docID() {
            return lead.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return lead.iterator();
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return lead.twoPhaseIterator();
        }

        /** As {@code DisjunctionMaxScorer}: the best score plus the tie breaker times the sum of the others. */
        @Override
        public float score() throws IOException {
            int doc = lead.docID();
            if (doc != scoredDoc) {
                // a phrase's positions are read once per document
                score = scoreOf(doc);
                scoredDoc = doc;
            }
            return score;
        }

        private float scoreOf(int doc) throws IOException {
            float max = lead.score();
            double otherSum = 0;
            for (int i = 0; i < others.length; i++) {
                DocIdSetIterator approximation = approximations[i];
                int at = approximation.docID();
                if (at < doc) {
                    at = approximation.advance(doc);
                }
                if (at == doc && (twoPhase[i] == null || twoPhase[i].matches())) {
                    float score = others[i].score();
                    if (score >= max) {
                        otherSum += max;
                        max = score;
                    } else {
                        otherSum += score;
                    }
                }
            }
            return (float) (max + otherSum * tieBreaker);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            // an upper bound: the best possible clause plus the tie breaker times all the others at their best
            float max = lead.getMaxScore(upTo);
            double otherSum = 0;
            for (Scorer other : others) {
                float score = other.getMaxScore(upTo);
                if (score >= max) {
                    otherSum += max;
                    max = score;
                } else {
                    otherSum += score;
                }
            }
            return Math.nextUp((float) (max + otherSum * tieBreaker));
        }
    }
}
