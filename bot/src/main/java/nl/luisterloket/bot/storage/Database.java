package nl.luisterloket.bot.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.dbcp2.DelegatingPreparedStatement;
import org.apache.commons.dbcp2.PoolingConnection;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database: WAL, {@code synchronous=NORMAL}, foreign keys on, a busy timeout, and one
 * writer path ({@code BEGIN IMMEDIATE}) so that transactions in this process never deadlock. Reads
 * outside a write transaction go to read-only connections of their own: in WAL mode they read
 * the last committed state while the writer writes, instead of queueing for its lock.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** More than the distinct statements the desk runs, so the hot ones stay compiled. */
    private static final int MAX_POOLED_STATEMENTS = 500;
    /** Read connections at most; more readers at once wait for one. */
    private static final int READERS = 4;

    private final Path file;
    private final Connection connection;
    /** Fair: the writer of incoming messages works back to back and would otherwise starve the sender and readers. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final GenericObjectPool<Connection> readers;

    private Database(Path file, String url, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.readers = readerPool(file, url);
    }

    /** Read-only connections, opened on first use: a desk that only writes (a CLI command) never opens one. */
    private static GenericObjectPool<Connection> readerPool(Path file, String url) {
        GenericObjectPoolConfig<Connection> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(READERS);
        config.setMaxIdle(READERS);
        config.setBlockWhenExhausted(true);
        config.setJmxEnabled(false);
        return new GenericObjectPool<>(new BasePooledObjectFactory<>() {
            @Override
            public Connection create() throws SQLException {
                Connection reader = withStatementPool(
                        DriverManager.getConnection(url, settings(SQLiteConfig.TransactionMode.DEFERRED).toProperties()));
                try (Statement statement = reader.createStatement()) {
                    statement.execute("PRAGMA query_only = true");
                }
                log.debug("Opened a read connection to {}", file);
                return reader;
            }

            @Override
            public PooledObject<Connection> wrap(Connection reader) {
                return new DefaultPooledObject<>(reader);
            }

            @Override
            public void destroyObject(PooledObject<Connection> reader) throws SQLException {
                reader.getObject().close();
            }
        }, config);
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        requireNonNull(file, "file is null");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory for " + file, e);
        }
        String url = "jdbc:sqlite:" + file;
        migrate(url);
        try {
            Connection connection = withStatementPool(
                    DriverManager.getConnection(url, settings(SQLiteConfig.TransactionMode.IMMEDIATE).toProperties()));
            connection.setAutoCommit(true);
            log.debug("Opened database {}", file);
            return new Database(file, url, connection);
        } catch (SQLException e) {
            throw new StorageException("cannot open the database " + file, e);
        }
    }

    private static SQLiteConfig settings(SQLiteConfig.TransactionMode transactions) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(transactions);
        // the savepoint of each update in a shared transaction journals every page it changes; in a temporary file
        // that was four writes to disk for each one to the WAL
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // nothing asks for generated keys; with them on, the driver runs one more query after every insert
        config.setGetGeneratedKeys(false);
        return config;
    }

    /**
     * The same SQL text gets the same compiled statement back: the driver compiles every statement anew, which was the
     * largest part of the work of the writer of incoming messages. Closing a statement returns it with its parameters
     * cleared and its results closed; a statement still in use when the same SQL is asked for again gets a twin.
     */
    private static Connection withStatementPool(Connection connection) {
        PoolingConnection pooling = new PoolingConnection(connection);
        GenericKeyedObjectPoolConfig<DelegatingPreparedStatement> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotalPerKey(-1);
        config.setBlockWhenExhausted(false);
        config.setMaxWait(Duration.ZERO);
        config.setMaxIdlePerKey(1);
        config.setMaxTotal(MAX_POOLED_STATEMENTS);
        pooling.setStatementPool(new GenericKeyedObjectPool<>(pooling, config));
        pooling.setCacheState(false);
        return pooling;
    }

    private static void migrate(String url) {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one write transaction: all of it is committed, or none of it. Called
     * again from inside {@code work}, the inner work runs in a savepoint of the outer transaction:
     * when it fails, its writes (and its after-commit actions) are undone and the outer work goes on.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        if (lock.getHoldCount() > 1) {
            try {
                return inSavepoint(work);
            } finally {
                lock.unlock();
            }
        }
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                runAfterCommit();
                return result;
            } catch (SQLException | RuntimeException e) {
                afterCommit.clear();
                rollbackQuietly(e);
                if (e instanceof SQLException sqlException) {
                    throw new StorageException("database transaction failed", sqlException);
                }
                throw (RuntimeException) e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database transaction failed", e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T inSavepoint(SqlWork<T> work) {
        int actionsBefore = afterCommit.size();
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.apply(connection);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback(savepoint);
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                afterCommit.subList(actionsBefore, afterCommit.size()).clear();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("database transaction failed", e);
        }
    }

    /**
     * Runs {@code action} once the current write transaction has committed, or at once when none is open
     * on this thread; dropped when it rolls back. For keeping in-memory state (a search index) in step
     * with committed rows only.
     */
    public void afterCommit(Runnable action) {
        requireNonNull(action, "action is null");
        if (lock.isHeldByCurrentThread() && isInTransaction()) {
            afterCommit.add(action);
        } else {
            action.run();
        }
    }

    private boolean isInTransaction() {
        try {
            return !connection.getAutoCommit();
        } catch (SQLException e) {
            throw new StorageException("cannot read the transaction state", e);
        }
    }

    private void runAfterCommit() {
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("An after-commit action failed", e);
            }
        }
    }

    /**
     * Runs read-only {@code work}; it sees a consistent snapshot: the last committed state, or, inside this thread's
     * write transaction, that transaction's own writes.
     */
    public <T> T read(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return readOnWriteConnection(work);
        }
        Connection reader;
        try {
            reader = readers.borrowObject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return readOnWriteConnection(work);
        } catch (Exception e) {
            throw new StorageException("cannot get a read connection to " + file, e);
        }
        try {
            return readOn(reader, work);
        } finally {
            readers.returnObject(reader);
        }
    }

    private <T> T readOnWriteConnection(SqlWork<T> work) {
        lock.lock();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException("database read failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** One read transaction ({@code BEGIN DEFERRED}), so all of {@code work} sees the same committed state. */
    private static <T> T readOn(Connection reader, SqlWork<T> work) {
        try {
            reader.setAutoCommit(false);
            try {
                return work.apply(reader);
            } finally {
                reader.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database read failed", e);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            readers.close();
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA optimize");
            }
            connection.close();
            log.debug("Closed database {}", file);
        } catch (SQLException e) {
            log.warn("Closing the database {} failed", file, e);
        } finally {
            lock.unlock();
        }
    }
}
