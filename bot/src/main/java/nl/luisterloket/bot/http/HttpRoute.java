package nl.luisterloket.bot.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * One path the embedded HTTP server serves. Features add theirs with
 * {@code Multibinder.newSetBinder(binder(), HttpRoute.class).addBinding().to(X.class)}.
 * A handler must answer quickly; long work goes to a worker thread.
 */
public interface HttpRoute {

    /** The exact path served, e.g. {@code /health}. */
    String path();

    void handle(HttpExchange exchange) throws IOException;

    /** Sends a small text answer and ends the exchange. */
    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
