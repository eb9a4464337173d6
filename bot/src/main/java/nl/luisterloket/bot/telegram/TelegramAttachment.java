package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * A Telegram file as it travels through the bot in {@code attachmentId}: {@code kind:fileId}
 * ({@code photo:AgAC…}). Telegram needs the kind to send a file on (sendPhoto or sendDocument …),
 * and a file id alone does not say it.
 */
record TelegramAttachment(Kind kind, String fileId) {

    enum Kind {
        PHOTO,
        DOCUMENT,
        VIDEO,
        VOICE,
        AUDIO,
        STICKER
    }

    TelegramAttachment {
        requireNonNull(kind, "kind is null");
        requireNonNull(fileId, "fileId is null");
    }

    String encode() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + fileId;
    }

    /** Reads an attachment id; one without a known kind is sent as a document. */
    static Optional<TelegramAttachment> decode(String attachmentId) {
        if (attachmentId == null || attachmentId.isBlank()) {
            return Optional.empty();
        }
        int colon = attachmentId.indexOf(':');
        if (colon > 0) {
            String prefix = attachmentId.substring(0, colon).toUpperCase(Locale.ROOT);
            for (Kind kind : Kind.values()) {
                if (kind.name().equals(prefix)) {
                    return Optional.of(new TelegramAttachment(kind, attachmentId.substring(colon + 1)));
                }
            }
        }
        return Optional.of(new TelegramAttachment(Kind.DOCUMENT, attachmentId));
    }

    /** Whether Telegram shows a caption with this kind of file. */
    boolean takesCaption() {
        return kind != Kind.STICKER;
    }
}
