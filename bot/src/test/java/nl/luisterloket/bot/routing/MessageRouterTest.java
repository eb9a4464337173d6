package nl.luisterloket.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.storage.Database;

class MessageRouterTest {

    @TempDir
    Path directory;

    /** A route that notes what it prepared and handled; it takes (and says so ahead) the messages of one chat. */
    private static final class NotingRoute implements MessageRoute {

        private final int priority;
        private final String takenChat;
        final List<String> prepared = new ArrayList<>();
        final List<String> handled = new ArrayList<>();

        NotingRoute(int priority, String takenChat) {
            this.priority = priority;
            this.takenChat = takenChat;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public boolean accepts(Connection transaction, IncomingMessage message) {
            return takenChat == null || takenChat.equals(message.chat().chatId());
        }

        @Override
        public void handle(Connection transaction, IncomingMessage message) {
            handled.add(message.text());
        }

        @Override
        public Runnable preparation(Connection connection, IncomingMessage message) {
            return () -> prepared.add(message.text());
        }

        @Override
        public Forecast forecast(Connection connection, IncomingMessage message) {
            if (takenChat == null) {
                return Forecast.UNSURE;
            }
            return accepts(connection, message) ? Forecast.TAKES : Forecast.LEAVES;
        }
    }

    @Test
    void onlyTheRouteThatTakesAMessageAheadPreparesIt() {
        NotingRoute cases = new NotingRoute(10, "case");
        NotingRoute conversation = new NotingRoute(Integer.MAX_VALUE, null);
        try (Database database = Database.open(directory.resolve("luisterloket.db"))) {
            MessageRouter router = new MessageRouter(database, Set.of(conversation, cases));

            router.prepare(text("case", "nog een vraag voor de hulpverlener"));
            router.prepare(text("bot", "ik heb schulden"));
            router.handle(text("case", "nog een vraag voor de hulpverlener"));
            router.handle(text("bot", "ik heb schulden"));
        }

        assertThat(cases.prepared).as("a route that knows it leaves a message does not prepare it")
                .containsExactly("nog een vraag voor de hulpverlener");
        assertThat(conversation.prepared).as("understanding a message the case takes would be thrown away")
                .containsExactly("ik heb schulden");
        assertThat(cases.handled).containsExactly("nog een vraag voor de hulpverlener");
        assertThat(conversation.handled).containsExactly("ik heb schulden");
    }

    private static IncomingMessage text(String chat, String text) {
        return IncomingMessage.text(new ChatAddress("telegram", chat), new Author(chat, "Test", "nl"), text,
                Instant.parse("2026-11-29T10:00:00Z"));
    }
}
