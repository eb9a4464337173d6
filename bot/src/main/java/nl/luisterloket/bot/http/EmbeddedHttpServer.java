package nl.luisterloket.bot.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.lifecycle.ManagedService;

/**
 * The embedded HTTP server (the JDK's own): {@code /health}, {@code /metrics} and, in webhook
 * mode, Telegram's webhook. It starts before the channels and stops after them.
 */
@Singleton
public final class EmbeddedHttpServer implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedHttpServer.class);
    private static final int THREADS = 4;

    private final HttpSettings settings;
    private final Set<HttpRoute> routes;
    private HttpServer server;
    private ExecutorService executor;

    @Inject
    EmbeddedHttpServer(HttpSettings settings, Set<HttpRoute> routes) {
        this.settings = requireNonNull(settings, "settings is null");
        this.routes = Set.copyOf(requireNonNull(routes, "routes is null"));
    }

    @Override
    public int startOrder() {
        return 60;
    }

    @Override
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (HttpRoute route : routes) {
            server.createContext(route.path(), exchange -> serve(route, exchange));
        }
        server.createContext("/", exchange -> HttpRoute.respond(exchange, 404, "text/plain; charset=utf-8", "not found\n"));
        server.setExecutor(executor);
        server.start();
        log.info("HTTP server listening on {}:{}", settings.host(), port());
    }

    /** The port bound (useful when the configured port is 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void serve(HttpRoute route, HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(route.path())) {
            HttpRoute.respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        try {
            route.handle(exchange);
        } catch (IOException | RuntimeException e) {
            log.warn("HTTP {} {} failed", exchange.getRequestMethod(), route.path(), e);
            HttpRoute.respond(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
