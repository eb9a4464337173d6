package nl.luisterloket.bot.handover;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.Messages;
import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.channel.OutgoingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;

/** Opens a queued case for the resident and tells them a person will read along. */
@Singleton
final class CaseQueueDesk implements HandoverDesk {

    static final String DEFAULT_TEAM = "buurtteam";

    private final Clock clock;
    private final Outbox outbox;
    private final Messages messages;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    CaseQueueDesk(Clock clock, Outbox outbox, LuisterloketConfig config) {
        this.clock = requireNonNull(clock, "clock is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.messages = new Messages("handover", config.defaultLanguage());
    }

    @Override
    public void requestHandover(Connection transaction, HandoverRequest request) throws SQLException {
        if (hasOpenCase(transaction, request.residentId())) {
            outbox.enqueue(transaction, OutgoingMessage.text(request.residentChat(), messages.text(request.language(), "alreadyOpen")));
            return;
        }
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO cases (resident_id, conversation_id, team, trigger, urgency, status, domains_json, services_json, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)")) {
            insert.setLong(1, request.residentId());
            insert.setLong(2, request.conversationId());
            insert.setString(3, DEFAULT_TEAM);
            insert.setString(4, request.trigger().name().toLowerCase(java.util.Locale.ROOT));
            insert.setString(5, request.urgent() ? "urgent" : "normal");
            insert.setString(6, write(request.domains()));
            insert.setString(7, write(request.suggestedServiceIds()));
            insert.setString(8, clock.instant().toString());
            insert.executeUpdate();
        }
        outbox.enqueue(transaction, OutgoingMessage.text(request.residentChat(),
                messages.text(request.language(), request.urgent() ? "queuedUrgent" : "queued")));
    }

    @Override
    public boolean hasOpenCase(Connection connection, long residentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM cases WHERE resident_id = ? AND status <> 'closed' LIMIT 1")) {
            select.setLong(1, residentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write case field", e);
        }
    }
}
