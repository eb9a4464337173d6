package nl.luisterloket.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path directory;

    @Test
    void missingOptionalFileGivesTheDocumentedDefaults() {
        LuisterloketConfig config = new ConfigLoader(Map.of()).load(directory.resolve("absent.yml"), true);

        assertThat(config.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(config.defaultLanguage()).isEqualTo("nl");
        assertThat(config.telegram().enabled()).isFalse();
        assertThat(config.privacy().retentionDays()).isEqualTo(90);
    }

    @Test
    void missingNamedFileIsAnError() {
        Path file = directory.resolve("absent.yml");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.yml")
                .hasMessageContaining("not found");
    }

    @Test
    void unknownKeyNamesTheFileTheKeyAndWhatIsKnown() throws IOException {
        Path file = write("telegram:\n  mdoe: polling\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("telegram")
                .hasMessageContaining("unknown key 'mdoe'")
                .hasMessageContaining("mode");
    }

    @Test
    void wrongTypeNamesTheKeyAndTheExpectedType() throws IOException {
        Path file = write("privacy:\n  retentionDays: lots\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("privacy.retentionDays")
                .hasMessageContaining("a whole number")
                .hasMessageContaining("lots");
    }

    @Test
    void invalidValueNamesTheSectionAndTheRule() throws IOException {
        Path file = write("telegram:\n  mode: carrier-pigeon\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("telegram")
                .hasMessageContaining("'polling' or 'webhook'");
    }

    @Test
    void brokenYamlSaysWhere() throws IOException {
        Path file = write("telegram:\n  mode: [polling\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML at line");
    }

    @Test
    void environmentOverridesAnyScalarKey() throws IOException {
        Path file = write("timeZone: Europe/Amsterdam\nprivacy:\n  retentionDays: 30\n");
        Map<String, String> environment = Map.of(
                "LUISTERLOKET_PRIVACY_RETENTION_DAYS", "14",
                "LUISTERLOKET_TIME_ZONE", "Europe/Brussels",
                "LUISTERLOKET_TELEGRAM_API_URL", "http://127.0.0.1:9999/bot");

        LuisterloketConfig config = new ConfigLoader(environment).load(file, false);

        assertThat(config.privacy().retentionDays()).isEqualTo(14);
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(config.telegram().apiUrl()).isEqualTo("http://127.0.0.1:9999/bot");
    }

    @Test
    void tokenComesFromTheEnvironmentAndNeverShows() throws IOException {
        Path file = write("telegram:\n  enabled: true\n");

        LuisterloketConfig config = new ConfigLoader(Map.of("LUISTERLOKET_TELEGRAM_TOKEN", "123:secret-token")).load(file, false);

        assertThat(config.telegram().token().reveal()).isEqualTo("123:secret-token");
        assertThat(config.toString()).doesNotContain("secret-token");
    }

    @Test
    void tokenCanComeFromATokenFile() throws IOException {
        Path tokenFile = directory.resolve("token");
        Files.writeString(tokenFile, "456:from-file\n");
        Path file = write("telegram:\n  tokenFile: " + tokenFile + "\n");

        LuisterloketConfig config = new ConfigLoader(Map.of()).load(file, false);

        assertThat(config.telegram().token().reveal()).isEqualTo("456:from-file");
    }

    @Test
    void tokenInTheFileIsRefusedWithoutEchoingIt() throws IOException {
        Path file = write("telegram:\n  token: 789:do-not-write-me-here\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LUISTERLOKET_TELEGRAM_TOKEN")
                .hasMessageNotContaining("do-not-write-me-here");
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertThat(ConfigLoader.environmentName(List.of("telegram", "apiUrl"))).isEqualTo("LUISTERLOKET_TELEGRAM_API_URL");
        assertThat(ConfigLoader.environmentName(List.of("dataDirectory"))).isEqualTo("LUISTERLOKET_DATA_DIRECTORY");
    }

    @Test
    void shippedConfigurationLoads() {
        Path shipped = Path.of("..", "config", "luisterloket.yml");

        LuisterloketConfig config = new ConfigLoader(Map.of()).load(shipped, false);

        assertThat(config.defaultLanguage()).isEqualTo("nl");
    }

    private Path write(String yaml) throws IOException {
        Path file = directory.resolve("luisterloket.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
