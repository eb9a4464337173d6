package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.inject.Inject;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.channel.MessageKind;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.routing.MessageRoute;

/**
 * The resident's side during a case: the consent and feedback buttons, and everything they write
 * while a case is open (or within the reopen window), which goes to the case, never to the bot.
 * Commands pass on, so that /vergeet and the like keep working during a case.
 */
final class ResidentCaseRoute implements MessageRoute {

    private final CaseStore cases;
    private final CaseWorkflow workflow;
    private final Outbox outbox;
    private final Messages messages;
    private final CrisisChecks crisisChecks;

    @Inject
    ResidentCaseRoute(CaseStore cases, CaseWorkflow workflow, Outbox outbox, CrisisChecks crisisChecks, LuisterloketConfig config) {
        this.messages = new Messages("handover", config.defaultLanguage());
        this.cases = requireNonNull(cases, "cases is null");
        this.workflow = requireNonNull(workflow, "workflow is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.crisisChecks = requireNonNull(crisisChecks, "crisisChecks is null");
    }

    @Override
    public int priority() {
        return 300;
    }

    @Override
    public boolean accepts(Connection transaction, IncomingMessage message) throws SQLException {
        if (!message.privateChat()) {
            return false;
        }
        if (message.kind() == MessageKind.CALLBACK) {
            return CaseCallback.parse(message.callbackData()).filter(callback -> !callback.isWorkerAction()).isPresent();
        }
        if (message.kind() == MessageKind.COMMAND) {
            return false;
        }
        Optional<HandoverCase> open = cases.openOf(transaction, message.chat());
        if (open.isPresent()) {
            // Waiting for consent, only a typed yes or no is for the case: anything else the bot answers,
            // and the question with its buttons stays open.
            return open.get().status() != CaseStatus.AWAITING_CONSENT || CaseWorkflow.typedConsent(message.text()).isPresent();
        }
        return cases.lastHandledOf(transaction, message.chat()).filter(workflow::withinReopenWindow).isPresent();
    }

    /** Its checks only read, so they tell ahead too: a message for a case is not understood ahead, only checked for a crisis. */
    @Override
    public Forecast forecast(Connection connection, IncomingMessage message) throws SQLException {
        return accepts(connection, message) ? Forecast.TAKES : Forecast.LEAVES;
    }

    /**
     * A text (or a caption) for a case that waits for a worker, or that may reopen into the queue, is checked for a
     * crisis ahead, as its handling would check it; one for a worker goes to the worker unchecked.
     */
    @Override
    public Runnable preparation(Connection connection, IncomingMessage message) throws SQLException {
        if (message.text() == null || message.text().isBlank()) {
            return null;
        }
        // the route takes it (see forecast): no open case means one that may reopen into the queue
        CaseStatus status = cases.openOf(connection, message.chat()).map(HandoverCase::status).orElse(CaseStatus.QUEUED);
        return status == CaseStatus.QUEUED ? () -> crisisChecks.prepare(message.text()) : null;
    }

    @Override
    public void handle(Connection transaction, IncomingMessage message) throws SQLException {
        if (message.kind() == MessageKind.CALLBACK) {
            handleButton(transaction, message, CaseCallback.parse(message.callbackData()).orElseThrow());
            return;
        }
        Optional<HandoverCase> open = cases.openOf(transaction, message.chat());
        if (open.isPresent()) {
            workflow.fromResident(transaction, open.get(), message);
            return;
        }
        Optional<HandoverCase> closed = cases.lastHandledOf(transaction, message.chat()).filter(workflow::withinReopenWindow);
        if (closed.isPresent()) {
            workflow.reopen(transaction, closed.get(), message);
        }
    }

    private void handleButton(Connection transaction, IncomingMessage message, CaseCallback callback) throws SQLException {
        Optional<HandoverCase> found = cases.find(transaction, callback.caseId())
                .filter(handoverCase -> handoverCase.residentChat().equals(message.chat()));
        if (found.isEmpty()) {
            return;
        }
        HandoverCase handoverCase = found.get();
        switch (callback.action()) {
            case CaseCallback.CONSENT_YES -> workflow.consent(transaction, handoverCase, true);
            case CaseCallback.CONSENT_NO -> workflow.consent(transaction, handoverCase, false);
            case CaseCallback.FEEDBACK_YES, CaseCallback.FEEDBACK_NO -> {
                String answer = CaseCallback.FEEDBACK_YES.equals(callback.action()) ? "yes" : "no";
                if (cases.feedback(transaction, handoverCase.id(), answer)) {
                    outbox.enqueue(transaction, OutgoingMessage.text(message.chat(),
                            messages.text(handoverCase.language(), "feedback.thanks")));
                }
            }
            default -> {
                // an old or foreign button: nothing to do
            }
        }
    }
}
