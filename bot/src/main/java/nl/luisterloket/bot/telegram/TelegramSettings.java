package nl.luisterloket.bot.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import nl.luisterloket.bot.config.Secret;

/**
 * The {@code telegram:} section. The token never comes from the YAML file: only from the
 * environment ({@code LUISTERLOKET_TELEGRAM_TOKEN}) or from the file {@code tokenFile} names.
 *
 * @param enabled                serve Telegram in {@code luisterloket run}
 * @param mode                   {@code polling} (default) or {@code webhook}
 * @param apiUrl                 Bot API base URL, the part before the token
 * @param token                  the bot token (environment only)
 * @param tokenFile              a file holding the token, as with Docker secrets
 * @param pollTimeoutSeconds     long-poll timeout for getUpdates
 * @param webhookUrl             webhook mode: the public https URL Telegram posts updates to
 * @param webhookPath            webhook mode: the path the embedded HTTP server serves the webhook on
 * @param webhookSecret          webhook mode: the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 *                               (1–256 of {@code A-Z a-z 0-9 _ -}; environment {@code LUISTERLOKET_TELEGRAM_WEBHOOK_SECRET})
 * @param requestTimeoutSeconds  how long one Bot API call (other than the long poll) may take
 * @param retryBaseMillis        first wait after a 5xx or a time-out; doubles per attempt, with jitter
 * @param retryMaxSeconds        the longest wait between two attempts
 * @param chatIntervalMillis     at least this long between two messages to one chat (Telegram: about 1 s)
 * @param groupMessagesPerMinute at most this many messages a minute to one group (Telegram: 20)
 * @param messagesPerSecond      at most this many messages a second overall (Telegram: 30)
 * @param parallelSends          messages to different chats sent at the same time (one chat's messages always go one
 *                               after the other, in order)
 */
public record TelegramSettings(
        Boolean enabled,
        String mode,
        String apiUrl,
        Secret token,
        Path tokenFile,
        Integer pollTimeoutSeconds,
        String webhookUrl,
        String webhookPath,
        Secret webhookSecret,
        Integer requestTimeoutSeconds,
        Integer retryBaseMillis,
        Integer retryMaxSeconds,
        Integer chatIntervalMillis,
        Integer groupMessagesPerMinute,
        Integer messagesPerSecond,
        Integer parallelSends) {

    public static final Set<String> MODES = Set.of("polling", "webhook");

    public TelegramSettings {
        enabled = enabled != null && enabled;
        mode = mode == null ? "polling" : mode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode must be 'polling' or 'webhook', not '" + mode + "'");
        }
        apiUrl = apiUrl == null ? "https://api.telegram.org/bot" : apiUrl;
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            throw new IllegalArgumentException("apiUrl must start with http:// or https://, not '" + apiUrl + "'");
        }
        pollTimeoutSeconds = pollTimeoutSeconds == null ? 30 : pollTimeoutSeconds;
        if (pollTimeoutSeconds < 0 || pollTimeoutSeconds > 50) {
            throw new IllegalArgumentException("pollTimeoutSeconds must be between 0 and 50");
        }
        if (webhookUrl != null && !webhookUrl.startsWith("https://") && !webhookUrl.startsWith("http://")) {
            throw new IllegalArgumentException("webhookUrl must be an https:// URL, not '" + webhookUrl + "'");
        }
        webhookPath = webhookPath == null ? "/telegram/webhook" : webhookPath;
        if (!webhookPath.startsWith("/")) {
            throw new IllegalArgumentException("webhookPath must start with '/', not '" + webhookPath + "'");
        }
        if (webhookSecret != null && !webhookSecret.reveal().matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalArgumentException("webhookSecret must be 1 to 256 of the characters A-Z, a-z, 0-9, _ and -");
        }
        if (enabled && mode.equals("webhook") && (webhookUrl == null || webhookSecret == null)) {
            throw new IllegalArgumentException("webhook mode needs webhookUrl and webhookSecret"
                    + " (set LUISTERLOKET_TELEGRAM_WEBHOOK_SECRET in the environment)");
        }
        requestTimeoutSeconds = atLeast("requestTimeoutSeconds", requestTimeoutSeconds, 10, 1);
        retryBaseMillis = atLeast("retryBaseMillis", retryBaseMillis, 1000, 1);
        retryMaxSeconds = atLeast("retryMaxSeconds", retryMaxSeconds, 60, 1);
        chatIntervalMillis = atLeast("chatIntervalMillis", chatIntervalMillis, 1000, 0);
        groupMessagesPerMinute = atLeast("groupMessagesPerMinute", groupMessagesPerMinute, 20, 1);
        messagesPerSecond = atLeast("messagesPerSecond", messagesPerSecond, 30, 1);
        parallelSends = atLeast("parallelSends", parallelSends, 4, 1);
        if (parallelSends > 32) {
            throw new IllegalArgumentException("parallelSends must be at most 32");
        }
    }

    public static TelegramSettings defaults() {
        return new TelegramSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean webhookMode() {
        return mode.equals("webhook");
    }

    public boolean hasToken() {
        return token != null && !token.isEmpty();
    }

    public Duration requestTimeout() {
        return Duration.ofSeconds(requestTimeoutSeconds);
    }

    public Duration retryBase() {
        return Duration.ofMillis(retryBaseMillis);
    }

    public Duration retryMax() {
        return Duration.ofSeconds(retryMaxSeconds);
    }

    public Duration chatInterval() {
        return Duration.ofMillis(chatIntervalMillis);
    }

    private static Integer atLeast(String name, Integer value, int defaultValue, int minimum) {
        int result = value == null ? defaultValue : value;
        if (result < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum);
        }
        return result;
    }
}
