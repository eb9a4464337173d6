package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.knowledge.understanding.Decision;
import nl.luisterloket.knowledge.understanding.MessageUnderstanding;
import nl.luisterloket.knowledge.understanding.Signal;
import nl.luisterloket.knowledge.understanding.Suggestion;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/** The resident's side of a conversation: listens, answers with services, and says what comes next. */
@Singleton
public final class ConversationEngine {

    private static final int MAX_SUGGESTIONS = 3;

    private final ResidentStore residents;
    private final ConversationStore conversations;
    private final MessageUnderstanding understanding;
    private final Outbox outbox;
    private final Messages messages;
    private final ServiceFormatter formatter;
    private final String defaultLanguage;

    @Inject
    ConversationEngine(ResidentStore residents, ConversationStore conversations, MessageUnderstanding understanding,
            Outbox outbox, LuisterloketConfig config) {
        this.residents = requireNonNull(residents, "residents is null");
        this.conversations = requireNonNull(conversations, "conversations is null");
        this.understanding = requireNonNull(understanding, "understanding is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.defaultLanguage = requireNonNull(config, "config is null").defaultLanguage();
        this.messages = new Messages("conversation", defaultLanguage);
        this.formatter = new ServiceFormatter(messages);
    }

    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        Resident resident = residents.findOrCreate(transaction, message.chat(), message.author(), defaultLanguage);
        Conversation conversation = conversations.current(transaction, resident.id())
                .orElse(null);
        if (conversation == null) {
            conversation = conversations.open(transaction, resident.id());
        }
        conversations.addMessage(transaction, conversation.id(), "in", "resident", message.kind().name().toLowerCase(),
                message.kind() == MessageKind.CALLBACK ? message.callbackData() : message.text());
        String language = resident.language();
        List<OutgoingMessage> replies = new ArrayList<>();
        if (resident.isNew() || "start".equals(message.command().orElse(""))) {
            replies.add(OutgoingMessage.text(message.chat(), messages.text(language, "welcome")));
            if (message.kind() == MessageKind.COMMAND) {
                send(transaction, conversation, replies);
                return;
            }
        }
        if (message.kind() == MessageKind.COMMAND) {
            replies.add(OutgoingMessage.text(message.chat(), messages.text(language, "help")));
            send(transaction, conversation, replies);
            return;
        }
        if (message.kind() != MessageKind.TEXT || message.text().isBlank()) {
            replies.add(OutgoingMessage.text(message.chat(), messages.text(language, "unsupported")));
            send(transaction, conversation, replies);
            return;
        }
        ConversationState state = conversation.state();
        Understanding understood = understanding.understand(message.text(),
                new UnderstandingContext(language, resident.neighbourhood(), Set.of(), Set.of(), state.domains()));
        replies.add(reply(message, understood, language));
        Set<String> domains = new HashSet<>(state.domains());
        domains.addAll(understood.domains());
        List<String> shown = new ArrayList<>(state.shownServiceIds());
        understood.suggestions().stream().limit(MAX_SUGGESTIONS).forEach(suggestion -> shown.add(suggestion.service().id()));
        conversations.saveState(transaction, conversation.id(),
                new ConversationState(domains, shown, message.text(), state.missesInRow()));
        send(transaction, conversation, replies);
    }

    private OutgoingMessage reply(IncomingMessage message, Understanding understood, String language) {
        Decision decision = understood.decision();
        return switch (decision) {
            case CRISIS -> OutgoingMessage.text(message.chat(),
                    messages.text(language, "crisis") + "\n\n" + services(understood.suggestions(), language));
            case ANSWER, CLARIFY -> OutgoingMessage.withButtons(message.chat(),
                    messages.text(language, "answer") + "\n\n" + services(understood.suggestions(), language),
                    List.of(List.of(new Button(messages.text(language, "button.helps"), "fb:helps"),
                            new Button(messages.text(language, "button.other"), "fb:other")),
                            List.of(new Button(messages.text(language, "button.person"), "person"))));
            case ESCALATE -> OutgoingMessage.text(message.chat(), messages.text(language, "escalate"));
            case SMALLTALK -> OutgoingMessage.text(message.chat(), messages.text(language, smalltalkKey(understood.signals())));
            case NO_MATCH -> OutgoingMessage.withButtons(message.chat(), messages.text(language, "noMatch"),
                    List.of(List.of(new Button(messages.text(language, "button.person"), "person"))));
        };
    }

    private String services(List<Suggestion> suggestions, String language) {
        return String.join("\n\n", suggestions.stream().limit(MAX_SUGGESTIONS)
                .map(suggestion -> formatter.format(suggestion.service(), language)).toList());
    }

    private static String smalltalkKey(Set<Signal> signals) {
        if (signals.contains(Signal.THANKS)) {
            return "smalltalk.thanks";
        }
        if (signals.contains(Signal.GOODBYE)) {
            return "smalltalk.goodbye";
        }
        if (signals.contains(Signal.WHO_ARE_YOU)) {
            return "smalltalk.who";
        }
        return "smalltalk.greeting";
    }

    private void send(Connection transaction, Conversation conversation, List<OutgoingMessage> replies) throws SQLException {
        for (OutgoingMessage reply : replies) {
            conversations.addMessage(transaction, conversation.id(), "out", "bot", "text", reply.text());
            outbox.enqueue(transaction, reply);
        }
    }
}
