package nl.luisterloket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    private static Set<Path> generatedDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(TEMPORARY)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("luisterloket-bench-")).collect(Collectors.toSet());
        }
    }
}
