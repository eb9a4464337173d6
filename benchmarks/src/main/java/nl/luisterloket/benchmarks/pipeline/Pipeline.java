package nl.luisterloket.benchmarks.pipeline;

/**
 * The desk under load: takes resident messages in the way a channel does and reports every reply it sends.
 * Implementations run the whole application (routing, understanding, SQLite, outbox, delivery).
 */
interface Pipeline extends AutoCloseable {

    /** Starts the application; {@code replies} hears of every reply the moment it is sent. */
    void start(ReplyListener replies);

    /** Hands one text message from the resident of {@code chatId} to the desk; returns at once. */
    void submit(String chatId, String text);

    /** Resident messages in the database (direction 'in'): what was persisted. */
    long persistedIncomingMessages();

    /** Messages whose handling threw (the transaction rolled back). */
    long failedMessages();

    /** Outbox rows not sent yet. */
    long pendingReplies();

    @Override
    void close();

    /** Told of each reply as it leaves the desk. */
    interface ReplyListener {
        void replied(String chatId, long nanoTime);
    }
}
