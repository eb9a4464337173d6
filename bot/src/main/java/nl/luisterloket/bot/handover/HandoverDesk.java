package nl.luisterloket.bot.handover;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the conversation hands a resident to a person. */
public interface HandoverDesk {

    /**
     * Starts a hand-over inside the caller's transaction: asks the resident's consent (not on a
     * crisis), opens a case and tells the resident what happens next, all through the outbox.
     * Does nothing new when the resident already has an open case.
     */
    void requestHandover(Connection transaction, HandoverRequest request) throws SQLException;

    /** Whether the resident has a case that is not closed (the bot then leaves the talking to the case). */
    boolean hasOpenCase(Connection connection, long residentId) throws SQLException;
}
