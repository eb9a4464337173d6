package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.routing.MessageRoute;

/**
 * A resident's privacy commands in their private chat: {@code /vergeet} (erase everything, after a
 * confirmation button) and {@code /mijngegevens} (everything stored about them, as JSON). Runs
 * before the conversation and any case relay, so a resident can always use them.
 */
final class PrivacyCommandRoute implements MessageRoute {

    static final String FORGET_YES = "privacy:forget:yes";
    static final String FORGET_NO = "privacy:forget:no";
    private static final Set<String> FORGET_COMMANDS = Set.of("vergeet", "forget");
    private static final Set<String> EXPORT_COMMANDS = Set.of("mijngegevens", "mydata");

    private final ResidentEraser eraser;
    private final ResidentDataExport export;
    private final Outbox outbox;
    private final Messages messages;
    private final ResidentLanguage languages;
    private final int retentionDays;

    @Inject
    PrivacyCommandRoute(ResidentEraser eraser, ResidentDataExport export, Outbox outbox, ResidentLanguage languages,
            PrivacySettings settings) {
        this.eraser = requireNonNull(eraser, "eraser is null");
        this.export = requireNonNull(export, "export is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.languages = requireNonNull(languages, "languages is null");
        this.messages = new Messages("privacy", languages.defaultLanguage());
        this.retentionDays = requireNonNull(settings, "settings is null").retentionDays();
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public boolean accepts(Connection transaction, IncomingMessage message) {
        if (!message.privateChat()) {
            return false;
        }
        if (message.kind() == MessageKind.CALLBACK) {
            return FORGET_YES.equals(message.callbackData()) || FORGET_NO.equals(message.callbackData());
        }
        Optional<String> command = message.command();
        return command.isPresent() && (FORGET_COMMANDS.contains(command.get()) || EXPORT_COMMANDS.contains(command.get()));
    }

    @Override
    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        String language = languages.of(transaction, message);
        if (message.kind() == MessageKind.CALLBACK) {
            if (FORGET_YES.equals(message.callbackData())) {
                boolean erased = eraser.erase(transaction, message.chat());
                reply(transaction, message, messages.text(language, erased ? "forget.done" : "forget.nothing"));
            } else {
                reply(transaction, message, messages.text(language, "forget.cancelled"));
            }
        } else if (FORGET_COMMANDS.contains(message.command().orElseThrow())) {
            outbox.enqueue(transaction, OutgoingMessage.withButtons(message.chat(), messages.text(language, "forget.ask"),
                    List.of(List.of(new Button(messages.text(language, "forget.button.yes"), FORGET_YES),
                            new Button(messages.text(language, "forget.button.no"), FORGET_NO)))));
        } else {
            sendExport(transaction, message, language);
        }
    }

    private void sendExport(Connection transaction, IncomingMessage message, String language) throws SQLException {
        Optional<ResidentDataExport.ResidentData> data = export.export(transaction, message.chat());
        if (data.isEmpty()) {
            reply(transaction, message, messages.text(language, "export.nothing"));
            return;
        }
        ResidentDataExport.ResidentData found = data.get();
        reply(transaction, message, messages.text(language, "export.summary", found.conversations(), found.messages(), found.cases(),
                retentionDays));
        reply(transaction, message, found.json());
    }

    private void reply(Connection transaction, IncomingMessage message, String text) throws SQLException {
        outbox.enqueue(transaction, OutgoingMessage.text(message.chat(), text));
    }
}
