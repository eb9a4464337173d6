package nl.luisterloket.bot.config;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.access.AccessSettings;
import nl.luisterloket.bot.catalog.KnowledgeBaseSettings;
import nl.luisterloket.bot.conversation.ConversationSettings;
import nl.luisterloket.bot.handover.HandoverSettings;
import nl.luisterloket.bot.http.HttpSettings;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.privacy.PrivacySettings;
import nl.luisterloket.bot.telegram.TelegramSettings;
import nl.luisterloket.knowledge.understanding.MatchingSettings;

/** Binds the configuration and each of its sections, so a class can ask for just the section it needs, and the clock. */
public final class ConfigModule extends AbstractModule {

    private final LuisterloketConfig config;
    private final Clock clock;

    public ConfigModule(LuisterloketConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    protected void configure() {
        bind(LuisterloketConfig.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
        bind(KnowledgeBaseSettings.class).toInstance(config.knowledgeBase());
        bind(MatchingSettings.class).toInstance(config.matching());
        bind(TelegramSettings.class).toInstance(config.telegram());
        bind(HttpSettings.class).toInstance(config.http());
        bind(ConversationSettings.class).toInstance(config.conversation());
        bind(HandoverSettings.class).toInstance(config.handover());
        bind(PrivacySettings.class).toInstance(config.privacy());
        bind(AccessSettings.class).toInstance(config.access());
        Multibinder.newSetBinder(binder(), ManagedService.class);
    }
}
