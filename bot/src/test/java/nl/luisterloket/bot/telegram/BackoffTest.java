package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(42));

    @Test
    void waitDoublesPerFailureWithJitterBetweenHalfAndAll() {
        for (int failures = 0; failures < 6; failures++) {
            long ceiling = 100L << failures;
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.delay(failures).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void waitNeverExceedsTheMaximumHoweverManyFailures() {
        assertThat(backoff.delay(1000)).isLessThanOrEqualTo(Duration.ofSeconds(5)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void manyRetriesDoNotAllWaitTheSame() {
        long distinct = IntStream.range(0, 20).mapToObj(index -> backoff.delay(3)).distinct().count();

        assertThat(distinct).isGreaterThan(5);
    }
}
