package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.audit.AuditLog;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;

/**
 * Opens a case for the team of the conversation's main life domain: asks the resident's consent
 * first, except in a crisis, which goes to the team at once, marked urgent.
 */
@Singleton
final class TeamHandoverDesk implements HandoverDesk {

    private final CaseStore cases;
    private final CaseWorkflow workflow;
    private final AuditLog audit;
    private final Outbox outbox;
    private final HandoverSettings settings;
    private final Messages messages;

    @Inject
    TeamHandoverDesk(CaseStore cases, CaseWorkflow workflow, AuditLog audit, Outbox outbox, HandoverSettings settings,
            LuisterloketConfig config) {
        this.cases = requireNonNull(cases, "cases is null");
        this.workflow = requireNonNull(workflow, "workflow is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.messages = new Messages("handover", config.defaultLanguage());
    }

    @Override
    public void requestHandover(Connection transaction, HandoverRequest request) throws SQLException {
        Optional<HandoverCase> open = cases.openOf(transaction, request.residentId());
        if (open.isPresent()) {
            if (open.get().status() == CaseStatus.AWAITING_CONSENT) {
                workflow.askConsent(transaction, open.get(), "consent.question");
            } else {
                outbox.enqueue(transaction, OutgoingMessage.text(request.residentChat(), messages.text(request.language(), "alreadyOpen")));
            }
            return;
        }
        String team = settings.teamFor(request.domains());
        if (request.urgent()) {
            long caseId = cases.open(transaction, request, team, CaseStatus.QUEUED, "not_asked");
            audit.record(transaction, "resident:" + request.residentId(), "case.open", caseId, team, "crisis: no consent asked");
            workflow.enterQueue(transaction, caseId, "queued");
            return;
        }
        long caseId = cases.open(transaction, request, team, CaseStatus.AWAITING_CONSENT, null);
        audit.record(transaction, "resident:" + request.residentId(), "case.open", caseId, team, request.trigger().name());
        workflow.askConsent(transaction, cases.find(transaction, caseId).orElseThrow(), "consent.question");
    }

    @Override
    public boolean hasOpenCase(Connection connection, long residentId) throws SQLException {
        return cases.openOf(connection, residentId).isPresent();
    }
}
