package nl.luisterloket.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final RateLimits limits = new RateLimits(Duration.ofSeconds(1), 20, 30);

    @Test
    void oneChatGetsAtMostOneMessageASecond() {
        limits.recordSent("1001", NOW);

        assertThat(limits.waitFor("1001", NOW.plusMillis(400))).isEqualTo(Duration.ofMillis(600));
        assertThat(limits.waitFor("1002", NOW.plusMillis(400))).isZero();
        assertThat(limits.waitFor("1001", NOW.plusSeconds(1))).isZero();
    }

    @Test
    void aGroupGetsAtMostTwentyMessagesAMinute() {
        RateLimits groupOnly = new RateLimits(Duration.ZERO, 20, 1000);
        for (int index = 0; index < 20; index++) {
            groupOnly.recordSent("-100123", NOW.plusSeconds(index));
        }

        assertThat(groupOnly.waitFor("-100123", NOW.plusSeconds(20))).isEqualTo(Duration.ofSeconds(40));
        assertThat(groupOnly.waitFor("-100123", NOW.plusSeconds(60))).isZero();
        assertThat(groupOnly.waitFor("1001", NOW.plusSeconds(20))).isZero();
    }

    @Test
    void overallAtMostThirtyMessagesASecond() {
        RateLimits overall = new RateLimits(Duration.ZERO, 20, 30);
        for (int index = 0; index < 30; index++) {
            overall.recordSent(Integer.toString(2000 + index), NOW.plusMillis(index));
        }

        assertThat(overall.waitFor("9999", NOW.plusMillis(30))).isEqualTo(Duration.ofMillis(970));
        assertThat(overall.waitFor("9999", NOW.plusMillis(1000))).isZero();
    }

    @Test
    void retryAfterFromTelegramHoldsTheChat() {
        limits.pause("1001", Duration.ofSeconds(7), NOW);

        assertThat(limits.waitFor("1001", NOW.plusSeconds(2))).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.waitFor("1002", NOW.plusSeconds(2))).isZero();
    }
}
