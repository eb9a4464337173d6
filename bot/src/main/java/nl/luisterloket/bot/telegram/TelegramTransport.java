package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.ParseMode;
import com.pengrad.telegrambot.model.request.ReplyParameters;
import com.pengrad.telegrambot.request.AbstractSendRequest;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.SendAudio;
import com.pengrad.telegrambot.request.SendDocument;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SendPhoto;
import com.pengrad.telegrambot.request.SendSticker;
import com.pengrad.telegrambot.request.SendVideo;
import com.pengrad.telegrambot.request.SendVoice;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.SendResponse;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.DeliveryResult;
import nl.luisterloket.bot.channel.MessageTransport;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutboxEntry;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.storage.Database;

/**
 * Delivers outbox messages through the Bot API: plain text escaped for parse mode HTML, buttons
 * as an inline keyboard under the last part, texts over 4,096 characters split on paragraph
 * borders (resuming after the last part sent), an {@code editKey} message edited in place, a
 * relayed file sent with its kind's method and the text as caption. Telegram's answers become
 * {@link DeliveryResult}s: 429 and 5xx wait, 403 gives up on the chat for good.
 */
final class TelegramTransport implements MessageTransport {

    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);

    private sealed interface Part {
    }

    private record TextPart(String text, boolean withButtons) implements Part {
    }

    private record FilePart(TelegramAttachment attachment, String caption, boolean withButtons) implements Part {
    }

    private final TelegramApi api;
    private final Database database;
    private final Outbox outbox;
    private final RateLimits limits;
    private final Backoff backoff;
    private final Clock clock;
    private final DeliveryProgress progress = new DeliveryProgress();

    @Inject
    TelegramTransport(TelegramApi api, Database database, Outbox outbox, RateLimits limits, Backoff backoff, Clock clock) {
        this.api = requireNonNull(api, "api is null");
        this.database = requireNonNull(database, "database is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String channel() {
        return UpdateTranslator.CHANNEL;
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        OutgoingMessage message = entry.message();
        String chatId = message.chat().chatId();
        if (hasBlockedTheBot(chatId)) {
            return new DeliveryResult.Undeliverable("the resident blocked the bot");
        }
        if (message.editKey() != null) {
            Optional<String> earlier = database.read(connection -> outbox.sentMessageId(connection, message.chat(), message.editKey()));
            if (earlier.isPresent()) {
                Optional<DeliveryResult> edited = edit(entry, earlier.get());
                if (edited.isPresent()) {
                    return edited.get();
                }
            }
        }
        return send(entry);
    }

    private DeliveryResult send(OutboxEntry entry) {
        OutgoingMessage message = entry.message();
        String chatId = message.chat().chatId();
        List<Part> parts = plan(message);
        // only a message split in parts can have been sent in part before (a one-part message needs no look)
        DeliveryProgress.Progress done = parts.size() == 1 ? DeliveryProgress.Progress.NONE
                : database.read(connection -> progress.read(connection, entry.id()));
        String lastMessageId = done.lastMessageId();
        for (int index = done.partsSent(); index < parts.size(); index++) {
            Instant now = clock.instant();
            java.time.Duration wait = limits.reserve(chatId, now);
            if (!wait.isZero()) {
                return DeliveryResult.retryAfter(wait, "rate limit");
            }
            TelegramApi.Outcome<SendResponse> outcome = sendPart(parts.get(index), message, index == 0);
            if (!(outcome instanceof TelegramApi.Outcome.Ok<SendResponse> ok)) {
                return failure(entry, outcome);
            }
            lastMessageId = String.valueOf(ok.response().message().messageId());
            if (parts.size() > 1) {
                DeliveryProgress.Progress sentSoFar = new DeliveryProgress.Progress(index + 1, lastMessageId);
                database.inTransaction(transaction -> {
                    progress.save(transaction, entry.id(), sentSoFar);
                    return null;
                });
            }
        }
        return DeliveryResult.sent(lastMessageId);
    }

    private Optional<DeliveryResult> edit(OutboxEntry entry, String messageId) {
        OutgoingMessage message = entry.message();
        Instant now = clock.instant();
        java.time.Duration wait = limits.reserve(message.chat().chatId(), now);
        if (!wait.isZero()) {
            return Optional.of(DeliveryResult.retryAfter(wait, "rate limit"));
        }
        String text = message.text().length() > TelegramText.MESSAGE_LIMIT
                ? message.text().substring(0, TelegramText.MESSAGE_LIMIT - 1) + "…" : message.text();
        EditMessageText request = new EditMessageText(chatIdParameter(message.chat().chatId()), Integer.parseInt(messageId),
                TelegramText.escapeHtml(text)).parseMode(ParseMode.HTML);
        keyboard(message.buttons()).ifPresent(request::replyMarkup);
        TelegramApi.Outcome<BaseResponse> outcome = api.call(request);
        if (outcome instanceof TelegramApi.Outcome.Ok<BaseResponse>) {
            return Optional.of(DeliveryResult.sent(messageId));
        }
        if (outcome instanceof TelegramApi.Outcome.Rejected<BaseResponse> rejected) {
            if (rejected.description().contains("message is not modified")) {
                return Optional.of(DeliveryResult.sent(messageId));
            }
            log.debug("Editing message {} in {} failed ({}); sending a new one", messageId, message.chat(), rejected.description());
            return Optional.empty();
        }
        return Optional.of(failure(entry, outcome));
    }

    private DeliveryResult failure(OutboxEntry entry, TelegramApi.Outcome<?> outcome) {
        String chatId = entry.message().chat().chatId();
        if (outcome instanceof TelegramApi.Outcome.RateLimited<?> limited) {
            limits.pause(chatId, limited.retryAfter(), clock.instant());
            return DeliveryResult.retryAfter(limited.retryAfter(), "429 retry after " + limited.retryAfter().toSeconds() + " s");
        }
        if (outcome instanceof TelegramApi.Outcome.Forbidden<?> forbidden) {
            markBlocked(chatId);
            return new DeliveryResult.Undeliverable("403 " + forbidden.description());
        }
        if (outcome instanceof TelegramApi.Outcome.Rejected<?> rejected) {
            return new DeliveryResult.Undeliverable(rejected.errorCode() + " " + rejected.description());
        }
        String reason = outcome instanceof TelegramApi.Outcome.Unavailable<?> unavailable ? unavailable.reason() : outcome.toString();
        return DeliveryResult.retryAfter(backoff.delay(entry.attempts()), reason);
    }

    private static List<Part> plan(OutgoingMessage message) {
        boolean hasButtons = !message.buttons().isEmpty();
        String text = message.text().strip();
        List<String> texts = text.isEmpty() ? List.of() : TelegramText.split(text, TelegramText.MESSAGE_LIMIT);
        List<Part> parts = new ArrayList<>();
        Optional<TelegramAttachment> attachment = TelegramAttachment.decode(message.attachmentId());
        if (attachment.isPresent()) {
            TelegramAttachment file = attachment.get();
            if (file.takesCaption() && text.length() <= TelegramText.CAPTION_LIMIT) {
                parts.add(new FilePart(file, text.isEmpty() ? null : text, hasButtons));
                return parts;
            }
            parts.add(new FilePart(file, null, hasButtons && texts.isEmpty()));
        }
        for (int index = 0; index < texts.size(); index++) {
            parts.add(new TextPart(texts.get(index), hasButtons && index == texts.size() - 1));
        }
        if (parts.isEmpty()) {
            parts.add(new TextPart("…", hasButtons));
        }
        return parts;
    }

    private TelegramApi.Outcome<SendResponse> sendPart(Part part, OutgoingMessage message, boolean first) {
        Object chatId = chatIdParameter(message.chat().chatId());
        if (part instanceof TextPart textPart) {
            SendMessage request = new SendMessage(chatId, TelegramText.escapeHtml(textPart.text())).parseMode(ParseMode.HTML);
            return call(request, message, first, textPart.withButtons());
        }
        FilePart file = (FilePart) part;
        String fileId = file.attachment().fileId();
        String caption = file.caption() == null ? null : TelegramText.escapeHtml(file.caption());
        return switch (file.attachment().kind()) {
            case PHOTO -> call(caption == null ? new SendPhoto(chatId, fileId)
                    : new SendPhoto(chatId, fileId).caption(caption).parseMode(ParseMode.HTML), message, first, file.withButtons());
            case DOCUMENT -> call(caption == null ? new SendDocument(chatId, fileId)
                    : new SendDocument(chatId, fileId).caption(caption).parseMode(ParseMode.HTML), message, first, file.withButtons());
            case VIDEO -> call(caption == null ? new SendVideo(chatId, fileId)
                    : new SendVideo(chatId, fileId).caption(caption).parseMode(ParseMode.HTML), message, first, file.withButtons());
            case VOICE -> call(caption == null ? new SendVoice(chatId, fileId)
                    : new SendVoice(chatId, fileId).caption(caption).parseMode(ParseMode.HTML), message, first, file.withButtons());
            case AUDIO -> call(caption == null ? new SendAudio(chatId, fileId)
                    : new SendAudio(chatId, fileId).caption(caption).parseMode(ParseMode.HTML), message, first, file.withButtons());
            case STICKER -> call(new SendSticker(chatId, fileId), message, first, file.withButtons());
        };
    }

    private <T extends AbstractSendRequest<T>> TelegramApi.Outcome<SendResponse> call(T request, OutgoingMessage message,
            boolean first, boolean withButtons) {
        if (message.threadId() != null) {
            request.messageThreadId(Long.parseLong(message.threadId()));
        }
        if (first && message.replyToMessageId() != null) {
            request.replyParameters(new ReplyParameters(Integer.valueOf(message.replyToMessageId())).allowSendingWithoutReply(true));
        }
        if (withButtons) {
            keyboard(message.buttons()).ifPresent(request::replyMarkup);
        }
        return api.call(request);
    }

    private static Optional<InlineKeyboardMarkup> keyboard(List<List<Button>> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        InlineKeyboardMarkup markup = new InlineKeyboardMarkup();
        for (List<Button> row : rows) {
            markup.addRow(row.stream()
                    .map(button -> new InlineKeyboardButton(button.label()).callbackData(button.callbackData()))
                    .toArray(InlineKeyboardButton[]::new));
        }
        return Optional.of(markup);
    }

    /** Telegram chat ids are numbers; a public channel may be named {@code @name}. */
    private static Object chatIdParameter(String chatId) {
        try {
            return Long.parseLong(chatId);
        } catch (NumberFormatException e) {
            return chatId;
        }
    }

    private boolean hasBlockedTheBot(String chatId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM residents WHERE channel = ? AND chat_id = ? AND blocked_bot = 1")) {
                select.setString(1, channel());
                select.setString(2, chatId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    private void markBlocked(String chatId) {
        database.inTransaction(transaction -> {
            try (PreparedStatement update = transaction.prepareStatement(
                    "UPDATE residents SET blocked_bot = 1 WHERE channel = ? AND chat_id = ?")) {
                update.setString(1, channel());
                update.setString(2, chatId);
                update.executeUpdate();
            }
            return null;
        });
    }
}
