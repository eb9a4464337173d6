package nl.luisterloket.bot.telegram;

import java.time.Instant;
import java.util.Optional;

import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Chat;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.PhotoSize;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.User;
import com.pengrad.telegrambot.model.message.MaybeInaccessibleMessage;

import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.GeoPoint;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;

/**
 * Turns a Telegram update into the bot's channel-neutral {@link IncomingMessage}. Updates the bot
 * does not handle (edits, channel posts, polls, member changes …) come out empty: they are
 * acknowledged and skipped.
 */
final class UpdateTranslator {

    static final String CHANNEL = "telegram";

    Optional<IncomingMessage> translate(Update update, Instant receivedAt) {
        if (update.message() != null) {
            return fromMessage(update.message(), receivedAt);
        }
        if (update.callbackQuery() != null) {
            return fromCallback(update.callbackQuery(), receivedAt);
        }
        return Optional.empty();
    }

    private Optional<IncomingMessage> fromMessage(Message message, Instant receivedAt) {
        User from = message.from();
        Chat chat = message.chat();
        if (from == null || chat == null || Boolean.TRUE.equals(from.isBot())) {
            return Optional.empty();
        }
        Content content = contentOf(message);
        String replyTo = message.replyToMessage() == null || isTopicRoot(message)
                ? null : String.valueOf(message.replyToMessage().messageId());
        return Optional.of(new IncomingMessage(address(chat), author(from), content.kind(), content.text(), null, null,
                content.location(), replyTo, threadOf(message), content.attachmentId(), chat.type() == Chat.Type.Private,
                receivedAt));
    }

    /** In a forum topic every message "replies" to the topic's first message; that is not a real reply. */
    private static boolean isTopicRoot(Message message) {
        return Boolean.TRUE.equals(message.isTopicMessage()) && message.messageThreadId() != null
                && message.replyToMessage() != null
                && message.messageThreadId().longValue() == message.replyToMessage().messageId().longValue();
    }

    private Optional<IncomingMessage> fromCallback(CallbackQuery query, Instant receivedAt) {
        MaybeInaccessibleMessage origin = query.maybeInaccessibleMessage();
        if (query.from() == null || origin == null || origin.chat() == null || query.data() == null) {
            return Optional.empty();
        }
        Chat chat = origin.chat();
        String thread = origin instanceof Message message ? threadOf(message) : null;
        return Optional.of(new IncomingMessage(address(chat), author(query.from()), MessageKind.CALLBACK, "", query.data(),
                query.id(), null, String.valueOf(origin.messageId()), thread, null, chat.type() == Chat.Type.Private, receivedAt));
    }

    private record Content(MessageKind kind, String text, String attachmentId, GeoPoint location) {
    }

    private static Content contentOf(Message message) {
        String caption = message.caption();
        if (message.text() != null) {
            MessageKind kind = message.text().startsWith("/") ? MessageKind.COMMAND : MessageKind.TEXT;
            return new Content(kind, message.text(), null, null);
        }
        if (message.photo() != null && message.photo().length > 0) {
            PhotoSize largest = message.photo()[message.photo().length - 1];
            return new Content(MessageKind.PHOTO, caption, attachment(TelegramAttachment.Kind.PHOTO, largest.fileId()), null);
        }
        if (message.voice() != null) {
            return new Content(MessageKind.VOICE, caption, attachment(TelegramAttachment.Kind.VOICE, message.voice().fileId()), null);
        }
        if (message.audio() != null) {
            return new Content(MessageKind.VOICE, caption, attachment(TelegramAttachment.Kind.AUDIO, message.audio().fileId()), null);
        }
        if (message.sticker() != null) {
            return new Content(MessageKind.STICKER, message.sticker().emoji(),
                    attachment(TelegramAttachment.Kind.STICKER, message.sticker().fileId()), null);
        }
        if (message.document() != null) {
            return new Content(MessageKind.DOCUMENT, caption,
                    attachment(TelegramAttachment.Kind.DOCUMENT, message.document().fileId()), null);
        }
        if (message.video() != null) {
            return new Content(MessageKind.VIDEO, caption, attachment(TelegramAttachment.Kind.VIDEO, message.video().fileId()), null);
        }
        if (message.videoNote() != null) {
            return new Content(MessageKind.VIDEO, caption, null, null);
        }
        if (message.location() != null && message.location().latitude() != null && message.location().longitude() != null) {
            GeoPoint point = new GeoPoint(message.location().latitude(), message.location().longitude());
            return new Content(MessageKind.LOCATION, "", null, point);
        }
        return new Content(MessageKind.OTHER, caption, null, null);
    }

    private static String attachment(TelegramAttachment.Kind kind, String fileId) {
        return fileId == null ? null : new TelegramAttachment(kind, fileId).encode();
    }

    private static ChatAddress address(Chat chat) {
        return new ChatAddress(CHANNEL, String.valueOf(chat.id()));
    }

    private static Author author(User user) {
        return new Author(String.valueOf(user.id()), user.firstName(), user.languageCode());
    }

    private static String threadOf(Message message) {
        return message.messageThreadId() == null || !Boolean.TRUE.equals(message.isTopicMessage())
                ? null : String.valueOf(message.messageThreadId());
    }
}
