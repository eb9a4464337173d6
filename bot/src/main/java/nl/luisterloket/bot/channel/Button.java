package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/** A button under a message; pressing it sends {@code callbackData} back (Telegram: at most 64 bytes). */
public record Button(String label, String callbackData) {

    public static final int MAX_CALLBACK_BYTES = 64;

    public Button {
        requireNonNull(label, "label is null");
        requireNonNull(callbackData, "callbackData is null");
        if (callbackData.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
            throw new IllegalArgumentException("callbackData longer than 64 bytes: " + callbackData);
        }
    }
}
