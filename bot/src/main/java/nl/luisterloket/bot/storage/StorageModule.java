package nl.luisterloket.bot.storage;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

import jakarta.inject.Singleton;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.ManagedService;

/** The SQLite database, migrated on open and closed last on shutdown. */
public final class StorageModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(DatabaseCloser.class);
    }

    @Provides
    @Singleton
    Database database(LuisterloketConfig config) {
        return Database.open(config.databaseFile());
    }
}
