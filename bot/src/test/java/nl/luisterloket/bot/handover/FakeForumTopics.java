package nl.luisterloket.bot.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.ForumTopics;

/** Creates numbered topics and remembers their titles. */
final class FakeForumTopics implements ForumTopics {

    final List<String> titles = new ArrayList<>();

    @Override
    public synchronized Optional<String> createTopic(ChatAddress group, String title) {
        titles.add(title);
        return Optional.of(String.valueOf(500 + titles.size()));
    }
}
