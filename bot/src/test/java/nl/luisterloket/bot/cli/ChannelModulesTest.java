package nl.luisterloket.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.inject.Module;

import nl.luisterloket.bot.config.ConfigException;
import nl.luisterloket.bot.config.ConfigLoader;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.http.HttpModule;
import nl.luisterloket.bot.telegram.TelegramPollingModule;
import nl.luisterloket.bot.telegram.TelegramWebhookModule;

class ChannelModulesTest {

    private static final Path SHIPPED = Path.of("..", "config", "luisterloket.yml");

    @Test
    void withTelegramOffOnlyTheHttpServerRuns() {
        assertThat(ChannelModules.forRun(config(Map.of()))).map(Module::getClass).containsExactly(HttpModule.class);
    }

    @Test
    void pollingIsTheDefaultMode() {
        assertThat(ChannelModules.forRun(config(Map.of("LUISTERLOKET_TELEGRAM_ENABLED", "true", "LUISTERLOKET_TELEGRAM_TOKEN", "1:x"))))
                .map(Module::getClass).containsExactly(HttpModule.class, TelegramPollingModule.class);
    }

    @Test
    void webhookModeServesTheWebhook() {
        assertThat(ChannelModules.forRun(config(Map.of("LUISTERLOKET_TELEGRAM_ENABLED", "true", "LUISTERLOKET_TELEGRAM_TOKEN", "1:x",
                "LUISTERLOKET_TELEGRAM_MODE", "webhook", "LUISTERLOKET_TELEGRAM_WEBHOOK_URL", "https://example.org/hook",
                "LUISTERLOKET_TELEGRAM_WEBHOOK_SECRET", "s3cret"))))
                .map(Module::getClass).containsExactly(HttpModule.class, TelegramWebhookModule.class);
    }

    @Test
    void telegramWithoutATokenSaysWhereToPutIt() {
        assertThatThrownBy(() -> ChannelModules.forRun(config(Map.of("LUISTERLOKET_TELEGRAM_ENABLED", "true"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LUISTERLOKET_TELEGRAM_TOKEN");
    }

    @Test
    void webhookWithoutTheHttpServerIsRefused() {
        assertThatThrownBy(() -> ChannelModules.forRun(config(Map.of("LUISTERLOKET_TELEGRAM_ENABLED", "true",
                "LUISTERLOKET_TELEGRAM_TOKEN", "1:x", "LUISTERLOKET_TELEGRAM_MODE", "webhook",
                "LUISTERLOKET_TELEGRAM_WEBHOOK_URL", "https://example.org/hook", "LUISTERLOKET_TELEGRAM_WEBHOOK_SECRET", "s3cret",
                "LUISTERLOKET_HTTP_ENABLED", "false"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.enabled");
    }

    @Test
    void webhookModeWithoutItsSecretIsRefusedWhenTheConfigurationIsRead() {
        assertThatThrownBy(() -> config(Map.of("LUISTERLOKET_TELEGRAM_ENABLED", "true", "LUISTERLOKET_TELEGRAM_MODE", "webhook",
                "LUISTERLOKET_TELEGRAM_WEBHOOK_URL", "https://example.org/hook")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("webhookSecret");
    }

    private static LuisterloketConfig config(Map<String, String> environment) {
        Map<String, String> withDefaults = new HashMap<>(environment);
        withDefaults.putIfAbsent("LUISTERLOKET_MATCHING_CONFIG_DIRECTORY", "../config");
        return new ConfigLoader(withDefaults).load(SHIPPED, false);
    }
}
