package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

import jakarta.inject.Inject;

/**
 * Waits between retries: the base doubled per attempt up to a maximum, then a random part of it
 * taken off ("equal jitter"), so that many messages failing together do not retry together.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    @Inject
    Backoff(TelegramSettings settings) {
        this(settings.retryBase(), settings.retryMax(), RandomGenerator.getDefault());
    }

    Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = requireNonNull(base, "base is null");
        this.max = requireNonNull(max, "max is null");
        this.random = requireNonNull(random, "random is null");
    }

    /** The wait after {@code failures} earlier failures (0 for the first retry): between half and all of base·2^failures, capped. */
    Duration delay(int failures) {
        int exponent = Math.min(Math.max(failures, 0), 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
