package nl.luisterloket.knowledge.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one evaluation run, counted the way the benchmark's score.py counts them.
 *
 * @param tallies           per metric: hits and total
 * @param inactiveSuggested messages for which an inactive service was suggested (must be 0)
 * @param messages          messages evaluated
 */
public record EvaluationSummary(Map<String, Tally> tallies, int inactiveSuggested, int messages) {

    public static final String SERVICE_TOP1 = "service_top1";
    public static final String SERVICE_TOP3 = "service_top3";
    public static final String CRISIS_RECALL = "crisis_recall";
    public static final String HUMAN_HANDOVER = "human_handover";
    public static final String COMPLEX_HANDOVER = "complex_handover";
    public static final String SMALLTALK = "smalltalk";
    public static final String NONE_HONEST = "none_honest";
    public static final String CRISIS_FALSE_ALARM_FREE = "crisis_false_alarm_free";

    public EvaluationSummary {
        tallies = Map.copyOf(requireNonNull(tallies, "tallies is null"));
    }

    /** Share of hits for a metric; 1 when the set had no message of that kind. */
    public double rate(String metric) {
        Tally tally = tallies.get(metric);
        return tally == null || tally.total() == 0 ? 1.0 : (double) tally.hits() / tally.total();
    }

    /** One line per metric, then the inactive count: the same layout as score.py. */
    public String format() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(tallies).forEach((metric, tally) -> text.append(String.format(Locale.ROOT, "%s\t%d/%d\t%.3f%n",
                metric, tally.hits(), tally.total(), tally.total() == 0 ? 1.0 : (double) tally.hits() / tally.total())));
        text.append("inactive_suggested=").append(inactiveSuggested).append(" messages=").append(messages).append(System.lineSeparator());
        return text.toString();
    }

    /** Hits out of a total. */
    public record Tally(int hits, int total) {
        public Tally {
            if (hits < 0 || total < hits) {
                throw new IllegalArgumentException("need 0 <= hits <= total");
            }
        }
    }
}
