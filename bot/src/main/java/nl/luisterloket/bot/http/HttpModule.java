package nl.luisterloket.bot.http;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.lifecycle.ManagedService;

/** The embedded HTTP server with {@code /health} and {@code /metrics}; other modules add routes. */
public final class HttpModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(EmbeddedHttpServer.class).in(Scopes.SINGLETON);
        Multibinder<HttpRoute> routes = Multibinder.newSetBinder(binder(), HttpRoute.class);
        routes.addBinding().to(HealthRoute.class);
        routes.addBinding().to(MetricsRoute.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(EmbeddedHttpServer.class);
    }
}
