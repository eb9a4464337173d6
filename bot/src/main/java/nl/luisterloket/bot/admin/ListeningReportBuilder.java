package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.privacy.CountKey;
import nl.luisterloket.bot.privacy.DailyCounts;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * Builds the listening report for a period. Counts come from {@link DailyCounts}, so days that retention already
 * retired still count; what only live rows can tell (urgency, times to claim and close, the unanswered questions
 * themselves) comes from the tables. Unanswered questions are redacted again and grouped by the life domain the
 * understanding finds in them.
 */
@Singleton
final class ListeningReportBuilder {

    static final String OTHER_THEME = "overig";
    private static final int EXAMPLES = 5;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String IN_PERIOD = "substr(%1$s, 1, 19) >= ? AND substr(%1$s, 1, 19) < ?";

    private final DailyCounts dailyCounts;
    private final MessageUnderstanding understanding;
    private final ZoneId zone;
    private final ReportRedactor redactor;

    @Inject
    ListeningReportBuilder(DailyCounts dailyCounts, MessageUnderstanding understanding, ReportRedactor redactor, LuisterloketConfig config) {
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.dailyCounts = requireNonNull(dailyCounts, "dailyCounts is null");
        this.understanding = requireNonNull(understanding, "understanding is null");
        this.zone = requireNonNull(config, "config is null").timeZone();
    }

    /** The report from {@code from} to {@code to}, both days included. */
    ListeningReport build(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        Map<CountKey, Long> totals = new LinkedHashMap<>();
        dailyCounts.between(connection, from, to).values()
                .forEach(day -> day.forEach((key, count) -> totals.merge(key, count, Long::sum)));
        String start = SECONDS.format(from.atStartOfDay(zone).toInstant());
        String end = SECONDS.format(to.plusDays(1).atStartOfDay(zone).toInstant());
        List<Duration> toClaim = new ArrayList<>();
        List<Duration> toClose = new ArrayList<>();
        caseDurations(connection, start, end, toClaim, toClose);
        return new ListeningReport(from, to, metric(totals, "conversations.started").getOrDefault("", 0L),
                metric(totals, "decision"), metric(totals, "feedback"), metric(totals, "cases"),
                grouped(connection, "SELECT urgency, count(*) FROM cases WHERE " + IN_PERIOD.formatted("created_at") + " GROUP BY urgency", start, end),
                ListeningReport.Durations.of(toClaim), ListeningReport.Durations.of(toClose), domains(totals),
                themes(connection, start, end));
    }

    private static SortedMap<String, Long> metric(Map<CountKey, Long> totals, String metric) {
        SortedMap<String, Long> counts = new TreeMap<>();
        totals.forEach((key, count) -> {
            if (key.metric().equals(metric)) {
                counts.merge(key.dimension() == null ? "" : key.dimension(), count, Long::sum);
            }
        });
        return counts;
    }

    private static SortedMap<String, SortedMap<String, Long>> domains(Map<CountKey, Long> totals) {
        SortedMap<String, SortedMap<String, Long>> byNeighbourhood = new TreeMap<>();
        metric(totals, "domain").forEach((dimension, count) -> {
            int bar = dimension.lastIndexOf('|');
            String neighbourhood = bar < 0 ? "" : dimension.substring(0, bar);
            String domain = dimension.substring(bar + 1);
            byNeighbourhood.computeIfAbsent(neighbourhood, key -> new TreeMap<>()).merge(domain, count, Long::sum);
        });
        return byNeighbourhood;
    }

    private static SortedMap<String, Long> grouped(Connection connection, String sql, String start, String end) throws SQLException {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, start);
            select.setString(2, end);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void caseDurations(Connection connection, String start, String end, List<Duration> toClaim, List<Duration> toClose)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT created_at, claimed_at, closed_at FROM cases WHERE " + IN_PERIOD.formatted("created_at"))) {
            select.setString(1, start);
            select.setString(2, end);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant created = Instant.parse(rows.getString(1));
                    if (rows.getString(2) != null) {
                        toClaim.add(Duration.between(created, Instant.parse(rows.getString(2))));
                    }
                    if (rows.getString(3) != null) {
                        toClose.add(Duration.between(created, Instant.parse(rows.getString(3))));
                    }
                }
            }
        }
    }

    private List<ListeningReport.Theme> themes(Connection connection, String start, String end) throws SQLException {
        Map<String, List<String>> byTheme = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT text_redacted FROM unanswered_questions WHERE " + IN_PERIOD.formatted("created_at") + " ORDER BY id")) {
            select.setString(1, start);
            select.setString(2, end);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String question = redactor.redact(rows.getString(1));
                    byTheme.computeIfAbsent(theme(question), key -> new ArrayList<>()).add(question);
                }
            }
        }
        return byTheme.entrySet().stream()
                .map(entry -> new ListeningReport.Theme(entry.getKey(), entry.getValue().size(),
                        SmallCounts.shown(entry.getValue().size())
                                ? new LinkedHashSet<>(entry.getValue()).stream().limit(EXAMPLES).toList() : List.of()))
                .sorted(Comparator.comparingLong(ListeningReport.Theme::count).reversed().thenComparing(ListeningReport.Theme::theme))
                .toList();
    }

    private String theme(String question) {
        return understanding.understand(question, UnderstandingContext.FIRST_MESSAGE).domains().stream().sorted().findFirst()
                .orElse(OTHER_THEME);
    }
}
