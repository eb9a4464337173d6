package nl.luisterloket.bot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

import nl.luisterloket.bot.admin.AdminModule;
import nl.luisterloket.bot.catalog.CatalogModule;
import nl.luisterloket.bot.config.ConfigModule;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.conversation.ConversationModule;
import nl.luisterloket.bot.handover.HandoverModule;
import nl.luisterloket.bot.privacy.PrivacyModule;
import nl.luisterloket.bot.routing.RoutingModule;
import nl.luisterloket.bot.storage.StorageModule;
import nl.luisterloket.knowledge.KnowledgeModule;

/** Assembles the injector: the core modules every command needs, plus the channel modules a command picks. */
public final class Application {

    private Application() {
    }

    public static Injector create(LuisterloketConfig config, Clock clock, List<Module> channelModules) {
        List<Module> modules = new ArrayList<>(coreModules(config, clock));
        modules.addAll(channelModules);
        return Guice.createInjector(Stage.PRODUCTION, modules);
    }

    public static List<Module> coreModules(LuisterloketConfig config, Clock clock) {
        return List.of(
                new ConfigModule(config, clock),
                new StorageModule(),
                new KnowledgeModule(),
                new CatalogModule(),
                new RoutingModule(),
                new ConversationModule(),
                new HandoverModule(),
                new PrivacyModule(),
                new AdminModule());
    }
}
