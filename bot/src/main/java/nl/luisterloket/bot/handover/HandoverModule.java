package nl.luisterloket.bot.handover;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;

import nl.luisterloket.bot.channel.ForumTopics;
import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.routing.MessageRoute;

/** Hand-over to frontline workers: cases, teams, the workers' routes and the timers. */
public final class HandoverModule extends AbstractModule {

    @Override
    protected void configure() {
        // The Telegram module binds ForumTopics; without it (terminal chat) cases are posted without topics.
        OptionalBinder.newOptionalBinder(binder(), ForumTopics.class);
        bind(CaseStore.class).in(Scopes.SINGLETON);
        bind(CaseHistory.class).in(Scopes.SINGLETON);
        bind(CaseBoard.class).in(Scopes.SINGLETON);
        bind(CaseWorkflow.class).in(Scopes.SINGLETON);
        bind(CrisisChecks.class).in(Scopes.SINGLETON);
        bind(HandoverTimers.class).in(Scopes.SINGLETON);
        bind(HandoverDesk.class).to(TeamHandoverDesk.class).in(Scopes.SINGLETON);
        Multibinder<MessageRoute> routes = Multibinder.newSetBinder(binder(), MessageRoute.class);
        routes.addBinding().to(WorkerRoute.class);
        routes.addBinding().to(ResidentCaseRoute.class);
        Multibinder<ManagedService> services = Multibinder.newSetBinder(binder(), ManagedService.class);
        services.addBinding().to(TeamMemberSeeder.class);
        services.addBinding().to(HandoverTimers.class);
    }
}
