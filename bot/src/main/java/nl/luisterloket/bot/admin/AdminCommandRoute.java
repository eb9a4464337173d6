package nl.luisterloket.bot.admin;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.routing.MessageRoute;

/**
 * Admin commands in a private chat. Takes every admin command word from anyone, so that a non-admin gets a refusal
 * (and never the data) instead of the command going to the resident conversation; checks on every message that the
 * sender is an active admin in the database. Also takes an admin's answers while a guided dialogue is open.
 */
final class AdminCommandRoute implements MessageRoute {

    static final int PRIORITY = 100;
    private static final Logger log = LoggerFactory.getLogger(AdminCommandRoute.class);

    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Messages messages;
    private final AddServiceDialogue dialogue;
    private final Map<String, AdminCommand> commands = new HashMap<>();

    @Inject
    AdminCommandRoute(StaffDirectory staff, AuditLog audit, Outbox outbox, LuisterloketConfig config, ServiceCommands services,
            StaffCommands staffCommands, AddServiceDialogue dialogue, FreshnessDigest digest, ListeningReports reports) {
        this.staff = requireNonNull(staff, "staff is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.messages = new Messages("admin", config.defaultLanguage());
        this.dialogue = requireNonNull(dialogue, "dialogue is null");
        register(services::search, "zoek", "search");
        register(services::show, "toon", "show");
        register(services::change, "wijzig", "change");
        register(dialogue::start, "nieuw", "add");
        register(services::retire, "archiveer", "retire");
        register(services::restore, "herstel", "restore");
        register(services::markChecked, "gecontroleerd", "checked");
        register(services::undo, "ongedaan", "undo");
        register(services::history, "geschiedenis", "history");
        register(staffCommands::addWorker, "medewerker", "worker");
        register(staffCommands::addAdmin, "beheerder", "admin");
        register(staffCommands::remove, "verwijder", "remove");
        register(staffCommands::list, "team", "staff");
        register(digest::sendTo, "controle", "digest");
        register(reports::lastWeek, "rapport", "report");
        register(dialogue::cancel, "annuleer", "cancel");
        register(request -> request.reply("help"), "beheer", "adminhelp");
    }

    private void register(AdminCommand command, String... words) {
        for (String word : words) {
            commands.put(word, command);
        }
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean accepts(Connection transaction, IncomingMessage message) throws SQLException {
        if (!message.privateChat()) {
            return false;
        }
        if (message.kind() == MessageKind.CALLBACK) {
            return message.callbackData() != null && message.callbackData().startsWith(AddServiceDialogue.SAVE.substring(0, 6));
        }
        Optional<String> command = message.command();
        if (command.isPresent()) {
            return commands.containsKey(command.get());
        }
        return dialogue.isOpen(transaction, message.author().userId()) && isAdmin(transaction, message).isPresent();
    }

    @Override
    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        String language = AdminLanguage.of(message.author());
        Optional<StaffMember> admin = isAdmin(transaction, message);
        if (admin.isEmpty()) {
            audit.record(transaction, "user:" + message.author().userId(), "admin.refused", null, message.command().orElse(""), null);
            outbox.enqueue(transaction, OutgoingMessage.text(message.chat(), messages.text(language, "refused")));
            return;
        }
        AdminRequest request = new AdminRequest(transaction, message, admin.get(), language, outbox, messages);
        Optional<String> command = message.command();
        if (command.isEmpty()) {
            dialogue.answer(request);
            return;
        }
        log.debug("Admin {} runs /{}", admin.get().id(), command.get());
        commands.get(command.get()).run(request);
    }

    private Optional<StaffMember> isAdmin(Connection transaction, IncomingMessage message) throws SQLException {
        return staff.active(transaction, message.author().userId()).filter(StaffMember::isAdmin);
    }
}
