package nl.luisterloket.bot.telegram;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.http.HttpRoute;
import nl.luisterloket.bot.lifecycle.ManagedService;

/** Telegram by webhook: Telegram posts updates to the embedded HTTP server (needs a public https address). */
public final class TelegramWebhookModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new TelegramModule());
        bind(WebhookWorker.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), HttpRoute.class).addBinding().to(TelegramWebhookEndpoint.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(WebhookWorker.class);
    }
}
