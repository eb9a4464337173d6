package nl.luisterloket.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command. */
public final class ConfigOption {

    static final Path DEFAULT = Path.of("config", "luisterloket.yml");

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "config/luisterloket.yml")
    Path file = DEFAULT;

    /** Loads the configuration; the default file may be absent (then defaults apply), a named one may not. */
    public LuisterloketConfig load() {
        boolean optional = file.equals(DEFAULT) && !Files.exists(file);
        return new ConfigLoader(System.getenv()).load(file, optional);
    }

    public Clock clock(LuisterloketConfig config) {
        return Clock.system(config.timeZone());
    }
}
