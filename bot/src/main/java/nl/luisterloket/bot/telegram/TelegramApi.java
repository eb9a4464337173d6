package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.pengrad.telegrambot.Callback;
import com.pengrad.telegrambot.Cancellable;
import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.response.BaseResponse;

/**
 * Calls the Bot API and sorts every answer into what the caller must do next: go on, wait
 * ({@code 429} with {@code retry_after}), retry later (5xx, time-outs, no connection), give up on
 * this chat ({@code 403}) or give up on this request (other 4xx). Nothing it reports contains the
 * token: the client puts the token in every URL, so error texts are scrubbed of it.
 */
final class TelegramApi {

    /** What became of one call. */
    sealed interface Outcome<R extends BaseResponse> {

        /** The call succeeded. */
        record Ok<R extends BaseResponse>(R response) implements Outcome<R> {
        }

        /** 429: wait {@code retryAfter} before calling again. */
        record RateLimited<R extends BaseResponse>(Duration retryAfter) implements Outcome<R> {
        }

        /** 5xx, a time-out, no connection, an answer that is not the API's: try again later. */
        record Unavailable<R extends BaseResponse>(String reason) implements Outcome<R> {
        }

        /** 403: the user blocked the bot, or the bot was removed from the group. */
        record Forbidden<R extends BaseResponse>(String description) implements Outcome<R> {
        }

        /** Any other 4xx: this request will never succeed as it is. */
        record Rejected<R extends BaseResponse>(int errorCode, String description) implements Outcome<R> {
        }
    }

    private final TelegramBot bot;
    private final String token;

    TelegramApi(TelegramBot bot, String token) {
        this.bot = requireNonNull(bot, "bot is null");
        this.token = requireNonNull(token, "token is null");
    }

    <T extends BaseRequest<T, R>, R extends BaseResponse> Outcome<R> call(T request) {
        try {
            return classify(bot.execute(request));
        } catch (RuntimeException e) {
            return new Outcome.Unavailable<>(describe(e));
        }
    }

    /** Starts a call whose answer may take long (the long poll); the returned handle can cancel it. */
    <T extends BaseRequest<T, R>, R extends BaseResponse> PendingCall<R> start(T request) {
        CompletableFuture<Outcome<R>> result = new CompletableFuture<>();
        Cancellable cancellable = bot.execute(request, new Callback<T, R>() {
            @Override
            public void onResponse(T sent, R response) {
                result.complete(classify(response));
            }

            @Override
            public void onFailure(T sent, IOException e) {
                result.complete(new Outcome.Unavailable<>(describe(e)));
            }
        });
        return new PendingCall<>(result, cancellable);
    }

    /** A call in flight. */
    record PendingCall<R extends BaseResponse>(CompletableFuture<Outcome<R>> result, Cancellable cancellable) {
    }

    <R extends BaseResponse> Outcome<R> classify(R response) {
        if (response == null) {
            return new Outcome.Unavailable<>("no response");
        }
        if (response.isOk()) {
            return new Outcome.Ok<>(response);
        }
        int code = response.errorCode();
        String description = scrub(String.valueOf(response.description()));
        if (code == 429) {
            Integer retryAfter = response.parameters() == null ? null : response.parameters().retryAfter();
            return new Outcome.RateLimited<>(Duration.ofSeconds(retryAfter == null ? 1 : Math.max(1, retryAfter)));
        }
        if (code == 403) {
            return new Outcome.Forbidden<>(description);
        }
        if (code >= 400 && code < 500) {
            return new Outcome.Rejected<>(code, description);
        }
        return new Outcome.Unavailable<>(code + " " + description);
    }

    void shutdown() {
        bot.shutdown();
    }

    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.google.gson.JsonParseException) {
                return "the answer was not Bot API JSON (an error page from a proxy?)";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return scrub(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    /** Removes the token from a text that may quote a request URL. */
    String scrub(String text) {
        return token.isEmpty() ? text : text.replace(token, "<token>");
    }
}
