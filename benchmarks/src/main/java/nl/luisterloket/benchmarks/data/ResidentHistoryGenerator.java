package nl.luisterloket.benchmarks.data;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import nl.luisterloket.bot.storage.Database;

/**
 * Fills an empty database with residents of Telegram chats {@code FIRST_CHAT_ID, FIRST_CHAT_ID + 1, …} and their
 * conversations of the last 90 days (one to three each, the last one still open, four to twelve messages each).
 */
public final class ResidentHistoryGenerator {

    public static final long FIRST_CHAT_ID = 700_000_000L;
    public static final String CHANNEL = "telegram";

    private final MessageMix mix;

    public ResidentHistoryGenerator(MessageMix mix) {
        this.mix = requireNonNull(mix, "mix is null");
    }

    /** The chat id of the n-th generated resident (0-based). */
    public static String chatId(int resident) {
        return Long.toString(FIRST_CHAT_ID + resident);
    }

    /** Writes {@code count} residents with history into an empty database; returns how many messages it wrote. */
    public long generate(Database database, int count, Instant now, long seed) {
        Random random = new Random(seed);
        List<String> texts = mix.messages(2_000, seed);
        List<String> neighbourhoods = Province.invented().neighbourhoods();
        return database.inTransaction(connection -> {
            long messagesWritten = 0;
            long conversationId = 0;
            try (PreparedStatement resident = connection.prepareStatement(
                    "INSERT INTO residents (id, channel, chat_id, first_name, language, neighbourhood, created_at, last_seen_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement conversation = connection.prepareStatement(
                         "INSERT INTO conversations (id, resident_id, status, state_json, started_at, last_activity_at, closed_at)"
                                 + " VALUES (?, ?, ?, '{}', ?, ?, ?)");
                 PreparedStatement message = connection.prepareStatement(
                         "INSERT INTO messages (conversation_id, direction, author, kind, text, created_at) VALUES (?, ?, ?, 'text', ?, ?)")) {
                for (int r = 0; r < count; r++) {
                    Instant firstSeen = now.minus(Duration.ofMinutes(1 + random.nextInt(90 * 24 * 60)));
                    int conversations = 1 + random.nextInt(3);
                    Instant time = firstSeen;
                    for (int c = 0; c < conversations; c++) {
                        conversationId++;
                        boolean last = c == conversations - 1;
                        Instant started = time;
                        int messages = 4 + random.nextInt(9);
                        for (int m = 0; m < messages; m++) {
                            boolean in = m % 2 == 0;
                            message.setLong(1, conversationId);
                            message.setString(2, in ? "in" : "out");
                            message.setString(3, in ? "resident" : "bot");
                            message.setString(4, in ? texts.get(random.nextInt(texts.size())) : "Dit kan je helpen: …");
                            message.setString(5, time.toString());
                            message.addBatch();
                            time = time.plusSeconds(5 + random.nextInt(120));
                        }
                        messagesWritten += messages;
                        conversation.setLong(1, conversationId);
                        conversation.setLong(2, r + 1L);
                        conversation.setString(3, last ? "open" : "closed");
                        conversation.setString(4, started.toString());
                        conversation.setString(5, time.toString());
                        conversation.setString(6, last ? null : time.toString());
                        conversation.addBatch();
                        time = time.plus(Duration.ofHours(1 + random.nextInt(72)));
                        if (time.isAfter(now)) {
                            time = now;
                        }
                    }
                    resident.setLong(1, r + 1L);
                    resident.setString(2, CHANNEL);
                    resident.setString(3, chatId(r));
                    resident.setString(4, "Bewoner " + r);
                    resident.setString(5, random.nextInt(10) == 0 ? "en" : "nl");
                    resident.setString(6, random.nextInt(3) == 0 ? neighbourhoods.get(random.nextInt(neighbourhoods.size())) : null);
                    resident.setString(7, firstSeen.toString());
                    resident.setString(8, time.toString());
                    resident.addBatch();
                    if (r % 500 == 499 || r == count - 1) {
                        resident.executeBatch();
                        conversation.executeBatch();
                        message.executeBatch();
                    }
                }
            }
            return messagesWritten;
        });
    }
}
