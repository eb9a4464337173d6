package nl.luisterloket.bot.admin;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.routing.MessageRoute;

/** Admin commands in the chat, the weekly freshness digest, admins seeded from the configuration. */
public final class AdminModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ServiceCommands.class).in(Scopes.SINGLETON);
        bind(StaffCommands.class).in(Scopes.SINGLETON);
        bind(AddServiceDialogue.class).in(Scopes.SINGLETON);
        bind(FreshnessDigest.class).in(Scopes.SINGLETON);
        bind(AdminSeeder.class).in(Scopes.SINGLETON);
        bind(ReportRedactor.class).in(Scopes.SINGLETON);
        bind(ListeningReportBuilder.class).in(Scopes.SINGLETON);
        bind(ListeningReports.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), MessageRoute.class).addBinding().to(AdminCommandRoute.class);
        Multibinder<ManagedService> services = Multibinder.newSetBinder(binder(), ManagedService.class);
        services.addBinding().to(FreshnessDigest.class);
        services.addBinding().to(AdminSeeder.class);
    }
}
