package nl.luisterloket.bot.routing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The received items not yet handled, handed to the single writer in runs it can write together. Arrival order is
 * kept, with one exception: an item whose preparation is {@linkplain #LATE late} does not hold up the items of other
 * chats behind it. Those of its own chat still wait for it. Understanding a 4,000-character message takes 30 ms, and
 * every resident who wrote after it would otherwise wait that long too. Nobody can tell the order of two chats' messages
 * apart by a few milliseconds; within a chat the order is kept. An item of no chat keeps its place behind everything
 * before it. The writer thread alone uses this; it is not thread-safe.
 */
public final class PreparedRuns<T> {

    /**
     * How long an item's preparation may take before the items of other chats behind it go first: longer than almost
     * every message takes to understand, so runs stay in arrival order and as long as they are.
     */
    public static final Duration LATE = Duration.ofMillis(10);
    /** When everything waiting is late or behind a late item: how long to wait for one to be ready before looking again. */
    private static final long ALL_HELD_BACK_WAIT_NANOS = 1_000_000;

    private final Function<T, Object> chatOf;
    private final long lateNanos;
    private final ArrayDeque<InOrderWithPreparation.Ahead<T>> waiting = new ArrayDeque<>();

    /** @param chatOf the chat an item belongs to, or null for an item that belongs to none */
    public PreparedRuns(Function<T, Object> chatOf) {
        this(chatOf, LATE);
    }

    PreparedRuns(Function<T, Object> chatOf, Duration late) {
        this.chatOf = requireNonNull(chatOf, "chatOf is null");
        this.lateNanos = requireNonNull(late, "late is null").toNanos();
    }

    public void add(InOrderWithPreparation.Ahead<T> ahead) {
        waiting.add(requireNonNull(ahead, "ahead is null"));
    }

    public boolean isEmpty() {
        return waiting.isEmpty();
    }

    public int size() {
        return waiting.size();
    }

    /**
     * Up to {@code max} items whose preparation is done, each after every earlier item of its chat. When none is ready,
     * waits for the oldest until it is ready or late (then the items behind it of other chats may go). Empty when there
     * is nothing or nothing came ready in that wait.
     */
    public List<T> next(int max) throws InterruptedException {
        Taken<T> taken = take(max);
        if (!taken.run().isEmpty() || taken.stoppedAt() == null) {
            return taken.run();
        }
        InOrderWithPreparation.Ahead<T> awaited = taken.stoppedAt();
        long untilLate = lateNanos - (System.nanoTime() - awaited.handedAt());
        awaited.awaitFor(untilLate > 0 ? untilLate : ALL_HELD_BACK_WAIT_NANOS);
        return take(max).run();
    }

    private record Taken<I>(List<I> run, InOrderWithPreparation.Ahead<I> stoppedAt) {
    }

    private Taken<T> take(int max) {
        long now = System.nanoTime();
        List<T> run = new ArrayList<>();
        Set<Object> heldBack = new HashSet<>();
        InOrderWithPreparation.Ahead<T> firstHeldBack = null;
        for (Iterator<InOrderWithPreparation.Ahead<T>> items = waiting.iterator(); items.hasNext() && run.size() < max; ) {
            InOrderWithPreparation.Ahead<T> ahead = items.next();
            Object chat = chatOf.apply(ahead.item());
            if (chat == null && !heldBack.isEmpty()) {
                break;
            }
            if (chat != null && heldBack.contains(chat)) {
                continue;
            }
            if (ahead.isReady()) {
                run.add(ahead.ready());
                items.remove();
            } else if (chat != null && now - ahead.handedAt() >= lateNanos) {
                heldBack.add(chat);
                if (firstHeldBack == null) {
                    firstHeldBack = ahead;
                }
            } else {
                return new Taken<>(run, ahead);
            }
        }
        return new Taken<>(run, run.isEmpty() ? firstHeldBack : null);
    }
}
