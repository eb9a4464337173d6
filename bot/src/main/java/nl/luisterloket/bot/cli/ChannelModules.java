package nl.luisterloket.bot.cli;

import java.util.ArrayList;
import java.util.List;

import com.google.inject.Module;

import nl.luisterloket.bot.config.LuisterloketConfig;

/** Picks the channel modules {@code run} starts, from the configuration (no branching inside modules). */
final class ChannelModules {

    private ChannelModules() {
    }

    static List<Module> forRun(LuisterloketConfig config) {
        List<Module> modules = new ArrayList<>();
        return modules;
    }
}
