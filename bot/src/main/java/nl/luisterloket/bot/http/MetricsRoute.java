package nl.luisterloket.bot.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.sun.net.httpserver.HttpExchange;

import jakarta.inject.Inject;
import nl.luisterloket.bot.storage.Database;

/**
 * {@code GET /metrics} in the Prometheus text format: the in-memory counters and latencies of
 * {@link Metrics}, and what the database says now (queue length, oldest unsent message, open cases).
 */
final class MetricsRoute implements HttpRoute {

    private final Metrics metrics;
    private final Database database;
    private final Clock clock;

    @Inject
    MetricsRoute(Metrics metrics, Database database, Clock clock) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String path() {
        return "/metrics";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            HttpRoute.respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            return;
        }
        HttpRoute.respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", render());
    }

    String render() {
        StringBuilder text = new StringBuilder(metrics.render());
        database.read(connection -> {
            gauge(text, "luisterloket_outbox_pending", "Messages waiting in the outbox.",
                    count(connection, "SELECT count(*) FROM outbox WHERE status = 'pending'"));
            gauge(text, "luisterloket_outbox_failed", "Messages the outbox gave up on.",
                    count(connection, "SELECT count(*) FROM outbox WHERE status = 'failed'"));
            gauge(text, "luisterloket_outbox_oldest_pending_age_seconds", "Age of the oldest message not yet sent.",
                    oldestPendingAgeSeconds(connection));
            gauge(text, "luisterloket_cases_open", "Hand-over cases not closed.",
                    count(connection, "SELECT count(*) FROM cases WHERE status <> 'closed'"));
            return null;
        });
        return text.toString();
    }

    private double oldestPendingAgeSeconds(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT min(created_at) FROM outbox WHERE status = 'pending'");
             ResultSet row = select.executeQuery()) {
            String oldest = row.next() ? row.getString(1) : null;
            if (oldest == null) {
                return 0;
            }
            Duration age = Duration.between(Instant.parse(oldest), clock.instant());
            return Math.max(0, age.toMillis() / 1000.0);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static void gauge(StringBuilder text, String name, String help, Number value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
        text.append(name).append(' ').append(value).append('\n');
    }
}
