package nl.luisterloket.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.storage.Database;

/** docs/privacy.md names every table and every column the migrations create: nothing is stored undocumented. */
class PrivacyDocumentationTest {

    @TempDir
    Path directory;

    @Test
    void everyStoredTableAndFieldIsDocumented() throws IOException {
        String documentation = Files.readString(TestDesk.repositoryRoot().resolve("docs/privacy.md"), StandardCharsets.UTF_8);
        List<String> undocumented = new ArrayList<>();
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            DatabaseSchema schema = database.read(DatabaseSchema::read);
            for (String table : schema.tables()) {
                if (table.equals("flyway_schema_history")) {
                    continue;
                }
                if (!documentation.contains("`" + table + "`")) {
                    undocumented.add(table);
                }
                for (String column : schema.columnsOf(table)) {
                    if (!documentation.contains("`" + column + "`")) {
                        undocumented.add(table + "." + column);
                    }
                }
            }
        }

        assertThat(undocumented).as("add these to docs/privacy.md: what is stored, why, and for how long").isEmpty();
    }
}
