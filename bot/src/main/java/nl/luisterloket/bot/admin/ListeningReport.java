package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * What residents raised in a period, in counts only: the listening report. Counts are exact here; every renderer
 * shows a count from 1 to 4 as "&lt;5" (see {@link SmallCounts}).
 *
 * @param answersByDecision       answers given, by the decision (ANSWER, CLARIFY, CRISIS …)
 * @param feedback                what residents said of answers (helped, something_else, wrong_details)
 * @param handoversByTrigger      hand-overs to a person by what triggered them
 * @param handoversByUrgency      hand-overs by urgency (urgent, normal), from cases still on record
 * @param domainsByNeighbourhood  neighbourhood → life domain → conversations touching it
 * @param unanswered              questions nothing answered, grouped by theme, largest first
 */
record ListeningReport(LocalDate from, LocalDate to, long conversations, SortedMap<String, Long> answersByDecision,
        SortedMap<String, Long> feedback, SortedMap<String, Long> handoversByTrigger, SortedMap<String, Long> handoversByUrgency,
        Durations timeToClaim, Durations timeToClose, SortedMap<String, SortedMap<String, Long>> domainsByNeighbourhood,
        List<Theme> unanswered) {

    ListeningReport {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        unanswered = List.copyOf(unanswered);
    }

    long answers() {
        return answersByDecision.values().stream().mapToLong(Long::longValue).sum();
    }

    long handovers() {
        return handoversByTrigger.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Median and 90th percentile of durations; {@code count} cases measured. */
    record Durations(int count, Duration median, Duration p90) {

        static Durations of(List<Duration> durations) {
            if (durations.isEmpty()) {
                return new Durations(0, Duration.ZERO, Duration.ZERO);
            }
            List<Duration> sorted = durations.stream().sorted().toList();
            return new Durations(sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
        }

        /** Nearest-rank percentile. */
        private static Duration percentile(List<Duration> sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    /** Unanswered questions of one theme; examples (redacted) only when the theme is large enough to show. */
    record Theme(String theme, long count, List<String> examples) {

        Theme {
            requireNonNull(theme, "theme is null");
            examples = List.copyOf(examples);
        }
    }

}
