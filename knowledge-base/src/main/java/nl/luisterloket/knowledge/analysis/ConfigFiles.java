package nl.luisterloket.knowledge.analysis;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The matcher's editable configuration files (synonyms/, signals/): read from the configured directory, falling back
 * to the copy shipped inside the jar when the directory lacks a file, so a bare jar still understands messages.
 */
public final class ConfigFiles {

    private static final String BUNDLED = "/luisterloket-config/";

    private final Path directory;

    public ConfigFiles(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public Path directory() {
        return directory;
    }

    /** Where a file is read from, for messages: the path, or "bundled:..." for the copy in the jar. */
    public String describe(String relativePath) {
        Path file = directory.resolve(relativePath);
        return Files.isRegularFile(file) ? file.toString() : "bundled:" + relativePath;
    }

    /** The whole text of the file, or throws when neither the directory nor the jar has it. */
    public String read(String relativePath) {
        Path file = directory.resolve(relativePath);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = ConfigFiles.class.getResourceAsStream(BUNDLED + relativePath)) {
                if (in == null) {
                    throw new IllegalStateException("matcher configuration file missing: " + file + " (and no bundled copy)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The meaningful lines: trimmed, without blank lines and {@code #} comments. */
    public List<String> lines(String relativePath) {
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(read(relativePath)))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStreamReader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
