package nl.luisterloket.bot.conversation;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.routing.MessageRoute;

/** The resident's conversation. */
public final class ConversationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ResidentStore.class).in(Scopes.SINGLETON);
        bind(ConversationStore.class).in(Scopes.SINGLETON);
        bind(ConversationEngine.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), MessageRoute.class).addBinding().to(ConversationRoute.class);
    }
}
