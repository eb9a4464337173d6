package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.config.LuisterloketConfig;

/**
 * The anonymous counts of one day, the same whether the day's rows still exist or retention has
 * retired it: counted live from the tables, or read from {@code daily_counts}. The listening
 * report reads through here so it keeps working after retention.
 *
 * <p>Metrics (dimension in brackets): {@code residents.new}, {@code conversations.started},
 * {@code messages.in}, {@code messages.out}, {@code decision} [decision of the suggestions shown],
 * {@code feedback} [helped, something_else, wrong_details], {@code domain} [neighbourhood|domain, per
 * conversation started that day; neighbourhood "" when unknown], {@code cases} [trigger],
 * {@code follow_ups} [answer], {@code unanswered} [neighbourhood].
 */
@Singleton
public final class DailyCounts {

    /**
     * Timestamps are ISO-8601 instants; compared as text with bounds of their first 19 characters they fall in the day
     * exactly when those 19 characters do, and the column compared whole can be searched in its index.
     */
    private static final String IN_DAY = "%1$s >= ? AND %1$s < ?";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneId.of("UTC"));

    private static final Map<String, String> QUERIES = queries();
    private static final Comparator<CountKey> BY_NAME = Comparator.comparing(CountKey::metric).thenComparing(CountKey::dimension);

    private final ZoneId zone;

    @Inject
    public DailyCounts(LuisterloketConfig config) {
        this.zone = requireNonNull(config, "config is null").timeZone();
    }

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("residents.new", "SELECT '', count(*) FROM residents WHERE " + IN_DAY.formatted("created_at"));
        queries.put("conversations.started", "SELECT '', count(*) FROM conversations WHERE " + IN_DAY.formatted("started_at"));
        queries.put("messages.in", "SELECT '', count(*) FROM messages WHERE direction = 'in' AND " + IN_DAY.formatted("created_at"));
        queries.put("messages.out", "SELECT '', count(*) FROM messages WHERE direction = 'out' AND " + IN_DAY.formatted("created_at"));
        queries.put("decision", "SELECT decision, count(DISTINCT conversation_id || '@' || shown_at) FROM suggestions WHERE "
                + IN_DAY.formatted("shown_at") + " GROUP BY decision");
        queries.put("feedback", "SELECT feedback, count(*) FROM suggestions WHERE feedback IS NOT NULL AND "
                + IN_DAY.formatted("shown_at") + " GROUP BY feedback");
        queries.put("domain", "SELECT coalesce(r.neighbourhood, '') || '|' || d.value, count(*) FROM conversations c"
                + " JOIN residents r ON r.id = c.resident_id,"
                + " json_each(CASE WHEN json_valid(c.state_json) THEN c.state_json ELSE '{}' END, '$.domains') d"
                + " WHERE " + IN_DAY.formatted("c.started_at") + " GROUP BY 1");
        queries.put("cases", "SELECT trigger, count(*) FROM cases WHERE " + IN_DAY.formatted("created_at") + " GROUP BY trigger");
        queries.put("follow_ups", "SELECT answer, count(*) FROM follow_ups WHERE answer IS NOT NULL AND "
                + IN_DAY.formatted("due_at") + " GROUP BY answer");
        queries.put("unanswered", "SELECT coalesce(neighbourhood, ''), count(*) FROM unanswered_questions WHERE "
                + IN_DAY.formatted("created_at") + " GROUP BY 1");
        return java.util.Collections.unmodifiableMap(queries);
    }

    /** The counts per day from {@code from} to {@code to}, both included; days without anything are left out. */
    public Map<LocalDate, Map<CountKey, Long>> between(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        Map<LocalDate, Map<CountKey, Long>> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<CountKey, Long> counts = isRetired(connection, day) ? stored(connection, day) : live(connection, day);
            if (!counts.isEmpty()) {
                days.put(day, counts);
            }
        }
        return days;
    }

    /** Counts one day from the rows that are still there. */
    Map<CountKey, Long> live(Connection connection, LocalDate day) throws SQLException {
        String start = SECONDS.format(day.atStartOfDay(zone).toInstant());
        String end = SECONDS.format(day.plusDays(1).atStartOfDay(zone).toInstant());
        Map<CountKey, Long> counts = new TreeMap<>(BY_NAME);
        for (Map.Entry<String, String> query : QUERIES.entrySet()) {
            try (PreparedStatement select = connection.prepareStatement(query.getValue())) {
                select.setString(1, start);
                select.setString(2, end);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long count = rows.getLong(2);
                        if (count > 0) {
                            counts.put(new CountKey(query.getKey(), rows.getString(1)), count);
                        }
                    }
                }
            }
        }
        return counts;
    }

    Map<CountKey, Long> stored(Connection connection, LocalDate day) throws SQLException {
        Map<CountKey, Long> counts = new TreeMap<>(BY_NAME);
        try (PreparedStatement select = connection.prepareStatement("SELECT metric, dimension, count FROM daily_counts WHERE day = ?")) {
            select.setString(1, day.toString());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(new CountKey(rows.getString(1), rows.getString(2)), rows.getLong(3));
                }
            }
        }
        return counts;
    }

    /** Adds a day's counts to {@code daily_counts} and marks the day retired, in the caller's transaction. */
    void retire(Connection transaction, LocalDate day, String retiredAt) throws SQLException {
        Map<CountKey, Long> counts = live(transaction, day);
        try (PreparedStatement upsert = transaction.prepareStatement(
                "INSERT INTO daily_counts (day, metric, dimension, count) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (day, metric, dimension) DO UPDATE SET count = count + excluded.count")) {
            for (Map.Entry<CountKey, Long> count : counts.entrySet()) {
                upsert.setString(1, day.toString());
                upsert.setString(2, count.getKey().metric());
                upsert.setString(3, count.getKey().dimension());
                upsert.setLong(4, count.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement insert = transaction.prepareStatement("INSERT INTO retired_days (day, retired_at) VALUES (?, ?)")) {
            insert.setString(1, day.toString());
            insert.setString(2, retiredAt);
            insert.executeUpdate();
        }
    }

    boolean isRetired(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM retired_days WHERE day = ?")) {
            select.setString(1, day.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The metric names, for documentation and tests. */
    static List<String> metrics() {
        return List.copyOf(QUERIES.keySet());
    }
}
