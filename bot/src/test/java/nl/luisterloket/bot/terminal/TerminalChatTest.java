package nl.luisterloket.bot.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.index.ServiceDirectory;

/** A scripted conversation through the terminal channel, on the sample knowledge base, as `./luisterloket chat` runs it. */
class TerminalChatTest {

    private static final Clock WEDNESDAY_MORNING = Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), ZoneId.of("Europe/Amsterdam"));

    @TempDir
    Path dataDirectory;

    @Test
    void pipedQuestionAboutDebtsIsWelcomedAndAnsweredWithADebtService() {
        String output = chat("hallo\nik heb schulden\n");

        assertThat(output).contains("Luisterloket");
        // an answer with a debt service, or a clarifying question offering the money domain
        assertThat(output).containsAnyOf("Schuldhulpverlening Lindestad", "Geldfit", "Nibud", "Geld en schulden");
        assertThat(output).contains("[1]");
    }

    @Test
    void typedNumberPressesAButtonAndEndOfInputEndsTheChat() {
        String output = chat("ik heb schulden\n3\n");

        assertThat(output).contains("jij> 3");
        assertThat(output.indexOf("jij> 3")).isGreaterThan(output.indexOf("[3]"));
    }

    @Test
    void stateIsKeptInTheDatabaseAcrossRuns() {
        chat("ik heb schulden\n");
        String second = chat("dank je wel\n");

        assertThat(second).doesNotContain("Vertel in je eigen woorden");
    }

    @Test
    void aRestartTakesTheIndexKeptBesideTheDatabase() {
        startAndStop();
        assertThat(dataDirectory.resolve("index")).isDirectory();

        assertThat(startAndStop()).as("a restart takes the kept index").isTrue();
        assertThat(chat("ik heb schulden\n")).containsAnyOf("Schuldhulpverlening Lindestad", "Geldfit", "Nibud", "Geld en schulden");
    }

    /** Starts and stops the desk; returns whether the index was taken from the snapshot. */
    private boolean startAndStop() {
        Injector injector = Application.create(configFor(dataDirectory), WEDNESDAY_MORNING, List.of());
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();
        try {
            return injector.getInstance(ServiceDirectory.class).takenFromSnapshot();
        } finally {
            lifecycle.stop();
        }
    }

    private String chat(String input) {
        LuisterloketConfig config = configFor(dataDirectory);
        Injector injector = Application.create(config, WEDNESDAY_MORNING, List.of());
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        lifecycle.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new TerminalChat(injector.getInstance(IncomingMessageHandler.class), injector.getInstance(Database.class),
                    injector.getInstance(Outbox.class), WEDNESDAY_MORNING, out, "tester", "nl")
                    .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), true);
        } finally {
            lifecycle.stop();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static LuisterloketConfig configFor(Path dataDirectory) {
        return new ConfigLoader(Map.of(
                "LUISTERLOKET_DATA_DIRECTORY", dataDirectory.toString(),
                "LUISTERLOKET_KNOWLEDGE_BASE_SAMPLE_FILE", "../knowledge-base/sample/services.json",
                "LUISTERLOKET_MATCHING_CONFIG_DIRECTORY", "../config"))
                .load(Path.of("..", "config", "luisterloket.yml"), false);
    }
}
