package nl.luisterloket.bot.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.config.ConfigException;
import nl.luisterloket.bot.config.ConfigLoader;

class HandoverSettingsTest {

    @TempDir
    Path directory;

    @Test
    void teamsAreReadFromTheConfigurationFile() throws IOException {
        HandoverSettings settings = load("""
                handover:
                  teams:
                    - name: Buurtteam Noord
                      groupChatId: "-1001234567890"
                      forumTopics: true
                      members:
                        - {telegramUserId: "123456789", firstName: Sanne}
                      workingHours:
                        - {days: ma-vr, from: "09:00", to: "17:00"}
                        - {days: "sat", from: "10:00", to: "12:30"}
                      lifeDomains: [wonen, buurt]
                    - name: Geldloket
                      lifeDomains: [geld]
                  claimCapPerWorker: 3
                """);

        assertThat(settings.defaultTeam()).isEqualTo("Buurtteam Noord");
        assertThat(settings.claimCapPerWorker()).isEqualTo(3);
        assertThat(settings.reopenWindowDays()).isEqualTo(7);
        TeamSettings noord = settings.team("Buurtteam Noord").orElseThrow();
        assertThat(noord.forumTopics()).isTrue();
        assertThat(noord.members()).extracting(member -> member.firstName()).containsExactly("Sanne");
        assertThat(noord.workingHours().get(0).dayOfWeekSet()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
        assertThat(noord.workingHours().get(1).to()).isEqualTo(LocalTime.of(12, 30));
        assertThat(settings.teamFor(List.of("geld", "wonen"))).isEqualTo("Geldloket");
        assertThat(settings.teamFor(List.of("eten", "geld"))).isEqualTo("Buurtteam Noord");
    }

    @Test
    void theShippedConfigurationLoads() {
        HandoverSettings settings = new ConfigLoader(Map.of()).load(Path.of("..", "config", "luisterloket.yml"), false).handover();

        assertThat(settings.teams()).isEmpty();
        assertThat(settings.defaultTeam()).isEqualTo("buurtteam");
    }

    @Test
    void anUnknownDayIsAClearError() {
        assertThatThrownBy(() -> load("""
                handover:
                  teams:
                    - name: Noord
                      workingHours: [{days: monday-friday, from: "09:00", to: "17:00"}]
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown day 'monday'").hasMessageContaining("mon tue wed");
    }

    @Test
    void aDefaultTeamThatIsNoTeamIsAClearError() {
        assertThatThrownBy(() -> load("""
                handover:
                  teams: [{name: Noord}]
                  defaultTeam: Zuid
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("defaultTeam 'Zuid' is not one of the teams");
    }

    @Test
    void nextOpeningSkipsTheWeekend() {
        TeamSettings team = new TeamSettings("Noord", null, false, List.of(),
                List.of(new WorkingPeriod("mon-fri", LocalTime.of(9, 0), LocalTime.of(17, 0))), List.of());
        TeamHours hours = new TeamHours(ZoneId.of("Europe/Amsterdam"));
        Instant fridayEvening = Instant.parse("2026-11-27T17:30:00Z");

        assertThat(hours.isOpen(team, fridayEvening)).isFalse();
        assertThat(hours.isOpen(team, Instant.parse("2026-11-27T15:59:00Z"))).isTrue();
        assertThat(hours.nextOpening(team, fridayEvening).orElseThrow().toString()).startsWith("2026-11-30T09:00+01:00");
    }

    private HandoverSettings load(String yaml) throws IOException {
        Path file = directory.resolve("luisterloket.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of()).load(file, false).handover();
    }
}
