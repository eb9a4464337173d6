package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing that arrived on a channel, in the channel-neutral form the rest of the bot speaks.
 *
 * @param chat              where it came from (a private chat, or a workers' group)
 * @param author            who sent it
 * @param kind              text, command, button press, voice …
 * @param text              the text or caption ("" when none); for a command the whole line
 * @param callbackData      on {@link MessageKind#CALLBACK}: the button's data, else null
 * @param callbackId        on {@link MessageKind#CALLBACK}: the id to acknowledge, else null
 * @param location          on {@link MessageKind#LOCATION}, else null
 * @param replyToMessageId  the channel message id this replies to, or null
 * @param threadId          forum topic id in a group, or null
 * @param attachmentId      channel file id of a photo or document, or null
 * @param privateChat       true for a one-to-one chat with the bot
 * @param receivedAt        when the channel received it
 */
public record IncomingMessage(
        ChatAddress chat,
        Author author,
        MessageKind kind,
        String text,
        String callbackData,
        String callbackId,
        GeoPoint location,
        String replyToMessageId,
        String threadId,
        String attachmentId,
        boolean privateChat,
        Instant receivedAt) {

    /** Any Unicode white space separates a command from its argument (a phone may send a no-break space). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    public IncomingMessage {
        requireNonNull(chat, "chat is null");
        requireNonNull(author, "author is null");
        requireNonNull(kind, "kind is null");
        text = text == null ? "" : text;
        requireNonNull(receivedAt, "receivedAt is null");
    }

    /** A plain text (or command) in a private chat. */
    public static IncomingMessage text(ChatAddress chat, Author author, String text, Instant receivedAt) {
        MessageKind kind = text.startsWith("/") ? MessageKind.COMMAND : MessageKind.TEXT;
        return new IncomingMessage(chat, author, kind, text, null, null, null, null, null, null, true, receivedAt);
    }

    /** A button press in a private chat. */
    public static IncomingMessage callback(ChatAddress chat, Author author, String data, String callbackId, Instant receivedAt) {
        return new IncomingMessage(chat, author, MessageKind.CALLBACK, "", data, callbackId, null, null, null, null, true, receivedAt);
    }

    /** For a command ("/taal en" or "/start@LuisterBot"): the command word without slash and bot name, lower case. */
    public Optional<String> command() {
        if (kind != MessageKind.COMMAND) {
            return Optional.empty();
        }
        String first = WHITESPACE.split(text.strip(), 2)[0];
        String afterSlash = first.startsWith("/") ? first.substring(1) : first;
        int at = afterSlash.indexOf('@');
        return Optional.of((at >= 0 ? afterSlash.substring(0, at) : afterSlash).toLowerCase(Locale.ROOT));
    }

    /** For a command: what follows the command word, stripped ("" when nothing). */
    public String commandArgument() {
        String[] parts = WHITESPACE.split(text.strip(), 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }
}
