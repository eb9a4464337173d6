package nl.luisterloket.bot.handover;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** Hand-over to frontline workers. */
public final class HandoverModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(HandoverDesk.class).to(CaseQueueDesk.class).in(Scopes.SINGLETON);
    }
}
