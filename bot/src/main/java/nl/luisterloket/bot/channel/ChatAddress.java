package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

/** A chat on a channel: {@code telegram}/{@code 12345}, {@code terminal}/{@code local}. */
public record ChatAddress(String channel, String chatId) {

    public ChatAddress {
        requireNonNull(channel, "channel is null");
        requireNonNull(chatId, "chatId is null");
    }

    @Override
    public String toString() {
        return channel + ":" + chatId;
    }
}
