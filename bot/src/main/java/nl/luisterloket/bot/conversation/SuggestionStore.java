package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.knowledge.understanding.Suggestion;

/**
 * The suggestions table: which services the desk showed in a conversation and what the resident
 * said about them ({@code helped}, {@code something_else}, {@code wrong_details}). A "Klopt niet"
 * also flags the service, so admins see it in their digest.
 */
@Singleton
public final class SuggestionStore {

    public static final String HELPED = "helped";
    public static final String SOMETHING_ELSE = "something_else";
    public static final String WRONG_DETAILS = "wrong_details";

    private final Clock clock;

    @Inject
    public SuggestionStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Records the services shown, best first; returns the id of the first row (the rows of one answer have consecutive ids). */
    public long recordShown(Connection transaction, long conversationId, List<Suggestion> shown, String decision) throws SQLException {
        long firstId = -1;
        String now = clock.instant().toString();
        for (int rank = 0; rank < shown.size(); rank++) {
            try (PreparedStatement insert = transaction.prepareStatement(
                    "INSERT INTO suggestions (conversation_id, service_id, rank, confidence, decision, shown_at) VALUES (?, ?, ?, ?, ?, ?)"
                            + " RETURNING id")) {
                insert.setLong(1, conversationId);
                insert.setString(2, shown.get(rank).service().id());
                insert.setInt(3, rank + 1);
                insert.setDouble(4, shown.get(rank).confidence());
                insert.setString(5, decision);
                insert.setString(6, now);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    if (rank == 0) {
                        firstId = row.getLong(1);
                    }
                }
            }
        }
        return firstId;
    }

    /** Sets the feedback on the rows of one answer that belong to this resident's conversations; returns how many rows. */
    public int recordFeedback(Connection transaction, long residentId, long firstId, int count, String feedback) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE suggestions SET feedback = ?, feedback_at = ? WHERE id BETWEEN ? AND ?"
                        + " AND conversation_id IN (SELECT id FROM conversations WHERE resident_id = ?)")) {
            update.setString(1, feedback);
            update.setString(2, clock.instant().toString());
            update.setLong(3, firstId);
            update.setLong(4, firstId + count - 1);
            update.setLong(5, residentId);
            return update.executeUpdate();
        }
    }

    /** The services of one answer, best first (only when it belongs to this resident). */
    public List<ShownSuggestion> answer(Connection connection, long residentId, long firstId, int count) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, service_id FROM suggestions WHERE id BETWEEN ? AND ?"
                        + " AND conversation_id IN (SELECT id FROM conversations WHERE resident_id = ?) ORDER BY id")) {
            select.setLong(1, firstId);
            select.setLong(2, firstId + count - 1);
            select.setLong(3, residentId);
            List<ShownSuggestion> shown = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    shown.add(new ShownSuggestion(rows.getLong(1), rows.getString(2)));
                }
            }
            return shown;
        }
    }

    /** "Klopt niet" on one shown service: recorded on the suggestion, and the service is flagged for the admins. */
    public Optional<String> markWrongDetails(Connection transaction, long residentId, long suggestionId) throws SQLException {
        List<ShownSuggestion> shown = answer(transaction, residentId, suggestionId, 1);
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        recordFeedback(transaction, residentId, suggestionId, 1, WRONG_DETAILS);
        try (PreparedStatement flag = transaction.prepareStatement("UPDATE services SET flagged = 1 WHERE id = ?")) {
            flag.setString(1, shown.get(0).serviceId());
            flag.executeUpdate();
        }
        return Optional.of(shown.get(0).serviceId());
    }

    /** One row of the suggestions table. */
    public record ShownSuggestion(long id, String serviceId) {
    }
}
