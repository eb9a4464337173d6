package nl.luisterloket.bot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;

import nl.luisterloket.bot.config.LuisterloketConfig;

/** The real application's injector for tests, with some core bindings replaced (a small understanding, say). */
public final class TestApplications {

    private TestApplications() {
    }

    public static Injector create(LuisterloketConfig config, Clock clock, List<Module> channelModules, Module overrides) {
        List<Module> modules = new ArrayList<>();
        modules.add(Modules.override(Application.coreModules(config, clock)).with(overrides));
        modules.addAll(channelModules);
        return Guice.createInjector(Stage.PRODUCTION, modules);
    }
}
