package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.routing.MessageRoute;

/**
 * Workers' side: the buttons on case messages, the worker commands, and what a worker writes to a
 * resident (from their private chat, or inside the case's topic in a forum group). Every action
 * checks the worker's role in the database first.
 */
final class WorkerRoute implements MessageRoute {

    static final String GROUP_ID_COMMAND = "groepid";
    static final Set<String> COMMANDS = Set.of("zaken", "zaak", "notitie", "overdragen", "terugzetten", "sluiten");

    private final CaseStore cases;
    private final CaseWorkflow workflow;
    private final CaseBoard board;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Outbox outbox;
    private final HandoverSettings settings;

    @Inject
    WorkerRoute(CaseStore cases, CaseWorkflow workflow, CaseBoard board, StaffDirectory staff, AuditLog audit, Outbox outbox,
            HandoverSettings settings) {
        this.cases = requireNonNull(cases, "cases is null");
        this.workflow = requireNonNull(workflow, "workflow is null");
        this.board = requireNonNull(board, "board is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public boolean accepts(Connection transaction, IncomingMessage message) throws SQLException {
        if (message.kind() == MessageKind.CALLBACK) {
            return CaseCallback.parse(message.callbackData()).filter(CaseCallback::isWorkerAction).isPresent();
        }
        if (teamOfGroup(message).isPresent()) {
            return true;
        }
        if (!message.privateChat()) {
            return message.command().filter(GROUP_ID_COMMAND::equals).isPresent();
        }
        if (message.command().filter(COMMANDS::contains).isPresent()) {
            return true;
        }
        return staff.active(transaction, message.author().userId()).filter(StaffMember::isWorker).isPresent();
    }

    @Override
    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        if (message.kind() == MessageKind.CALLBACK) {
            handleButton(transaction, message, CaseCallback.parse(message.callbackData()).orElseThrow());
            return;
        }
        if (!message.privateChat() && message.command().filter(GROUP_ID_COMMAND::equals).isPresent()) {
            // Setting up a team needs the group's chat id, which Telegram does not show anywhere.
            outbox.enqueue(transaction, reply(message, workflow.text("group.id", message.chat().chatId())));
            return;
        }
        Optional<TeamSettings> groupTeam = teamOfGroup(message);
        Optional<StaffMember> member = staff.active(transaction, message.author().userId()).filter(StaffMember::isWorker);
        if (groupTeam.isPresent()) {
            member = member.filter(worker -> worker.isWorkerOf(groupTeam.get().name()));
            if (member.isPresent()) {
                inGroup(transaction, message, groupTeam.get(), member.get());
            }
            return;
        }
        if (member.isEmpty()) {
            outbox.enqueue(transaction, OutgoingMessage.text(message.chat(), workflow.text("notWorker")));
            return;
        }
        StaffMember worker = member.get();
        Optional<String> command = message.command();
        if (command.isPresent()) {
            command(transaction, message, worker, command.get(), null);
            return;
        }
        Optional<HandoverCase> current = currentCase(transaction, worker, message);
        if (current.isPresent()) {
            workflow.relayToResident(transaction, current.get(), worker, message);
        }
    }

    private void handleButton(Connection transaction, IncomingMessage message, CaseCallback callback) throws SQLException {
        if (CaseCallback.CLAIM.equals(callback.action())) {
            workflow.claim(transaction, callback.caseId(), message);
            return;
        }
        Optional<HandoverCase> found = cases.find(transaction, callback.caseId());
        Optional<StaffMember> member = staff.active(transaction, message.author().userId());
        if (found.isEmpty() || member.isEmpty() || !(member.get().isWorkerOf(found.get().team()) || member.get().isAdmin())) {
            audit.record(transaction, "telegram:" + message.author().userId(), "case.view.refused", callback.caseId(), null,
                    "not a worker of the team");
            outbox.enqueue(transaction, OutgoingMessage.text(message.chat(), workflow.text("notWorker")));
            return;
        }
        if (!mayReadHistory(found.get(), member.get())) {
            audit.record(transaction, member.get().actor(), "case.view.refused", callback.caseId(), null, "held by a colleague");
            workflow.tellWorker(transaction, member.get(), "details.heldByColleague", callback.caseId());
            return;
        }
        workflow.sendDetails(transaction, found.get(), member.get(), "details button");
    }

    /**
     * A case's history is for the worker who holds it and for admins; while it waits in the queue,
     * the team's workers may read it to decide who picks it up.
     */
    private static boolean mayReadHistory(HandoverCase handoverCase, StaffMember member) {
        if (member.isAdmin() || handoverCase.status() == CaseStatus.QUEUED) {
            return true;
        }
        return handoverCase.workerId() != null && handoverCase.workerId() == member.id();
    }

    /** In a team's group: commands, and in a forum group the talk inside a case's topic. */
    private void inGroup(Connection transaction, IncomingMessage message, TeamSettings team, StaffMember worker) throws SQLException {
        Optional<HandoverCase> topicCase = message.threadId() == null ? Optional.empty()
                : cases.byTopic(transaction, team.name(), message.threadId());
        Optional<String> command = message.command();
        if (command.isPresent()) {
            if ("zaken".equals(command.get())) {
                listCases(transaction, message, worker);
            } else if (COMMANDS.contains(command.get())) {
                if (topicCase.isPresent()) {
                    command(transaction, message, worker, command.get(), topicCase.get());
                } else {
                    outbox.enqueue(transaction, reply(message, workflow.text("group.usePrivate")));
                }
            }
            return;
        }
        // In a case's topic only the worker who has the case speaks to the resident; colleagues talk among themselves.
        if (topicCase.isPresent() && topicCase.get().status() == CaseStatus.CLAIMED
                && Long.valueOf(worker.id()).equals(topicCase.get().workerId())) {
            workflow.relayToResident(transaction, topicCase.get(), worker, message);
        }
    }

    private void command(Connection transaction, IncomingMessage message, StaffMember worker, String command, HandoverCase topicCase)
            throws SQLException {
        String argument = message.commandArgument();
        switch (command) {
            case "zaken" -> listCases(transaction, message, worker);
            case "zaak" -> focus(transaction, message, worker, argument);
            case "notitie" -> {
                if (argument.isBlank()) {
                    outbox.enqueue(transaction, reply(message, workflow.text("note.usage")));
                    return;
                }
                Optional<HandoverCase> current = topicCase != null ? ownTopicCase(transaction, topicCase, worker) : currentCase(transaction, worker, message);
                if (current.isPresent()) {
                    workflow.note(transaction, current.get(), worker, argument);
                }
            }
            case "overdragen" -> {
                String[] parts = argument.split("\\s+", 2);
                if (parts.length < 2 || !parts[0].matches("[0-9]{1,15}")) {
                    outbox.enqueue(transaction, reply(message, workflow.text("transfer.usage")));
                    return;
                }
                Optional<HandoverCase> target = ownCase(transaction, worker, Long.parseLong(parts[0]));
                if (target.isEmpty()) {
                    workflow.tellWorker(transaction, worker, "case.unknown", parts[0]);
                    return;
                }
                workflow.transfer(transaction, target.get(), worker, parts[1].strip());
            }
            case "terugzetten" -> {
                if (argument.isBlank()) {
                    outbox.enqueue(transaction, reply(message, workflow.text("requeue.usage")));
                    return;
                }
                Optional<HandoverCase> current = topicCase != null ? ownTopicCase(transaction, topicCase, worker) : currentCase(transaction, worker, message);
                if (current.isPresent()) {
                    workflow.requeue(transaction, current.get(), worker, argument, false);
                }
            }
            case "sluiten" -> {
                Optional<HandoverCase> current = topicCase != null ? ownTopicCase(transaction, topicCase, worker) : currentCase(transaction, worker, message);
                if (current.isPresent()) {
                    workflow.close(transaction, current.get(), worker, argument);
                }
            }
            default -> outbox.enqueue(transaction, reply(message, workflow.text("help.worker")));
        }
    }

    private void listCases(Connection transaction, IncomingMessage message, StaffMember worker) throws SQLException {
        CaseCards cards = board.cards();
        StringBuilder text = new StringBuilder();
        List<HandoverCase> mine = cases.claimedBy(transaction, worker.id());
        Optional<Long> focus = cases.focusOf(transaction, worker.id());
        text.append(workflow.text(mine.isEmpty() ? "cases.mineNone" : "cases.mine"));
        for (HandoverCase handoverCase : mine) {
            text.append('\n').append(focus.filter(id -> id == handoverCase.id()).isPresent() ? workflow.text("cases.focus") + " " : "")
                    .append(cards.listLine(handoverCase, worker.firstName()));
        }
        for (String team : worker.workerTeams().stream().sorted().toList()) {
            List<HandoverCase> queued = cases.queuedOf(transaction, team);
            text.append("\n\n").append(workflow.text(queued.isEmpty() ? "cases.queuedNone" : "cases.queued", team));
            for (HandoverCase handoverCase : queued) {
                text.append('\n').append(cards.listLine(handoverCase, null));
            }
        }
        outbox.enqueue(transaction, reply(message, text.toString()));
    }

    private void focus(Connection transaction, IncomingMessage message, StaffMember worker, String argument) throws SQLException {
        if (!argument.matches("[0-9]{1,15}")) {
            outbox.enqueue(transaction, reply(message, workflow.text("case.number")));
            return;
        }
        Optional<HandoverCase> target = ownCase(transaction, worker, Long.parseLong(argument));
        if (target.isEmpty()) {
            workflow.tellWorker(transaction, worker, "case.unknown", argument);
            return;
        }
        cases.focus(transaction, worker.id(), target.get().id());
        workflow.tellWorker(transaction, worker, "focus.ok", target.get().id());
        workflow.sendDetails(transaction, target.get(), worker, "/zaak");
    }

    /**
     * The case a worker's private message belongs to: the relayed message it replies to, else the
     * case chosen with /zaak (or claimed last), else their only case. Tells the worker when unclear.
     */
    private Optional<HandoverCase> currentCase(Connection transaction, StaffMember worker, IncomingMessage message) throws SQLException {
        Optional<Long> replied = workflow.caseOfReply(transaction, message.chat(), message.replyToMessageId());
        if (replied.isPresent()) {
            Optional<HandoverCase> repliedCase = ownCase(transaction, worker, replied.get());
            if (repliedCase.isPresent()) {
                cases.focus(transaction, worker.id(), repliedCase.get().id());
                return repliedCase;
            }
        }
        Optional<Long> focus = cases.focusOf(transaction, worker.id());
        if (focus.isPresent()) {
            Optional<HandoverCase> focused = ownCase(transaction, worker, focus.get());
            if (focused.isPresent()) {
                return focused;
            }
        }
        List<HandoverCase> mine = cases.claimedBy(transaction, worker.id());
        if (mine.size() == 1) {
            return Optional.of(mine.get(0));
        }
        workflow.tellWorker(transaction, worker, mine.isEmpty() ? "worker.noCase" : "worker.whichCase");
        return Optional.empty();
    }

    /** In a case's topic, the commands that change the case are for the worker who has it. */
    private Optional<HandoverCase> ownTopicCase(Connection transaction, HandoverCase topicCase, StaffMember worker) throws SQLException {
        Optional<HandoverCase> own = mine(topicCase, worker);
        if (own.isEmpty()) {
            workflow.tellWorker(transaction, worker, "case.unknown", topicCase.id());
        }
        return own;
    }

    private Optional<HandoverCase> ownCase(Connection connection, StaffMember worker, long caseId) throws SQLException {
        return cases.find(connection, caseId).flatMap(handoverCase -> mine(handoverCase, worker));
    }

    private static Optional<HandoverCase> mine(HandoverCase handoverCase, StaffMember worker) {
        return handoverCase.status() == CaseStatus.CLAIMED && Long.valueOf(worker.id()).equals(handoverCase.workerId())
                ? Optional.of(handoverCase) : Optional.empty();
    }

    private Optional<TeamSettings> teamOfGroup(IncomingMessage message) {
        if (message.privateChat() || !"telegram".equals(message.chat().channel())) {
            return Optional.empty();
        }
        return settings.teams().stream().filter(team -> message.chat().chatId().equals(team.groupChatId())).findFirst();
    }

    private static OutgoingMessage reply(IncomingMessage message, String text) {
        OutgoingMessage reply = OutgoingMessage.text(message.chat(), text);
        return message.threadId() == null ? reply : reply.inThread(message.threadId());
    }
}
