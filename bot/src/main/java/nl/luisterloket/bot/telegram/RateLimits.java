package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Telegram's sending limits, kept by the sender: a pause between two messages to one chat, at most
 * so many messages a minute to a group and so many a second overall, and the waits Telegram itself
 * asked for with a 429. Time is passed in, so tests need no clock tricks.
 */
@Singleton
final class RateLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final Duration chatInterval;
    private final int groupPerMinute;
    private final int overallPerSecond;
    private final Map<String, Instant> chatFreeAt = new HashMap<>();
    private final Map<String, Deque<Instant>> groupSends = new HashMap<>();
    private final Deque<Instant> overallSends = new ArrayDeque<>();

    @Inject
    RateLimits(TelegramSettings settings) {
        this(settings.chatInterval(), settings.groupMessagesPerMinute(), settings.messagesPerSecond());
    }

    RateLimits(Duration chatInterval, int groupPerMinute, int overallPerSecond) {
        this.chatInterval = requireNonNull(chatInterval, "chatInterval is null");
        this.groupPerMinute = groupPerMinute;
        this.overallPerSecond = overallPerSecond;
    }

    /** How long to wait before the next message to {@code chatId} may go; zero when it may go now. */
    synchronized Duration waitFor(String chatId, Instant now) {
        Instant free = chatFreeAt.getOrDefault(chatId, Instant.EPOCH);
        free = max(free, windowFreeAt(overallSends, overallPerSecond, SECOND, now));
        if (isGroup(chatId)) {
            free = max(free, windowFreeAt(groupSends.getOrDefault(chatId, new ArrayDeque<>()), groupPerMinute, MINUTE, now));
        }
        return now.isBefore(free) ? Duration.between(now, free) : Duration.ZERO;
    }

    /**
     * Takes a place for one message to {@code chatId} at {@code now} when the limits allow it (zero returned), else
     * returns how long to wait. Checking and taking are one step, so senders working at the same time never pass a
     * limit together; a place taken for a message that then fails stays counted.
     */
    synchronized Duration reserve(String chatId, Instant now) {
        Duration wait = waitFor(chatId, now);
        if (wait.isZero()) {
            recordSent(chatId, now);
        }
        return wait;
    }

    /** Notes one message sent to {@code chatId} at {@code now}. */
    synchronized void recordSent(String chatId, Instant now) {
        chatFreeAt.put(chatId, max(chatFreeAt.getOrDefault(chatId, Instant.EPOCH), now.plus(chatInterval)));
        overallSends.addLast(now);
        trim(overallSends, SECOND, now);
        if (isGroup(chatId)) {
            Deque<Instant> sends = groupSends.computeIfAbsent(chatId, key -> new ArrayDeque<>());
            sends.addLast(now);
            trim(sends, MINUTE, now);
        }
        if (chatFreeAt.size() > 10_000) {
            chatFreeAt.values().removeIf(free -> free.isBefore(now));
            groupSends.values().removeIf(group -> group.isEmpty() || group.peekLast().isBefore(now.minus(MINUTE)));
        }
    }

    /** Telegram answered 429 for {@code chatId}: nothing goes to it before the wait is over. */
    synchronized void pause(String chatId, Duration wait, Instant now) {
        chatFreeAt.put(chatId, max(chatFreeAt.getOrDefault(chatId, Instant.EPOCH), now.plus(wait)));
    }

    /** Telegram groups and channels have negative chat ids; people have positive ones. */
    static boolean isGroup(String chatId) {
        return chatId.startsWith("-");
    }

    private static Instant windowFreeAt(Deque<Instant> sends, int limit, Duration window, Instant now) {
        trim(sends, window, now);
        if (sends.size() < limit) {
            return Instant.EPOCH;
        }
        Instant oldestCounted = sends.stream().skip(sends.size() - limit).findFirst().orElseThrow();
        return oldestCounted.plus(window);
    }

    private static void trim(Deque<Instant> sends, Duration window, Instant now) {
        Instant horizon = now.minus(window);
        while (!sends.isEmpty() && !sends.peekFirst().isAfter(horizon)) {
            sends.removeFirst();
        }
    }

    private static Instant max(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }
}
