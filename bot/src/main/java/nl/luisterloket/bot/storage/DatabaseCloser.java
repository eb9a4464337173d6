package nl.luisterloket.bot.storage;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import nl.luisterloket.bot.lifecycle.ManagedService;

/** Closes the database after every other service has stopped. */
final class DatabaseCloser implements ManagedService {

    private final Database database;

    @Inject
    DatabaseCloser(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public int startOrder() {
        return 0;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        database.close();
    }
}
