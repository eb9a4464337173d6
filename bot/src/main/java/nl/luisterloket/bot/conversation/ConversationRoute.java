package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.routing.MessageRoute;

/** The fallback route: whatever a resident sends in a private chat goes to the conversation engine. */
final class ConversationRoute implements MessageRoute {

    private final ConversationEngine engine;
    private final UnderstandingAhead ahead;

    @Inject
    ConversationRoute(ConversationEngine engine, UnderstandingAhead ahead) {
        this.engine = requireNonNull(engine, "engine is null");
        this.ahead = requireNonNull(ahead, "ahead is null");
    }

    @Override
    public Runnable preparation(Connection connection, IncomingMessage message) throws SQLException {
        return message.privateChat() ? ahead.preparation(connection, message) : null;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean accepts(Connection transaction, IncomingMessage message) {
        return message.privateChat();
    }

    @Override
    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        engine.handle(transaction, message);
    }
}
