package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Keeps questions the desk could not answer, with identifying details removed, for the admins' report. */
@Singleton
public final class UnansweredQuestionStore {

    private static final int MAX_LENGTH = 1_000;

    private final Clock clock;
    private final TextRedactor redactor;

    @Inject
    public UnansweredQuestionStore(Clock clock, TextRedactor redactor) {
        this.clock = requireNonNull(clock, "clock is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    public void keep(Connection transaction, String text, Collection<String> knownNames, String language, String neighbourhood)
            throws SQLException {
        String redacted = redactor.redact(text, knownNames).strip();
        if (redacted.isEmpty()) {
            return;
        }
        if (redacted.length() > MAX_LENGTH) {
            redacted = redacted.substring(0, MAX_LENGTH) + "…";
        }
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO unanswered_questions (text_redacted, language, neighbourhood, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, redacted);
            insert.setString(2, language);
            insert.setString(3, neighbourhood);
            insert.setString(4, clock.instant().toString());
            insert.executeUpdate();
        }
    }
}
