package nl.luisterloket.bot.telegram;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import nl.luisterloket.bot.config.Secret;

/**
 * The {@code telegram:} section. The token never comes from the YAML file: only from the
 * environment ({@code LUISTERLOKET_TELEGRAM_TOKEN}) or from the file {@code tokenFile} names.
 *
 * @param enabled            serve Telegram in {@code luisterloket run}
 * @param mode               {@code polling} (default) or {@code webhook}
 * @param apiUrl             Bot API base URL, the part before the token
 * @param token              the bot token (environment only)
 * @param tokenFile          a file holding the token, as with Docker secrets
 * @param pollTimeoutSeconds long-poll timeout for getUpdates
 */
public record TelegramSettings(
        Boolean enabled,
        String mode,
        String apiUrl,
        Secret token,
        Path tokenFile,
        Integer pollTimeoutSeconds) {

    public static final Set<String> MODES = Set.of("polling", "webhook");

    public TelegramSettings {
        enabled = enabled != null && enabled;
        mode = mode == null ? "polling" : mode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode must be 'polling' or 'webhook', not '" + mode + "'");
        }
        apiUrl = apiUrl == null ? "https://api.telegram.org/bot" : apiUrl;
        pollTimeoutSeconds = pollTimeoutSeconds == null ? 30 : pollTimeoutSeconds;
        if (pollTimeoutSeconds < 0 || pollTimeoutSeconds > 50) {
            throw new IllegalArgumentException("pollTimeoutSeconds must be between 0 and 50");
        }
    }

    public static TelegramSettings defaults() {
        return new TelegramSettings(null, null, null, null, null, null);
    }
}
