package nl.luisterloket.bot.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.lifecycle.ManagedService;

/**
 * Handles incoming messages one by one in arrival order (in write transactions of their own, or several together in
 * one, as the channel chooses), while the messages behind are {@linkplain IncomingMessageHandler#prepare prepared} on
 * the other cores. SQLite takes one writer at a time; this keeps that writer busy with writing only. A whole batch goes
 * through {@link #handle}; a stream of items (a channel that keeps receiving while it handles) starts each one's
 * preparation with {@link #ahead} as it arrives and takes the items in runs from {@link PreparedRuns}, where a message
 * that is slow to prepare holds up only its own chat.
 */
@Singleton
public final class InOrderWithPreparation implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(InOrderWithPreparation.class);

    private final IncomingMessageHandler handler;
    private final ExecutorService preparers;

    @Inject
    public InOrderWithPreparation(IncomingMessageHandler handler) {
        this.handler = requireNonNull(handler, "handler is null");
        AtomicInteger number = new AtomicInteger();
        this.preparers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "prepare-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Prepares every item's message in the background, then hands the items to {@code handle} in order, each once its
     * own preparation is done. {@code handle} returns false to stop; the rest is then neither prepared nor handled.
     */
    public <T> void handle(List<T> items, Function<T, Optional<IncomingMessage>> messageOf, Predicate<T> handle) {
        // a lone item is prepared by its handling itself: handing it to another thread would only add the hand-over
        List<Ahead<T>> aheads = items.stream()
                .map(item -> items.size() > 1 ? ahead(item, messageOf.apply(item)) : new Ahead<>(item, null)).toList();
        for (int i = 0; i < aheads.size(); i++) {
            if (!handle.test(aheads.get(i).ready())) {
                aheads.subList(i + 1, aheads.size()).forEach(Ahead::cancel);
                return;
            }
        }
    }

    /** Starts preparing {@code message} (if any) in the background; {@link Ahead#ready} waits for it. */
    public <T> Ahead<T> ahead(T item, Optional<IncomingMessage> message) {
        return new Ahead<>(item, message.map(this::submit).orElse(null));
    }

    /** An item whose message is being prepared in the background. */
    public static final class Ahead<T> {

        private final T item;
        private final Future<?> preparation;
        private final long handedAt = System.nanoTime();

        private Ahead(T item, Future<?> preparation) {
            this.item = requireNonNull(item, "item is null");
            this.preparation = preparation;
        }

        T item() {
            return item;
        }

        /** When its preparation started ({@link System#nanoTime}). */
        long handedAt() {
            return handedAt;
        }

        /** Waits at most {@code nanos} for the preparation; true when it is done (or failed, or was cancelled). */
        boolean awaitFor(long nanos) throws InterruptedException {
            return await(preparation, nanos);
        }

        /** Whether {@link #ready} returns at once. */
        public boolean isReady() {
            return preparation == null || preparation.isDone();
        }

        /** The item, once its preparation is done (or failed: handling then does the work itself). */
        public T ready() {
            try {
                await(preparation, Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return item;
        }

        private void cancel() {
            if (preparation != null) {
                preparation.cancel(false);
            }
        }
    }

    private Future<?> submit(IncomingMessage message) {
        try {
            return preparers.submit(() -> handler.prepare(message));
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * Waits at most {@code nanos} for a preparation; false when it is still running. One that failed or was cancelled
     * is done too: it costs nothing but time, handling does the work itself.
     */
    private static boolean await(Future<?> preparation, long nanos) throws InterruptedException {
        if (preparation == null) {
            return true;
        }
        try {
            preparation.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            log.debug("Preparing a message failed; it is handled without: {}", e.getCause().toString());
        } catch (CancellationException e) {
            log.debug("Preparing a message was cancelled");
        }
        return true;
    }

    @Override
    public int startOrder() {
        return 60;
    }

    @Override
    public void start() {
        // the threads start with the first batch
    }

    @Override
    public void stop() throws InterruptedException {
        preparers.shutdownNow();
        preparers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
