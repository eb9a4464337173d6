package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/**
 * Understands a resident's text before its transaction opens, in the context the conversation will most likely
 * have then (read now: language, neighbourhood, the life domains so far). Understanding is most of the CPU a message
 * costs; done here it runs on several cores while the single writer only writes. When the context changed in
 * between (an earlier message of the same resident), the engine simply understands again.
 */
final class UnderstandingAhead {

    private final ResidentStore residents;
    private final ConversationStore conversations;
    private final PreparedUnderstandings understandings;
    private final Clock clock;
    private final ConversationSettings settings;
    private final String defaultLanguage;

    @Inject
    UnderstandingAhead(ResidentStore residents, ConversationStore conversations,
            PreparedUnderstandings understandings, Clock clock, ConversationSettings settings, LuisterloketConfig config) {
        this.residents = requireNonNull(residents, "residents is null");
        this.conversations = requireNonNull(conversations, "conversations is null");
        this.understandings = requireNonNull(understandings, "understandings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.defaultLanguage = requireNonNull(config, "config is null").defaultLanguage();
    }

    /** Reads the expected context on {@code connection}; the understanding itself runs after the read. */
    Runnable preparation(Connection connection, IncomingMessage message) throws SQLException {
        if (message.kind() != MessageKind.TEXT || message.text() == null || message.text().isBlank()) {
            return null;
        }
        UnderstandingContext context = expectedContext(connection, message);
        return () -> understandings.prepare(message.text(), context);
    }

    /** What {@link ConversationEngine} will pass for this text, as far as the stored state tells now. */
    private UnderstandingContext expectedContext(Connection connection, IncomingMessage message) throws SQLException {
        Optional<Resident> resident = residents.find(connection, message.chat());
        if (resident.isEmpty()) {
            String language = ResidentStore.languageOf(message.author().languageCode(), defaultLanguage);
            return new UnderstandingContext(language, null, Set.of(), Set.of(), Set.of());
        }
        Instant idleSince = settings.idleSince(clock.instant());
        Set<String> domains = conversations.current(connection, resident.get().id())
                .filter(conversation -> !conversation.isIdle(idleSince))
                .map(conversation -> Set.copyOf(conversation.state().domains()))
                .orElse(Set.of());
        return new UnderstandingContext(resident.get().language(), resident.get().neighbourhood(), Set.of(), Set.of(), domains);
    }
}
