package nl.luisterloket.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pengrad.telegrambot.request.CreateForumTopic;
import com.pengrad.telegrambot.response.CreateForumTopicResponse;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.ForumTopics;

/** Creates a topic in a Telegram forum group (the workers' group); empty when Telegram says no. */
final class TelegramForumTopics implements ForumTopics {

    private static final Logger log = LoggerFactory.getLogger(TelegramForumTopics.class);
    /** Telegram's limit on a topic name. */
    private static final int MAX_TITLE = 128;

    private final TelegramApi api;

    @Inject
    TelegramForumTopics(TelegramApi api) {
        this.api = requireNonNull(api, "api is null");
    }

    @Override
    public Optional<String> createTopic(ChatAddress group, String title) {
        String name = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
        TelegramApi.Outcome<CreateForumTopicResponse> outcome = api.call(new CreateForumTopic(group.chatId(), name));
        if (outcome instanceof TelegramApi.Outcome.Ok<CreateForumTopicResponse> ok && ok.response().forumTopic() != null) {
            return Optional.of(String.valueOf(ok.response().forumTopic().messageThreadId()));
        }
        log.warn("Telegram: creating a topic in {} failed: {}", group, outcome);
        return Optional.empty();
    }
}
