package nl.luisterloket.bot.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Starts the application's services in order and stops them in reverse, once. */
@Singleton
public final class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final List<ManagedService> services;
    private final Deque<ManagedService> started = new ArrayDeque<>();
    private boolean stopped;

    @Inject
    public Lifecycle(Set<ManagedService> services) {
        this.services = requireNonNull(services, "services is null").stream()
                .sorted(Comparator.comparingInt(ManagedService::startOrder).thenComparing(service -> service.getClass().getName()))
                .toList();
    }

    public synchronized void start() {
        for (ManagedService service : services) {
            try {
                service.start();
                started.push(service);
                log.debug("Started {}", service.getClass().getSimpleName());
            } catch (Exception e) {
                stop();
                throw new IllegalStateException("cannot start " + service.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        while (!started.isEmpty()) {
            ManagedService service = started.pop();
            try {
                service.stop();
                log.debug("Stopped {}", service.getClass().getSimpleName());
            } catch (Exception e) {
                log.warn("Stopping {} failed", service.getClass().getSimpleName(), e);
            }
        }
    }

    /** Stops everything when the JVM is asked to end (SIGTERM, Ctrl-C). */
    public void stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "luisterloket-shutdown"));
    }
}
