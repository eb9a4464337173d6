package nl.luisterloket.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.benchmarks.data.MessageMix;
import nl.luisterloket.benchmarks.data.Province;
import nl.luisterloket.benchmarks.data.Vocabulary;
import nl.luisterloket.benchmarks.data.Workspace;
import nl.luisterloket.benchmarks.data.WorkspacePreparation;

/** A two-second version of the pipeline benchmark, Telegram updates to sent replies: the harness works end to end. No timing is asserted. */
class PipelineSmokeTest {

    @TempDir
    Path directory;

    @Test
    void everyMessageDrivenThroughTheDeskIsPersistedAndAnswered() {
        Workspace workspace = new Workspace(directory, Path.of("../config/luisterloket.yml"));
        new WorkspacePreparation(Vocabulary.builtIn(), Clock.systemUTC()).prepare(workspace, 100, 100, 42);
        List<String> messages = new MessageMix(Vocabulary.builtIn(), Province.invented()).messages(100, 3);
        PipelineLoadDriver.Settings settings = new PipelineLoadDriver.Settings(100, 10, 10, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 8, new PipelineLoadDriver.Burst(20, Duration.ofMillis(500)));

        Instant started = Instant.now();
        PipelineLoadDriver.Result result = PipelineBenchmark.telegram(workspace, settings, messages);

        System.out.println(result.describe());
        assertThat(result.failed()).isZero();
        assertThat(result.submitted()).isGreaterThanOrEqualTo(8);
        assertThat(result.persisted()).isEqualTo(result.submitted());
        assertThat(result.answered()).isEqualTo(result.submitted());
        assertThat(result.unanswered()).isZero();
        assertThat(result.pendingAfterDrain()).isZero();
        assertThat(result.measured()).isPositive();
        assertThat(result.slowest()).hasSize((int) Math.min(result.measured(), 200));
        assertThat(result.slowest()).isSortedAccordingTo(
                java.util.Comparator.comparingDouble(PipelineLoadDriver.SlowMessage::latencyMillis).reversed());
        assertThat(messages).contains(result.slowest().get(0).text());
        assertThat(result.slowest().get(0).latencyMillis()).isLessThanOrEqualTo(result.max());
        assertThat(result.parts()).hasSize(2).allSatisfy(part -> {
            assertThat(part.p99Millis()).isPositive().isLessThanOrEqualTo(result.max());
            assertThat(part.cpuMillisPerMessage()).isPositive();
            assertThat(part.compilationSeconds()).isNotNegative();
        });
        assertThat(result.describe()).contains("p99 of each part: ", "CPU of each part: ", "JIT compilation in each part: ");
        assertThat(result.windowOpened()).as("to line a run up with samplers outside it").isBetween(started, Instant.now());
        assertThat(result.describe()).contains("measured window opened at ");
        assertThat(result.burst().offered()).isEqualTo(20);
        assertThat(result.burst().lastAnsweredSeconds()).isPositive().isLessThan(result.max() / 1000 + 0.001);
        assertThat(result.describe()).contains("a burst of 20 messages at once: the last of them answered ");
    }
}
