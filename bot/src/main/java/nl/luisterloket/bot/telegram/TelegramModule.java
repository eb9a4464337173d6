package nl.luisterloket.bot.telegram;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;

import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.ForumTopics;
import nl.luisterloket.bot.lifecycle.ManagedService;

/** What both Telegram modes share: the client, handling updates exactly once, the outbox sender, forum topics. */
final class TelegramModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(UpdateTranslator.class).in(Scopes.SINGLETON);
        bind(UpdateLedger.class).in(Scopes.SINGLETON);
        bind(UpdateProcessor.class).in(Scopes.SINGLETON);
        bind(UpdateInbox.class).in(Scopes.SINGLETON);
        bind(Backoff.class).in(Scopes.SINGLETON);
        bind(RateLimits.class).in(Scopes.SINGLETON);
        bind(TelegramTransport.class).in(Scopes.SINGLETON);
        bind(TelegramSender.class).in(Scopes.SINGLETON);
        Multibinder<ManagedService> services = Multibinder.newSetBinder(binder(), ManagedService.class);
        services.addBinding().to(TelegramClientCloser.class);
        services.addBinding().to(TelegramSender.class);
        OptionalBinder.newOptionalBinder(binder(), ForumTopics.class).setBinding().to(TelegramForumTopics.class);
    }

    @Provides
    @Singleton
    TelegramApi telegramApi(TelegramSettings settings) {
        return TelegramClient.create(settings);
    }
}
