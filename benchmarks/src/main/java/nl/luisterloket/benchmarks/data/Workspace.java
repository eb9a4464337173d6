package nl.luisterloket.benchmarks.data;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;

/**
 * A benchmark's data directory and how the application is configured to use it: the project's own
 * configuration file, with the data directory, the sample file and the matcher's phrase lists overridden through
 * the same environment variables an operator would use.
 *
 * @param dataDirectory     holds luisterloket.db and services.json
 * @param configFile        the project's config/luisterloket.yml
 */
public record Workspace(Path dataDirectory, Path configFile) {

    public Workspace {
        dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath();
        configFile = requireNonNull(configFile, "configFile is null").toAbsolutePath();
    }

    public Path servicesFile() {
        return dataDirectory.resolve("services.json");
    }

    public Path databaseFile() {
        return dataDirectory.resolve("luisterloket.db");
    }

    /** The matcher's synonyms/ and signals/ live next to the configuration file. */
    public Path matchingConfigDirectory() {
        return configFile.getParent();
    }

    /** Environment overrides that point the application at this workspace. */
    public Map<String, String> environment() {
        return Map.of(
                ConfigLoader.environmentName(List.of("dataDirectory")), dataDirectory.toString(),
                ConfigLoader.environmentName(List.of("knowledgeBase", "sampleFile")), servicesFile().toString(),
                ConfigLoader.environmentName(List.of("matching", "configDirectory")), matchingConfigDirectory().toString());
    }

    public LuisterloketConfig loadConfig() {
        return loadConfig(Map.of());
    }

    /** The configuration with more environment overrides on top of the workspace's own. */
    public LuisterloketConfig loadConfig(Map<String, String> moreEnvironment) {
        Map<String, String> environment = new java.util.HashMap<>(environment());
        environment.putAll(moreEnvironment);
        return new ConfigLoader(environment).load(configFile, false);
    }
}
