package nl.luisterloket.bot.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Statement;

import com.sun.net.httpserver.HttpExchange;

import jakarta.inject.Inject;
import nl.luisterloket.bot.storage.Database;

/** {@code GET /health}: 200 when the process runs and its database answers, 503 otherwise. */
final class HealthRoute implements HttpRoute {

    private final Database database;

    @Inject
    HealthRoute(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public String path() {
        return "/health";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            HttpRoute.respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            return;
        }
        boolean healthy;
        try {
            healthy = database.read(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT 1")) {
                    return row.next();
                }
            });
        } catch (RuntimeException e) {
            healthy = false;
        }
        HttpRoute.respond(exchange, healthy ? 200 : 503, "application/json",
                healthy ? "{\"status\":\"ok\"}\n" : "{\"status\":\"database unavailable\"}\n");
    }
}
