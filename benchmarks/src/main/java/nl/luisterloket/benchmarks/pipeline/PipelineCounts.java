package nl.luisterloket.benchmarks.pipeline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import com.google.inject.Injector;

import nl.luisterloket.bot.channel.Outbox;
import nl.luisterloket.bot.storage.Database;

/** What a run left in the application's database. */
final class PipelineCounts {

    private PipelineCounts() {
    }

    static long persistedIncomingMessages(Injector injector) {
        return injector.getInstance(Database.class).read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM messages WHERE direction = 'in'");
                 ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    static long pendingReplies(Injector injector) {
        Outbox outbox = injector.getInstance(Outbox.class);
        return injector.getInstance(Database.class).read(connection -> (long) outbox.pendingCount(connection));
    }
}
