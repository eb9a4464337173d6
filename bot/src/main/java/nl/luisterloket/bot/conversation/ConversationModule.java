package nl.luisterloket.bot.conversation;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import nl.luisterloket.bot.lifecycle.ManagedService;
import nl.luisterloket.bot.routing.MessageRoute;

/** The resident's conversation, its stores and the follow-up scheduler. */
public final class ConversationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ResidentStore.class).in(Scopes.SINGLETON);
        bind(ConversationStore.class).in(Scopes.SINGLETON);
        bind(SuggestionStore.class).in(Scopes.SINGLETON);
        bind(FollowUpStore.class).in(Scopes.SINGLETON);
        bind(UnansweredQuestionStore.class).in(Scopes.SINGLETON);
        bind(TextRedactor.class).in(Scopes.SINGLETON);
        bind(ConversationEngine.class).in(Scopes.SINGLETON);
        bind(PreparedUnderstandings.class).in(Scopes.SINGLETON);
        bind(UnderstandingAhead.class).in(Scopes.SINGLETON);
        bind(FollowUpScheduler.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), MessageRoute.class).addBinding().to(ConversationRoute.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(FollowUpScheduler.class);
    }
}
