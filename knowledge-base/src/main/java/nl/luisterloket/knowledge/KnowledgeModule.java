package nl.luisterloket.knowledge;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.index.IndexSnapshots;
import nl.luisterloket.knowledge.index.ServiceDirectory;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.understanding.MatchingSettings;
import nl.luisterloket.knowledge.understanding.MessageUnderstander;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;

/**
 * Binds the live service directory (one in-memory index for the process) and the understanding of messages.
 * The application binds {@link MatchingSettings}. Whoever owns the lifecycle closes the {@link ServiceIndex}.
 */
public final class KnowledgeModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(MatchingSettings.class);
        // no snapshots unless the application says where to keep them
        OptionalBinder.newOptionalBinder(binder(), IndexSnapshots.class).setDefault().toInstance(IndexSnapshots.none());
        bind(ServiceIndex.class).in(Scopes.SINGLETON);
        bind(ServiceDirectory.class).to(ServiceIndex.class);
        bind(MessageUnderstander.class).in(Scopes.SINGLETON);
        bind(MessageUnderstanding.class).to(MessageUnderstander.class);
    }

    @Provides
    @Singleton
    TextAnalysis textAnalysis(MatchingSettings settings) {
        return TextAnalysis.load(new ConfigFiles(settings.configDirectory()));
    }
}
