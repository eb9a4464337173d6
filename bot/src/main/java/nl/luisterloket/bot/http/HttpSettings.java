package nl.luisterloket.bot.http;

/**
 * The {@code http:} section: the embedded HTTP server for /health, /metrics and the webhook.
 *
 * @param enabled start the server in {@code luisterloket run}
 * @param host    address to bind
 * @param port    port to bind (0 picks a free one)
 */
public record HttpSettings(Boolean enabled, String host, Integer port) {

    public HttpSettings {
        enabled = enabled == null || enabled;
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 8080 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(null, null, null);
    }
}
