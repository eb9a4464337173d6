package nl.luisterloket.knowledge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the repository's files and the shared benchmark, wherever Maven runs them from. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The repository root: the nearest parent holding config/signals. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config/signals"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    public static Path configDirectory() {
        return repositoryRoot().resolve("config");
    }

    /** The shared benchmark (a {@code shared/benchmark} directory beside or above the repository); skips the test when absent. */
    public static Path sharedBenchmark() {
        for (Path dir = repositoryRoot(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/benchmark");
            if (Files.isRegularFile(candidate.resolve("questions.jsonl"))) {
                return candidate;
            }
        }
        assumeTrue(false, "shared benchmark not present");
        return null;
    }
}
