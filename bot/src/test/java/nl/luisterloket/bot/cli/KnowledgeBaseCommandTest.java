package nl.luisterloket.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class KnowledgeBaseCommandTest {

    private static final Path SAMPLE = Path.of("..", "knowledge-base", "sample", "services.json").toAbsolutePath();

    @TempDir
    Path directory;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        config = directory.resolve("luisterloket.yml");
        Files.writeString(config, "dataDirectory: " + directory.resolve("data") + "\n");
    }

    @Test
    void importOfTheSampleThenAnEditedCsvShowsChangesInDryRunAndHistory() throws IOException {
        assertThat(run("kb", "import", SAMPLE.toString())).isZero();
        assertThat(out.toString()).contains("added: 67");

        Path csv = directory.resolve("kaart.csv");
        assertThat(run("kb", "export", "-o", csv.toString())).isZero();
        String edited = Files.readString(csv).replace("Bel 112 als er nu levensgevaar is", "Bel 112 bij levensgevaar");
        Files.writeString(csv, edited);

        out.getBuffer().setLength(0);
        assertThat(run("kb", "import", "--dry-run", csv.toString())).isZero();
        assertThat(out.toString()).contains("Dry run: nothing was changed", "would change: 1", "alarmnummer-112", "unchanged: 66");
        out.getBuffer().setLength(0);
        run("kb", "history", "alarmnummer-112");
        assertThat(out.toString().lines()).hasSize(1);

        out.getBuffer().setLength(0);
        assertThat(run("kb", "import", csv.toString())).isZero();
        assertThat(out.toString()).contains("changed: 1");
        out.getBuffer().setLength(0);
        run("kb", "history", "alarmnummer-112");
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString().lines().toList().get(1)).contains("changed summary", "import kaart.csv: changed");
    }

    @Test
    void aBadCsvRowIsNamedAndNothingIsImported() throws IOException {
        Path csv = directory.resolve("kaart.csv");
        Files.writeString(csv, """
                id,name,summary,categories,contact.phone
                goed,Goed,Prima.,eten,020-1
                fout,Fout,Fout.,eten,
                leeg,,Geen naam.,eten,020-2
                """);

        int exitCode = run("kb", "import", csv.toString());

        assertThat(exitCode).isEqualTo(LuisterloketCommand.EXIT_BAD_CONFIGURATION);
        assertThat(err.toString()).contains("kaart.csv, row 4 (id 'leeg'): name: is required");
        out.getBuffer().setLength(0);
        run("kb", "list");
        assertThat(out.toString()).contains("0 of 0 services");
    }

    @Test
    void validateReportsProblemsOfEveryFileAtOnce() throws IOException {
        Path json = directory.resolve("a.json");
        Files.writeString(json, "[{\"id\": \"x\", \"name\": \"X\", \"summary\": \"Y\", \"categories\": [\"money\"]}]");
        Path csv = directory.resolve("b.csv");
        Files.writeString(csv, "id,name,summary,categories\ny,Y,Z,eten\nz,Z,,eten\n");

        int exitCode = run("kb", "validate", json.toString(), csv.toString());

        assertThat(exitCode).isEqualTo(LuisterloketCommand.EXIT_BAD_CONFIGURATION);
        assertThat(err.toString()).contains("a.json: entry 0 (id 'x'): categories[0]: unknown category 'money'",
                "b.csv, row 3 (id 'z'): summary: is required");
    }

    @Test
    void showPrintsTheServiceAndItsRevision() {
        run("kb", "import", SAMPLE.toString());
        out.getBuffer().setLength(0);

        assertThat(run("kb", "show", "alarmnummer-112")).isZero();
        assertThat(out.toString()).contains("\"id\" : \"alarmnummer-112\"", "revision 1");
        assertThat(run("kb", "show", "bestaat-niet")).isEqualTo(1);
        assertThat(err.toString()).contains("no service with id 'bestaat-niet'");
    }

    private int run(String... args) {
        CommandLine commandLine = LuisterloketCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config.toString();
        return commandLine.execute(withConfig);
    }
}
