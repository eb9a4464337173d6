package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A message to send, channel-neutral. {@code text} is plain text: the transport escapes it.
 *
 * @param chat       where to send it
 * @param text       plain text; a transport splits it when longer than its channel allows
 * @param buttons    rows of buttons under the message (may be empty)
 * @param editKey    when not null: if a message with this key was sent to this chat before, edit that one
 * @param threadId   forum topic to post in, or null
 * @param replyToMessageId channel message id to reply to, or null
 * @param attachmentId a channel file id (photo or document) to relay with the text as caption, or null
 */
public record OutgoingMessage(
        ChatAddress chat,
        String text,
        List<List<Button>> buttons,
        String editKey,
        String threadId,
        String replyToMessageId,
        String attachmentId) {

    public OutgoingMessage {
        requireNonNull(chat, "chat is null");
        requireNonNull(text, "text is null");
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public static OutgoingMessage text(ChatAddress chat, String text) {
        return new OutgoingMessage(chat, text, List.of(), null, null, null, null);
    }

    public static OutgoingMessage withButtons(ChatAddress chat, String text, List<List<Button>> buttons) {
        return new OutgoingMessage(chat, text, buttons, null, null, null, null);
    }

    public OutgoingMessage withEditKey(String key) {
        return new OutgoingMessage(chat, text, buttons, key, threadId, replyToMessageId, attachmentId);
    }

    public OutgoingMessage inThread(String thread) {
        return new OutgoingMessage(chat, text, buttons, editKey, thread, replyToMessageId, attachmentId);
    }
}
