package nl.luisterloket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class BenchmarksCommandTest {

    private static final Path TEMPORARY = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path directory;

    @Test
    void aPipelineRunDeletesTheDataItGeneratedInATemporaryDirectory() throws IOException {
        Set<Path> before = generatedDirectories();

        int exitCode = new CommandLine(new BenchmarksCommand()).execute("pipeline", "--config", "../config/luisterloket.yml",
                "--services", "100", "--residents", "100", "--rate", "10", "--warmup", "0", "--seconds", "1");

        assertThat(exitCode).isZero();
        assertThat(generatedDirectories()).as("temporary data directories left behind").isSubsetOf(before);
    }

    @Test
    void dataInADirectoryGivenByTheUserIsKept() {
        Path data = directory.resolve("data");

        int exitCode = new CommandLine(new BenchmarksCommand()).execute("pipeline", "--config", "../config/luisterloket.yml",
                "--data", data.toString(), "--services", "100", "--residents", "100", "--rate", "10", "--warmup", "0", "--seconds", "1");

        assertThat(exitCode).isZero();
        assertThat(data.resolve("luisterloket.db")).exists();
        assertThat(data.resolve("services.json")).exists();
    }

    @Test
    void aRetentionRunSaysHowLongAWriteWaitedMeanwhile() {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exitCode = new CommandLine(new BenchmarksCommand()).execute("retention", "--config", "../config/luisterloket.yml",
                    "--data", directory.resolve("data").toString(), "--services", "100", "--residents", "100", "--days-past-limit", "0,3");
        } finally {
            System.setOut(standardOut);
        }

        assertThat(exitCode).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("retention with 0 days past the limit: ran ")
                .containsPattern("retention with 3 days past the limit: ran \\d+ ms \\(days counted [1-9], .*message texts deleted [1-9]")
                .contains("a write meanwhile waited p50 ");
    }

    private static Set<Path> generatedDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(TEMPORARY)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("luisterloket-bench-")).collect(Collectors.toSet());
        }
    }
}
