package nl.luisterloket.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Results prepared ahead are taken once each, and a resident's text is not held after its message went elsewhere. */
class PreparedResultsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger worked = new AtomicInteger();
    private final PreparedResults<String, Integer> results = new PreparedResults<>(now::get);

    private Integer work(String text) {
        return worked.incrementAndGet();
    }

    @Test
    void aPreparedResultIsTakenOnceForEachTimeItWasPrepared() {
        results.prepare("help", this::work);
        results.prepare("help", this::work);

        assertThat(results.take("help", this::work)).isEqualTo(1);
        assertThat(results.take("help", this::work)).as("the second preparation's turn").isEqualTo(1);
        assertThat(results.take("help", this::work)).as("not prepared a third time: worked out now").isEqualTo(2);
        assertThat(results.waiting()).isZero();
    }

    @Test
    void aResultNobodyTakesIsDroppedAfterAMinuteEvenWhenFewWait() {
        results.prepare("ik wil niet meer leven", this::work);
        now.addAndGet(61 * SECOND);

        results.take("hoi", this::work);

        assertThat(results.waiting()).as("the text whose message went to a worker is gone").isZero();
    }

    @Test
    void aResultWithinItsMinuteStays() {
        results.prepare("ik heb schulden", this::work);
        now.addAndGet(30 * SECOND);

        results.prepare("hoi", this::work);

        assertThat(results.waiting()).isEqualTo(2);
        assertThat(results.take("ik heb schulden", this::work)).isEqualTo(1);
    }
}
