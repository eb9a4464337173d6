package nl.luisterloket.bot.telegram;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.lifecycle.ManagedService;

/** Telegram by long polling (the default): no public address needed. */
public final class TelegramPollingModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new TelegramModule());
        bind(TelegramPoller.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(TelegramPoller.class);
    }
}
