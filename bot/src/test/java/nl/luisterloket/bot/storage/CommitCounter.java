package nl.luisterloket.bot.storage;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

/** Counts the write transactions a database commits from now on that changed a row. */
public final class CommitCounter {

    private final AtomicInteger commits = new AtomicInteger();

    private CommitCounter() {
    }

    /** Listens on the database's write connection (the driver also commits an empty transaction after each one: not counted). */
    public static CommitCounter on(Database database) {
        CommitCounter counter = new CommitCounter();
        AtomicBoolean wrote = new AtomicBoolean();
        database.inTransaction(transaction -> {
            SQLiteConnection connection = transaction.unwrap(SQLiteConnection.class);
            connection.addUpdateListener((type, schema, table, rowId) -> wrote.set(true));
            connection.addCommitListener(new SQLiteCommitListener() {
                @Override
                public void onCommit() {
                    if (wrote.getAndSet(false)) {
                        counter.commits.incrementAndGet();
                    }
                }

                @Override
                public void onRollback() {
                    wrote.set(false);
                }
            });
            return null;
        });
        return counter;
    }

    public int count() {
        return commits.get();
    }
}
