package nl.luisterloket.bot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path directory;

    @Test
    void emptyDatabaseGetsTheWholeSchemaInWalMode() {
        try (Database database = Database.open(directory.resolve("data/luisterloket.db"))) {
            List<String> tables = database.read(connection -> {
                List<String> names = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                return names;
            });
            String journalMode = database.read(connection -> single(connection.createStatement(), "PRAGMA journal_mode"));
            String foreignKeys = database.read(connection -> single(connection.createStatement(), "PRAGMA foreign_keys"));

            assertThat(tables).contains("residents", "conversations", "messages", "cases", "workers", "services",
                    "service_revisions", "audit_log", "channel_offsets", "processed_updates", "outbox");
            assertThat(journalMode).isEqualTo("wal");
            assertThat(foreignKeys).isEqualTo("1");
        }
    }

    @Test
    void everyForeignKeyIsIndexedSoLookupsAndCascadesDoNotSearchWholeTables() {
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            List<String> unindexed = database.read(connection -> {
                List<String> missing = new ArrayList<>();
                try (PreparedStatement keys = connection.prepareStatement(
                        "SELECT m.name, k.\"from\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) k WHERE m.type = 'table'"
                                + " AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) i JOIN pragma_index_info(i.name) c"
                                + " WHERE c.seqno = 0 AND c.name = k.\"from\")"
                                + " AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) t WHERE t.pk = 1 AND t.name = k.\"from\")");
                     ResultSet rows = keys.executeQuery()) {
                    while (rows.next()) {
                        missing.add(rows.getString(1) + "." + rows.getString(2));
                    }
                }
                return missing;
            });

            assertThat(unindexed).isEmpty();
        }
    }

    @Test
    void theSameQueryRunsInsideItsOwnLoopAndAReturnedStatementForgetsItsParameters() {
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO channel_offsets (channel, next_offset) VALUES ('a', 1), ('b', 2)");
                }
                return null;
            });
            String select = "SELECT next_offset FROM channel_offsets WHERE channel = ?";
            List<Long> pairs = database.read(connection -> {
                List<Long> found = new ArrayList<>();
                try (PreparedStatement outer = connection.prepareStatement("SELECT channel FROM channel_offsets ORDER BY channel");
                     ResultSet channels = outer.executeQuery()) {
                    while (channels.next()) {
                        // the same SQL while an earlier use of it may still be open: each gets its own statement
                        try (PreparedStatement first = connection.prepareStatement(select);
                             PreparedStatement second = connection.prepareStatement(select)) {
                            first.setString(1, channels.getString(1));
                            second.setString(1, "a");
                            found.add(single(first));
                            found.add(single(second));
                        }
                    }
                }
                return found;
            });
            boolean forgotten = database.read(connection -> {
                // SQLite reads a parameter never set as NULL, which matches no channel
                try (PreparedStatement again = connection.prepareStatement(select); ResultSet rows = again.executeQuery()) {
                    return !rows.next();
                }
            });

            assertThat(pairs).containsExactly(1L, 1L, 2L, 1L);
            assertThat(forgotten).as("a parameter set by an earlier use is not carried over").isTrue();
            // the pooled statements left nothing open: a write transaction still commits
            database.inTransaction(connection -> connection.createStatement().executeUpdate(
                    "UPDATE channel_offsets SET next_offset = 3 WHERE channel = 'a'"));
        }
    }

    private static long single(PreparedStatement statement) throws java.sql.SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsRowsAndMigratesNothingTwice() {
        Path file = directory.resolve("luisterloket.db");
        try (Database database = Database.open(file)) {
            database.inTransaction(connection -> connection.createStatement().executeUpdate(
                    "INSERT INTO channel_offsets (channel, next_offset) VALUES ('telegram', 42)"));
        }
        try (Database database = Database.open(file)) {
            String offset = database.read(connection -> single(connection.createStatement(),
                    "SELECT next_offset FROM channel_offsets WHERE channel = 'telegram'"));
            String migrations = database.read(connection -> single(connection.createStatement(),
                    "SELECT count(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'"));

            assertThat(offset).isEqualTo("42");
            assertThat(migrations).isEqualTo("1");
        }
    }

    @Test
    void failedTransactionLeavesNothingBehind() {
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            assertThatThrownBy(() -> database.inTransaction(connection -> {
                connection.createStatement().executeUpdate("INSERT INTO channel_offsets (channel, next_offset) VALUES ('a', 1)");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");

            String count = database.read(connection -> single(connection.createStatement(), "SELECT count(*) FROM channel_offsets"));
            assertThat(count).isEqualTo("0");
        }
    }

    @Test
    void aFailingOuterTransactionUndoesItsInnerOnes() {
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            assertThatThrownBy(() -> database.inTransaction(outer -> {
                database.inTransaction(inner -> inner.createStatement().executeUpdate(
                        "INSERT INTO channel_offsets (channel, next_offset) VALUES ('inner', 1)"));
                throw new IllegalStateException("outer fails");
            })).hasMessage("outer fails");

            String count = database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM channel_offsets")) {
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getString(1);
                    }
                }
            });
            assertThat(count).isEqualTo("0");
        }
    }

    @Test
    void aFailedInnerTransactionIsUndoneAloneAndTheOuterOneGoesOn() {
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            List<String> ranAfterCommit = new ArrayList<>();
            database.inTransaction(outer -> {
                insertOffset(outer, "before");
                assertThatThrownBy(() -> database.inTransaction(inner -> {
                    insertOffset(inner, "failed");
                    database.afterCommit(() -> ranAfterCommit.add("failed"));
                    throw new IllegalStateException("inner fails");
                })).hasMessage("inner fails");
                database.inTransaction(inner -> {
                    insertOffset(inner, "after");
                    database.afterCommit(() -> ranAfterCommit.add("after"));
                    return null;
                });
                return null;
            });

            String channels = database.read(connection -> single(connection.createStatement(),
                    "SELECT group_concat(channel, ',') FROM (SELECT channel FROM channel_offsets ORDER BY channel)"));
            assertThat(channels).isEqualTo("after,before");
            assertThat(ranAfterCommit).containsExactly("after");
        }
    }

    @Test
    void theJournalOfAnInnerTransactionIsKeptInMemoryNotInATemporaryFile() {
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            // 2 is MEMORY: a savepoint journals every page it changes, which cost four disk writes per WAL frame
            String tempStore = database.<String>inTransaction(outer -> database.inTransaction(
                    inner -> single(inner.createStatement(), "PRAGMA temp_store")));
            String readersTempStore = database.read(connection -> single(connection.createStatement(), "PRAGMA temp_store"));
            assertThat(tempStore).isEqualTo("2");
            assertThat(readersTempStore).isEqualTo("2");
        }
    }

    @Test
    void readsSeeTheLastCommitWithoutWaitingForTheWriterAndTheWriterSeesItsOwnWrites() throws Exception {
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            database.inTransaction(connection -> insertOffset(connection, "committed"));
            java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch readDone = new java.util.concurrent.CountDownLatch(1);
            String countSql = "SELECT count(*) FROM channel_offsets";
            Thread writer = new Thread(() -> database.inTransaction(connection -> {
                insertOffset(connection, "uncommitted");
                String own = database.read(connection2 -> single(connection2.createStatement(), countSql));
                assertThat(own).as("its own write").isEqualTo("2");
                writing.countDown();
                try {
                    assertThat(readDone.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the reader did not wait").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            writer.start();
            assertThat(writing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            String seen = database.read(connection -> single(connection.createStatement(), countSql));
            readDone.countDown();
            writer.join(10_000);

            assertThat(seen).as("the last committed state, while the writer holds its transaction open").isEqualTo("1");
            String afterCommit = database.read(connection -> single(connection.createStatement(), countSql));
            assertThat(afterCommit).isEqualTo("2");
            assertThatThrownBy(() -> database.read(connection -> insertOffset(connection, "sneaked in")))
                    .as("a read cannot write").isInstanceOf(StorageException.class);
        }
    }

    private static int insertOffset(java.sql.Connection connection, String channel) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO channel_offsets (channel, next_offset) VALUES (?, 1)")) {
            insert.setString(1, channel);
            return insert.executeUpdate();
        }
    }

    private static String single(Statement statement, String sql) throws java.sql.SQLException {
        try (statement; ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
