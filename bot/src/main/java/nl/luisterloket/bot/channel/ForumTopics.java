package nl.luisterloket.bot.channel;

import java.util.Optional;

/** Creates a topic in a forum group (Telegram supergroup with topics); empty where the channel has none. */
public interface ForumTopics {

    Optional<String> createTopic(ChatAddress group, String title);
}
