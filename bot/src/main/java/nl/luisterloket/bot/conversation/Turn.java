package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;

/**
 * One incoming message being handled: who, which conversation, the state as it changes, and the
 * replies. Replies go to the outbox at once, in order, so that anything another feature enqueues
 * (the hand-over desk) comes after what was said before it. A pending greeting (welcome, welcome
 * back) goes out just before the first ordinary reply; an urgent reply goes before it.
 */
final class Turn {

    enum Greeting { NONE, WELCOME, WELCOME_BACK }

    private final Connection transaction;
    private final ConversationStore conversations;
    private final Outbox outbox;
    private final Conversation conversation;
    private Resident resident;
    private ConversationState state;
    private Greeting greeting;
    private final GreetingWriter greetingWriter;

    /** Writes the greeting text when it is due. */
    interface GreetingWriter {
        String text(Greeting greeting, String language);
    }

    Turn(Connection transaction, ConversationStore conversations, Outbox outbox, Resident resident, Conversation conversation,
            Greeting greeting, GreetingWriter greetingWriter) {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.conversations = requireNonNull(conversations, "conversations is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.resident = requireNonNull(resident, "resident is null");
        this.conversation = requireNonNull(conversation, "conversation is null");
        this.state = conversation.state();
        this.greeting = requireNonNull(greeting, "greeting is null");
        this.greetingWriter = requireNonNull(greetingWriter, "greetingWriter is null");
    }

    Connection transaction() {
        return transaction;
    }

    Resident resident() {
        return resident;
    }

    void resident(Resident changed) {
        this.resident = requireNonNull(changed, "changed is null");
    }

    String language() {
        return resident.language();
    }

    ChatAddress chat() {
        return resident.chat();
    }

    Conversation conversation() {
        return conversation;
    }

    ConversationState state() {
        return state;
    }

    void state(ConversationState changed) {
        this.state = requireNonNull(changed, "changed is null");
    }

    Greeting greeting() {
        return greeting;
    }

    /** The greeting is not needed (e.g. /start shows the full welcome itself). */
    void dropGreeting() {
        greeting = Greeting.NONE;
    }

    void say(String text) throws SQLException {
        say(text, List.of());
    }

    void say(String text, List<List<Button>> buttons) throws SQLException {
        greetIfDue();
        send(OutgoingMessage.withButtons(chat(), text, buttons));
    }

    /** Before everything else, the greeting included (crisis services). */
    void sayUrgently(String text, List<List<Button>> buttons) throws SQLException {
        send(OutgoingMessage.withButtons(chat(), text, buttons));
    }

    /** Sends the pending greeting now (before another feature talks to the resident). */
    void greetIfDue() throws SQLException {
        if (greeting != Greeting.NONE) {
            Greeting due = greeting;
            greeting = Greeting.NONE;
            send(OutgoingMessage.text(chat(), greetingWriter.text(due, language())));
        }
    }

    /** Sends what is still pending and saves the state. */
    void finish() throws SQLException {
        greetIfDue();
        conversations.saveState(transaction, conversation.id(), state);
    }

    private void send(OutgoingMessage message) throws SQLException {
        conversations.addMessage(transaction, conversation.id(), "out", "bot", "text", message.text());
        outbox.enqueue(transaction, message);
    }
}
