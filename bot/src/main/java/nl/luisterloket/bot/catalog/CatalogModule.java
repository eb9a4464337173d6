package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Inject;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.knowledge.index.IndexSnapshots;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;

/** The knowledge base in SQLite and the index that follows it. */
public final class CatalogModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(KnowledgeBaseReader.class).in(Scopes.SINGLETON);
        bind(ServiceJsonWriter.class).in(Scopes.SINGLETON);
        bind(ServiceStore.class).in(Scopes.SINGLETON);
        bind(ServiceCatalog.class).in(Scopes.SINGLETON);
        bind(ServiceCsv.class).in(Scopes.SINGLETON);
        bind(KnowledgeBaseEditor.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(ServiceCatalog.class);
        Multibinder.newSetBinder(binder(), ServiceChangeListener.class).addBinding().to(ServiceCatalog.class);
        OptionalBinder.newOptionalBinder(binder(), IndexSnapshots.class).setBinding().toProvider(IndexSnapshotsProvider.class);
    }

    /** The index is kept beside the database, so a restart with unchanged services does not analyse them again. */
    static final class IndexSnapshotsProvider implements Provider<IndexSnapshots> {
        private final LuisterloketConfig config;

        @Inject
        IndexSnapshotsProvider(LuisterloketConfig config) {
            this.config = requireNonNull(config, "config is null");
        }

        @Override
        public IndexSnapshots get() {
            return IndexSnapshots.in(config.dataDirectory().resolve("index"));
        }
    }
}
