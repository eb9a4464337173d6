package nl.luisterloket.bot.cli;

import java.util.ArrayList;
import java.util.List;

import com.google.inject.Module;

import nl.luisterloket.bot.config.ConfigException;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.http.HttpModule;
import nl.luisterloket.bot.telegram.TelegramPollingModule;
import nl.luisterloket.bot.telegram.TelegramSettings;
import nl.luisterloket.bot.telegram.TelegramWebhookModule;

/** Picks the channel modules {@code run} starts, from the configuration (no branching inside modules). */
final class ChannelModules {

    private ChannelModules() {
    }

    static List<Module> forRun(LuisterloketConfig config) {
        List<Module> modules = new ArrayList<>();
        if (config.http().enabled()) {
            modules.add(new HttpModule());
        }
        TelegramSettings telegram = config.telegram();
        if (telegram.enabled()) {
            if (!telegram.hasToken()) {
                throw new ConfigException("telegram.enabled is true but there is no bot token: set the environment variable"
                        + " LUISTERLOKET_TELEGRAM_TOKEN or name a file with telegram.tokenFile");
            }
            if (telegram.webhookMode()) {
                if (!config.http().enabled()) {
                    throw new ConfigException("telegram.mode is webhook, which needs the HTTP server: set http.enabled to true");
                }
                modules.add(new TelegramWebhookModule());
            } else {
                modules.add(new TelegramPollingModule());
            }
        }
        return modules;
    }
}
