package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.access.StaffDirectory;
import nl.luisterloket.bot.access.StaffMember;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.channel.Button;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;

/**
 * What happens to a case: consent, queueing, claim, relay both ways, transfer, back to the queue,
 * close and reopen. Each step changes the case with a conditional update, writes the audit log
 * and tells the people concerned through the outbox, all in the caller's transaction.
 */
@Singleton
final class CaseWorkflow {

    private static final Pattern RELAY_KEY = Pattern.compile("relay:([0-9]+):[0-9]+");

    private final CaseStore cases;
    private final CaseBoard board;
    private final CaseHistory history;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Outbox outbox;
    private final HandoverSettings settings;
    private final TeamHours hours;
    private final Clock clock;
    private final Messages messages;
    private final String staffLanguage;
    private final CrisisChecks crisisChecks;

    @Inject
    CaseWorkflow(CaseStore cases, CaseBoard board, CaseHistory history, StaffDirectory staff, AuditLog audit, Outbox outbox,
            HandoverSettings settings, LuisterloketConfig config, Clock clock, CrisisChecks crisisChecks) {
        this.cases = requireNonNull(cases, "cases is null");
        this.crisisChecks = requireNonNull(crisisChecks, "crisisChecks is null");
        this.board = requireNonNull(board, "board is null");
        this.history = requireNonNull(history, "history is null");
        this.staff = requireNonNull(staff, "staff is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.hours = new TeamHours(config.timeZone());
        this.staffLanguage = config.defaultLanguage();
        this.messages = new Messages("handover", staffLanguage);
    }

    // ---- resident side ------------------------------------------------------------------

    void askConsent(Connection transaction, HandoverCase handoverCase, String key) throws SQLException {
        String language = handoverCase.language();
        outbox.enqueue(transaction, OutgoingMessage.withButtons(handoverCase.residentChat(),
                messages.text(language, key, handoverCase.team()),
                List.of(List.of(new Button(messages.text(language, "consent.yes"), CaseCallback.consent(true, handoverCase.id())),
                        new Button(messages.text(language, "consent.no"), CaseCallback.consent(false, handoverCase.id()))))));
    }

    void consent(Connection transaction, HandoverCase handoverCase, boolean given) throws SQLException {
        if (given) {
            if (cases.consentGiven(transaction, handoverCase.id())) {
                audit.record(transaction, "resident:" + handoverCase.residentId(), "case.consent", handoverCase.id(), null, "given");
                enterQueue(transaction, handoverCase.id(), "queued");
            }
            return;
        }
        if (cases.consentDeclined(transaction, handoverCase.id())) {
            audit.record(transaction, "resident:" + handoverCase.residentId(), "case.consent", handoverCase.id(), null, "declined");
            List<CaseHistory.TriedService> tried = history.triedServices(transaction, handoverCase);
            StringBuilder services = new StringBuilder();
            for (CaseHistory.TriedService service : tried) {
                services.append("• ").append(service.name()).append(service.phone() == null ? "" : ": " + service.phone()).append('\n');
            }
            tellResident(transaction, handoverCase, tried.isEmpty() ? "consent.declined" : "consent.declinedServices",
                    services.toString().strip());
        }
    }

    /** A case (new with consent, crisis, reopened without its worker) joins the queue: posted, and the resident told honestly when. */
    void enterQueue(Connection transaction, long caseId, String residentKey) throws SQLException {
        HandoverCase handoverCase = cases.find(transaction, caseId).orElseThrow();
        board.post(transaction, caseId);
        tellResident(transaction, handoverCase, handoverCase.urgent() ? "queuedUrgent" : residentKey, handoverCase.team());
        if (handoverCase.urgent()) {
            board.pingUrgent(transaction, caseId);
        }
        Optional<TeamSettings> team = settings.team(handoverCase.team());
        Instant now = clock.instant();
        if (team.isPresent() && !hours.isOpen(team.get(), now)) {
            Optional<ZonedDateTime> opening = hours.nextOpening(team.get(), now);
            if (opening.isPresent()) {
                Locale locale = Locale.forLanguageTag(handoverCase.language());
                String when = opening.get().format(DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", locale));
                tellResident(transaction, handoverCase, "afterHours", handoverCase.team(), when);
            }
        }
    }

    /** Something the resident sent while their case is open: to the worker, or kept on the card while it waits. */
    void fromResident(Connection transaction, HandoverCase handoverCase, IncomingMessage message) throws SQLException {
        String kind = message.kind().name().toLowerCase(Locale.ROOT);
        history.append(transaction, handoverCase, "in", "resident", kind, message.text());
        switch (handoverCase.status()) {
            case AWAITING_CONSENT -> {
                Optional<Boolean> answer = typedConsent(message.text());
                if (answer.isPresent()) {
                    consent(transaction, handoverCase, answer.get());
                } else {
                    askConsent(transaction, handoverCase, "consent.repeat");
                }
            }
            case QUEUED -> {
                board.refresh(transaction, handoverCase.id());
                acknowledgeWhileQueued(transaction, handoverCase, message);
            }
            case CLAIMED -> relayToWorker(transaction, handoverCase, message);
            case CLOSED -> throw new IllegalStateException("case " + handoverCase.id() + " is closed");
        }
    }

    /**
     * Nobody has the case yet, so nobody answers: the resident hears their message is with the team, and a message in
     * crisis gets the emergency numbers at once while the team is pinged again.
     */
    private void acknowledgeWhileQueued(Connection transaction, HandoverCase handoverCase, IncomingMessage message) throws SQLException {
        boolean crisis = message.text() != null && crisisChecks.isCrisis(message.text());
        if (crisis) {
            board.pingUrgent(transaction, handoverCase.id());
        }
        tellResident(transaction, handoverCase, crisis ? "waiting.crisis" : "waiting", handoverCase.team());
    }

    /** "ja", "Yes!", "nee hoor" typed instead of pressing a consent button; anything else is no answer. */
    static Optional<Boolean> typedConsent(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "").split("\\s+")[0];
        if (Set.of("ja", "yes", "jawel", "prima", "goed", "ok", "oke", "okay").contains(word)) {
            return Optional.of(true);
        }
        if (Set.of("nee", "no", "neen").contains(word)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /**
     * A resident writes again within the reopen window: the case reopens with the same worker when
     * that worker can take it, else it goes back to the queue.
     */
    void reopen(Connection transaction, HandoverCase closed, IncomingMessage message) throws SQLException {
        Optional<StaffMember> worker = closed.workerId() == null ? Optional.empty() : staff.byId(transaction, closed.workerId())
                .filter(member -> member.isWorkerOf(closed.team()));
        boolean withWorker = worker.isPresent() && cases.claimedCount(transaction, worker.get().id()) < settings.claimCapPerWorker();
        if (!cases.reopen(transaction, closed.id(), withWorker ? worker.get().id() : null)) {
            return;
        }
        audit.record(transaction, "resident:" + closed.residentId(), "case.reopen", closed.id(),
                withWorker ? "worker:" + worker.get().id() : null, withWorker ? "same worker" : "queued");
        HandoverCase reopened = cases.find(transaction, closed.id()).orElseThrow();
        if (withWorker) {
            cases.focus(transaction, worker.get().id(), closed.id());
            tellWorker(transaction, worker.get(), "reopened.worker", closed.id());
            board.refresh(transaction, closed.id());
            tellResident(transaction, reopened, "reopened.resident", worker.get().firstName(), reopened.team());
            fromResident(transaction, reopened, message);
        } else {
            history.append(transaction, reopened, "in", "resident", message.kind().name().toLowerCase(Locale.ROOT), message.text());
            enterQueue(transaction, closed.id(), "queued");
        }
    }

    boolean withinReopenWindow(HandoverCase closed) {
        return closed.closedAt() != null && !"consent_declined".equals(closed.outcome())
                && Duration.between(closed.closedAt(), clock.instant()).compareTo(Duration.ofDays(settings.reopenWindowDays())) <= 0;
    }

    // ---- worker side --------------------------------------------------------------------

    /** A worker presses Oppakken: at most one wins; the others hear who has it. */
    void claim(Connection transaction, long caseId, IncomingMessage pressed) throws SQLException {
        Optional<HandoverCase> found = cases.find(transaction, caseId);
        Optional<StaffMember> member = staff.active(transaction, pressed.author().userId());
        if (found.isEmpty() || member.isEmpty() || !member.get().isWorkerOf(found.get().team())) {
            audit.record(transaction, "telegram:" + pressed.author().userId(), "case.claim.refused", caseId, null, "not a worker of the team");
            outbox.enqueue(transaction, OutgoingMessage.text(pressed.chat(),
                    text("claim.notWorker", found.map(HandoverCase::team).orElse("?"), caseId)));
            return;
        }
        HandoverCase handoverCase = found.get();
        StaffMember worker = member.get();
        switch (handoverCase.status()) {
            case CLAIMED -> {
                tellWorker(transaction, worker, "claim.taken", caseId, board.workerName(transaction, handoverCase));
                return;
            }
            case CLOSED -> {
                tellWorker(transaction, worker, "claim.closed", caseId);
                return;
            }
            case AWAITING_CONSENT -> {
                tellWorker(transaction, worker, "claim.waitingConsent", caseId);
                return;
            }
            case QUEUED -> {
            }
        }
        if (cases.claimedCount(transaction, worker.id()) >= settings.claimCapPerWorker()) {
            tellWorker(transaction, worker, "claim.cap", settings.claimCapPerWorker());
            return;
        }
        if (!cases.claim(transaction, caseId, worker.id())) {
            HandoverCase now = cases.find(transaction, caseId).orElseThrow();
            tellWorker(transaction, worker, "claim.taken", caseId, board.workerName(transaction, now));
            return;
        }
        audit.record(transaction, worker.actor(), "case.claim", caseId, "worker:" + worker.id(), null);
        takeOver(transaction, caseId, worker, board.usesTopics(handoverCase) ? "claim.okForum" : "claim.ok");
    }

    /** The worker who now has the case gets the story and the resident hears who reads along. */
    private void takeOver(Connection transaction, long caseId, StaffMember worker, String workerKey) throws SQLException {
        HandoverCase handoverCase = cases.find(transaction, caseId).orElseThrow();
        cases.focus(transaction, worker.id(), caseId);
        board.refresh(transaction, caseId);
        tellResident(transaction, handoverCase, "claimed.resident", worker.firstName(), handoverCase.team());
        if (board.usesTopics(handoverCase)) {
            board.postInTopic(transaction, handoverCase, OutgoingMessage.text(handoverCase.residentChat(),
                    text("forum.claimed", worker.firstName())));
        }
        tellWorker(transaction, worker, workerKey, caseId, residentName(handoverCase));
        sendDetails(transaction, handoverCase, worker, "on take-over");
    }

    /** The whole history of a case to a worker's private chat; every such view is audited. */
    void sendDetails(Connection transaction, HandoverCase handoverCase, StaffMember worker, String why) throws SQLException {
        String details = board.cards().details(transaction, handoverCase, board.workerName(transaction, handoverCase));
        outbox.enqueue(transaction, OutgoingMessage.text(CaseBoard.privateChat(worker), details)
                .withEditKey(relayKey(transaction, handoverCase.id())));
        audit.record(transaction, worker.actor(), "case.view", handoverCase.id(), null, why);
    }

    void transfer(Connection transaction, HandoverCase handoverCase, StaffMember from, String target) throws SQLException {
        Optional<StaffMember> to = findColleague(transaction, handoverCase.team(), target);
        if (to.isEmpty()) {
            tellWorker(transaction, from, "transfer.unknownWorker", target, handoverCase.team());
            return;
        }
        if (cases.claimedCount(transaction, to.get().id()) >= settings.claimCapPerWorker()) {
            tellWorker(transaction, from, "transfer.cap", to.get().firstName(), settings.claimCapPerWorker());
            return;
        }
        if (!cases.transfer(transaction, handoverCase.id(), from.id(), to.get().id())) {
            tellWorker(transaction, from, "case.unknown", handoverCase.id());
            return;
        }
        audit.record(transaction, from.actor(), "case.transfer", handoverCase.id(), "worker:" + to.get().id(), null);
        tellWorker(transaction, from, "transfer.ok", handoverCase.id(), to.get().firstName());
        tellWorker(transaction, to.get(), "transfer.received", from.firstName(), handoverCase.id());
        takeOver(transaction, handoverCase.id(), to.get(), board.usesTopics(handoverCase) ? "claim.okForum" : "claim.ok");
    }

    /** Back to the queue, by the worker or because they stayed silent; posted again for the team. */
    void requeue(Connection transaction, HandoverCase handoverCase, StaffMember worker, String reason, boolean silent)
            throws SQLException {
        if (!cases.requeue(transaction, handoverCase.id())) {
            return;
        }
        audit.record(transaction, silent ? "system" : worker.actor(), "case.requeue", handoverCase.id(), "worker:" + worker.id(),
                silent ? "no reply for " + settings.silentClaimRequeueMinutes() + " minutes" : reason);
        if (silent) {
            tellWorker(transaction, worker, "requeue.silent", handoverCase.id(), settings.silentClaimRequeueMinutes());
        } else {
            tellWorker(transaction, worker, "requeue.ok", handoverCase.id());
        }
        tellResident(transaction, handoverCase, "requeued.resident", worker.firstName(), handoverCase.team());
        board.post(transaction, handoverCase.id());
    }

    void close(Connection transaction, HandoverCase handoverCase, StaffMember worker, String outcome) throws SQLException {
        if (!cases.close(transaction, handoverCase.id(), outcome.isBlank() ? null : outcome)) {
            return;
        }
        audit.record(transaction, worker.actor(), "case.close", handoverCase.id(), null, outcome.isBlank() ? null : outcome);
        board.refresh(transaction, handoverCase.id());
        tellWorker(transaction, worker, "close.ok", handoverCase.id());
        String language = handoverCase.language();
        tellResident(transaction, handoverCase, "closed.resident", worker.firstName());
        outbox.enqueue(transaction, OutgoingMessage.withButtons(handoverCase.residentChat(), messages.text(language, "feedback.question"),
                List.of(List.of(new Button(messages.text(language, "feedback.yes"), CaseCallback.feedback(true, handoverCase.id())),
                        new Button(messages.text(language, "feedback.no"), CaseCallback.feedback(false, handoverCase.id()))))));
    }

    void note(Connection transaction, HandoverCase handoverCase, StaffMember worker, String note) throws SQLException {
        history.addNote(transaction, handoverCase.id(), worker.id(), note);
        audit.record(transaction, worker.actor(), "case.note", handoverCase.id(), null, null);
        tellWorker(transaction, worker, "note.ok", handoverCase.id());
    }

    /** The worker's words to the resident, under the worker's first name; photos and documents go along. */
    void relayToResident(Connection transaction, HandoverCase handoverCase, StaffMember worker, IncomingMessage message)
            throws SQLException {
        if (message.attachmentId() == null && message.text().isBlank()) {
            tellWorker(transaction, worker, "relay.workerUnsupported", message.kind().name().toLowerCase(Locale.ROOT));
            return;
        }
        String text = message.text().isBlank() ? worker.firstName() + ":"
                : messages.text(handoverCase.language(), "worker.says", worker.firstName(), message.text());
        outbox.enqueue(transaction, new OutgoingMessage(handoverCase.residentChat(), text, List.of(), null, null, null,
                message.attachmentId()));
        history.append(transaction, handoverCase, "out", "worker", message.kind().name().toLowerCase(Locale.ROOT), message.text());
        cases.workerReplied(transaction, handoverCase.id());
    }

    private void relayToWorker(Connection transaction, HandoverCase handoverCase, IncomingMessage message) throws SQLException {
        boolean relayable = message.attachmentId() != null || message.kind() == MessageKind.TEXT;
        String body = relayable ? message.text() : text("relay.unsupported", message.kind().name().toLowerCase(Locale.ROOT));
        if (message.location() != null) {
            body = text("relay.location", String.format(Locale.ROOT, "%.5f", message.location().latitude()),
                    String.format(Locale.ROOT, "%.5f", message.location().longitude()));
        }
        String text = text("relay.resident", handoverCase.id(), residentName(handoverCase), body).strip();
        OutgoingMessage relay = new OutgoingMessage(handoverCase.residentChat(), text, List.of(), null, null, null,
                relayable ? message.attachmentId() : null);
        if (board.postInTopic(transaction, handoverCase, relay)) {
            return;
        }
        StaffMember worker = staff.byId(transaction, handoverCase.workerId()).orElseThrow();
        outbox.enqueue(transaction, new OutgoingMessage(CaseBoard.privateChat(worker), text, List.of(),
                relayKey(transaction, handoverCase.id()), null, null, relayable ? message.attachmentId() : null));
    }

    /** The case a worker's private message is about: the relayed message it replies to, else their current case. */
    Optional<Long> caseOfReply(Connection connection, ChatAddress workerChat, String replyToMessageId) throws SQLException {
        if (replyToMessageId == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT edit_key FROM sent_message_keys WHERE channel = ? AND chat_id = ? AND message_id = ?")) {
            select.setString(1, workerChat.channel());
            select.setString(2, workerChat.chatId());
            select.setString(3, replyToMessageId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Matcher matcher = RELAY_KEY.matcher(row.getString(1));
                return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
            }
        }
    }

    void tellWorker(Connection transaction, StaffMember worker, String key, Object... arguments) throws SQLException {
        outbox.enqueue(transaction, OutgoingMessage.text(CaseBoard.privateChat(worker), text(key, arguments)));
    }

    String text(String key, Object... arguments) {
        return messages.text(staffLanguage, key, arguments);
    }

    private void tellResident(Connection transaction, HandoverCase handoverCase, String key, Object... arguments) throws SQLException {
        outbox.enqueue(transaction, OutgoingMessage.text(handoverCase.residentChat(),
                messages.text(handoverCase.language(), key, arguments)));
    }

    private String relayKey(Connection transaction, long caseId) throws SQLException {
        return "relay:" + caseId + ":" + cases.nextRelayNumber(transaction, caseId);
    }

    private Optional<StaffMember> findColleague(Connection connection, String team, String target) throws SQLException {
        List<StaffMember> matches = staff.workersOf(connection, team).stream()
                .filter(member -> member.telegramUserId().equals(target) || member.firstName().equalsIgnoreCase(target))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private String residentName(HandoverCase handoverCase) {
        String name = handoverCase.residentFirstName();
        return name == null || name.isBlank() ? text("card.residentUnknown") : name;
    }
}
