package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;

/** One admin command being handled: who asked, in which transaction, and how to answer in their language. */
final class AdminRequest {

    private final Connection transaction;
    private final IncomingMessage message;
    private final StaffMember admin;
    private final String language;
    private final Outbox outbox;
    private final Messages messages;

    AdminRequest(Connection transaction, IncomingMessage message, StaffMember admin, String language, Outbox outbox, Messages messages) {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.message = requireNonNull(message, "message is null");
        this.admin = requireNonNull(admin, "admin is null");
        this.language = requireNonNull(language, "language is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.messages = requireNonNull(messages, "messages is null");
    }

    Connection transaction() {
        return transaction;
    }

    IncomingMessage message() {
        return message;
    }

    StaffMember admin() {
        return admin;
    }

    String actor() {
        return "admin:" + admin.id();
    }

    String language() {
        return language;
    }

    /** What follows the command word. */
    String argument() {
        return message.commandArgument();
    }

    String text(String key, Object... arguments) {
        return messages.text(language, key, arguments);
    }

    void reply(String key, Object... arguments) throws SQLException {
        replyText(text(key, arguments));
    }

    void replyText(String text) throws SQLException {
        outbox.enqueue(transaction, OutgoingMessage.text(message.chat(), text));
    }

    void replyWithButtons(String text, List<List<Button>> buttons) throws SQLException {
        outbox.enqueue(transaction, OutgoingMessage.withButtons(message.chat(), text, buttons));
    }
}
