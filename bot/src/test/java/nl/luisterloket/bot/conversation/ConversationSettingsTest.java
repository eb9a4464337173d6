package nl.luisterloket.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.GeoPoint;
import nl.luisterloket.bot.config.ConfigException;
import nl.luisterloket.bot.config.ConfigLoader;

class ConversationSettingsTest {

    @TempDir
    Path directory;

    @Test
    void theShippedConfigurationKnowsTheSampleCitysNeighbourhoodsAndAreas() {
        ConversationSettings settings = new ConfigLoader(Map.of()).load(repositoryFile("config/luisterloket.yml"), false).conversation();

        assertThat(settings.neighbourhoods()).hasSize(7).contains("Kanaalzijde", "Bosrand");
        assertThat(settings.areas()).extracting(Area::name).containsExactlyElementsOf(settings.neighbourhoods());
        assertThat(settings).isEqualTo(ConversationSettings.defaults());
    }

    @Test
    void areasAndThresholdsCanBeConfiguredAndOverriddenFromTheEnvironment() throws IOException {
        Path file = directory.resolve("luisterloket.yml");
        Files.writeString(file, """
                conversation:
                  followUpDays: 5
                  neighbourhoods: [Bloemhof, Charlois]
                  areas:
                    - {name: Bloemhof, latitude: 51.895, longitude: 4.500, radiusMetres: 600}
                """);

        ConversationSettings settings = new ConfigLoader(Map.of("LUISTERLOKET_CONVERSATION_IDLE_MINUTES", "30")).load(file, false)
                .conversation();

        assertThat(settings.followUpDays()).isEqualTo(5);
        assertThat(settings.idleMinutes()).isEqualTo(30);
        assertThat(settings.neighbourhoods()).containsExactly("Bloemhof", "Charlois");
        assertThat(settings.areas().get(0).contains(new GeoPoint(51.896, 4.501))).isTrue();
        assertThat(settings.areas().get(0).contains(new GeoPoint(51.92, 4.5))).isFalse();
    }

    @Test
    void anAreaWithoutRadiusOrAZeroFollowUpIsRefusedWithTheKeyNamed() throws IOException {
        Path file = directory.resolve("luisterloket.yml");
        Files.writeString(file, "conversation:\n  areas:\n    - {name: Bloemhof, latitude: 51.9, longitude: 4.5, radiusMetres: 0}\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("radiusMetres");

        Files.writeString(file, "conversation:\n  followUpDays: 0\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("followUpDays");
    }

    private static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("cannot find " + relative);
    }
}
