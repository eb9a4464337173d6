package nl.luisterloket.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.luisterloket.knowledge.understanding.Decision;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

class MetricsTest {

    private final Metrics metrics = new Metrics();

    @Test
    void timedUnderstandingRecordsSearchLatencyAndAnswersTheSame() {
        Understanding noMatch = new Understanding(Decision.NO_MATCH, List.of(), Set.of(), List.of(), "nl", Set.of(), null);
        MessageUnderstanding timed = metrics.timing((text, context) -> noMatch);

        assertThat(timed.understand("ik heb schulden", UnderstandingContext.FIRST_MESSAGE)).isSameAs(noMatch);
        timed.understand("huur", UnderstandingContext.FIRST_MESSAGE);

        assertThat(metrics.render()).contains("\nluisterloket_search_latency_seconds_count 2\n");
    }

    @Test
    void countersAndLatenciesRenderInPrometheusTextFormat() {
        metrics.increment(Metrics.MESSAGES_IN);
        metrics.increment(Metrics.MESSAGES_IN);
        metrics.recordLatency(Metrics.HANDLING_LATENCY, Duration.ofMillis(250));
        metrics.recordLatency(Metrics.HANDLING_LATENCY, Duration.ofMillis(750));

        assertThat(metrics.render())
                .contains("# TYPE luisterloket_messages_in_total counter\nluisterloket_messages_in_total 2\n")
                .contains("# TYPE luisterloket_message_handling_seconds summary\n")
                .contains("luisterloket_message_handling_seconds_count 2\n")
                .contains("luisterloket_message_handling_seconds_sum 1.0\n")
                .contains("luisterloket_message_handling_seconds_max 0.75\n");
    }
}
