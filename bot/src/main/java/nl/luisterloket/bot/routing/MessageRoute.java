package nl.luisterloket.bot.routing;

import java.sql.Connection;
import java.sql.SQLException;

import nl.luisterloket.bot.channel.IncomingMessage;

/**
 * One feature's claim on incoming messages (worker commands, admin commands, relay during a
 * case, the resident's conversation). Routes are asked in {@link #priority()} order; the first
 * that accepts a message handles it.
 */
public interface MessageRoute {

    /** Lower is asked first. The resident conversation is the fallback at {@link Integer#MAX_VALUE}. */
    int priority();

    /** Whether this route takes the message; called inside the message's transaction. */
    boolean accepts(Connection transaction, IncomingMessage message) throws SQLException;

    /** Handles it inside the message's transaction: state changes and replies (via the outbox). */
    void handle(Connection transaction, IncomingMessage message) throws SQLException;

    /**
     * See {@link nl.luisterloket.bot.channel.IncomingMessageHandler#prepare}: reads what preparing the message needs on
     * {@code connection} (read-only; any thread) and returns the work to do once that read is over, or null for none.
     * Runs when this route's {@link #forecast} takes the message, or when no route's does and this one is unsure.
     */
    default Runnable preparation(Connection connection, IncomingMessage message) throws SQLException {
        return null;
    }

    /**
     * Whether this route will take the message as things stand, judged ahead on a read-only connection, so that only
     * the preparation that will be used runs (understanding a message that a case relays to a worker is work thrown
     * away). Changes nothing. If things change before the message's turn, handling does what was not prepared.
     */
    default Forecast forecast(Connection connection, IncomingMessage message) throws SQLException {
        return Forecast.UNSURE;
    }

    /** What a route tells ahead about a message. */
    enum Forecast {
        /** It will take the message: only its preparation runs. */
        TAKES,
        /** It will not: its preparation does not run. */
        LEAVES,
        /** It cannot tell: its preparation runs unless a route takes the message. */
        UNSURE
    }
}
