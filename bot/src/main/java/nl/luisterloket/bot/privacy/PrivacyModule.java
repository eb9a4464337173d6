package nl.luisterloket.bot.privacy;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.routing.MessageRoute;

/** The resident's privacy: /vergeet, /mijngegevens, retention and flood control. */
public final class PrivacyModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ResidentLanguage.class).in(Scopes.SINGLETON);
        bind(ResidentEraser.class).in(Scopes.SINGLETON);
        bind(ResidentDataExport.class).in(Scopes.SINGLETON);
        bind(DailyCounts.class).in(Scopes.SINGLETON);
        bind(RetentionJob.class).in(Scopes.SINGLETON);
        bind(FloodControlRoute.class).in(Scopes.SINGLETON);
        Multibinder<MessageRoute> routes = Multibinder.newSetBinder(binder(), MessageRoute.class);
        routes.addBinding().to(FloodControlRoute.class);
        routes.addBinding().to(PrivacyCommandRoute.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(RetentionJob.class);
    }
}
