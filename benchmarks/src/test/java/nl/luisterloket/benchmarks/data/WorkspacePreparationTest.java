package nl.luisterloket.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.storage.Database;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;

class WorkspacePreparationTest {

    static final Path CONFIG = Path.of("../config/luisterloket.yml");

    @TempDir
    Path directory;

    private final WorkspacePreparation preparation = new WorkspacePreparation(Vocabulary.builtIn(),
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void preparedWorkspaceHoldsTheServicesAndResidentsWithTheirHistory() {
        Workspace workspace = new Workspace(directory, CONFIG);

        preparation.prepare(workspace, 300, 150, 42);

        assertThat(new KnowledgeBaseReader().read(workspace.servicesFile())).hasSize(300);
        try (Database database = Database.open(workspace.databaseFile())) {
            assertThat(count(database, "SELECT count(*) FROM services")).isEqualTo(300);
            assertThat(count(database, "SELECT count(*) FROM residents WHERE channel = 'telegram'")).isEqualTo(150);
            assertThat(count(database, "SELECT count(*) FROM conversations WHERE status = 'open'")).isEqualTo(150);
            assertThat(count(database, "SELECT count(*) FROM messages")).isGreaterThanOrEqualTo(150 * 4);
            assertThat(count(database, "SELECT count(*) FROM residents WHERE chat_id = '"
                    + ResidentHistoryGenerator.chatId(149) + "'")).isEqualTo(1);
        }
    }

    @Test
    void theApplicationConfigurationPointsAtTheWorkspace() {
        Workspace workspace = new Workspace(directory, CONFIG);

        LuisterloketConfig config = workspace.loadConfig();

        assertThat(config.databaseFile()).isEqualTo(workspace.databaseFile());
        assertThat(config.knowledgeBase().sampleFile()).isEqualTo(workspace.servicesFile());
    }

    @Test
    void refusesADirectoryThatHoldsADatabaseAlready() {
        Workspace workspace = new Workspace(directory, CONFIG);
        preparation.prepare(workspace, 70, 5, 1);

        assertThatThrownBy(() -> preparation.prepare(workspace, 70, 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists already");
    }

    private static long count(Database database, String sql) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
