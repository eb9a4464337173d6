package nl.luisterloket.bot.routing;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.channel.IncomingMessageHandler;
import nl.luisterloket.bot.lifecycle.ManagedService;

/** Binds the router; features add their routes to the {@link MessageRoute} set. */
public final class RoutingModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), MessageRoute.class);
        bind(IncomingMessageHandler.class).to(MessageRouter.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(InOrderWithPreparation.class);
    }
}
