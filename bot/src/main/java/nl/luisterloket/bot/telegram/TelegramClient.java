package nl.luisterloket.bot.telegram;

import java.util.concurrent.TimeUnit;

import com.pengrad.telegrambot.TelegramBot;

import okhttp3.OkHttpClient;

/**
 * Builds the pengrad client. It gets its own HTTP client with our time-outs and no interceptors:
 * the library's debug logging would print request URLs, and every URL carries the token.
 */
final class TelegramClient {

    private TelegramClient() {
    }

    static TelegramApi create(TelegramSettings settings) {
        if (!settings.hasToken()) {
            throw new IllegalStateException("no Telegram bot token configured");
        }
        long timeoutMillis = settings.requestTimeout().toMillis();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build();
        String token = settings.token().reveal();
        TelegramBot bot = new TelegramBot.Builder(token).apiUrl(settings.apiUrl()).okHttpClient(http).build();
        return new TelegramApi(bot, token);
    }
}
