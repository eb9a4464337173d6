package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.Author;
import nl.luisterloket.bot.channel.ChatAddress;
import nl.luisterloket.bot.config.LuisterloketConfig;

/** The residents table. */
@Singleton
public final class ResidentStore {

    private final Clock clock;

    @Inject
    public ResidentStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The resident behind this chat, created on first contact with the language of their client. */
    public Resident findOrCreate(Connection transaction, ChatAddress chat, Author author, String defaultLanguage) throws SQLException {
        Optional<Resident> existing = find(transaction, chat);
        String now = clock.instant().toString();
        if (existing.isPresent()) {
            try (PreparedStatement touch = transaction.prepareStatement("UPDATE residents SET last_seen_at = ? WHERE id = ?")) {
                touch.setString(1, now);
                touch.setLong(2, existing.get().id());
                touch.executeUpdate();
            }
            return existing.get();
        }
        String language = languageOf(author.languageCode(), defaultLanguage);
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO residents (channel, chat_id, first_name, language, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, chat.channel());
            insert.setString(2, chat.chatId());
            insert.setString(3, author.firstName());
            insert.setString(4, language);
            insert.setString(5, now);
            insert.setString(6, now);
            insert.executeUpdate();
        }
        Resident created = find(transaction, chat).orElseThrow();
        return new Resident(created.id(), chat, created.firstName(), created.language(), created.neighbourhood(),
                created.followUpEnabled(), true);
    }

    public Optional<Resident> find(Connection connection, ChatAddress chat) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, first_name, language, neighbourhood, follow_up_enabled FROM residents WHERE channel = ? AND chat_id = ?")) {
            select.setString(1, chat.channel());
            select.setString(2, chat.chatId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Resident(row.getLong(1), chat, row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5) == 1, false));
            }
        }
    }

    public Optional<Resident> findById(Connection connection, long residentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT channel, chat_id, first_name, language, neighbourhood, follow_up_enabled FROM residents WHERE id = ?")) {
            select.setLong(1, residentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Resident(residentId, new ChatAddress(row.getString(1), row.getString(2)), row.getString(3),
                        row.getString(4), row.getString(5), row.getInt(6) == 1, false));
            }
        }
    }

    public void setFollowUpEnabled(Connection transaction, long residentId, boolean enabled) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement("UPDATE residents SET follow_up_enabled = ? WHERE id = ?")) {
            update.setInt(1, enabled ? 1 : 0);
            update.setLong(2, residentId);
            update.executeUpdate();
        }
    }

    public void setLanguage(Connection transaction, long residentId, String language) throws SQLException {
        update(transaction, "UPDATE residents SET language = ? WHERE id = ?", language, residentId);
    }

    public void setNeighbourhood(Connection transaction, long residentId, String neighbourhood) throws SQLException {
        update(transaction, "UPDATE residents SET neighbourhood = ? WHERE id = ?", neighbourhood, residentId);
    }

    private static void update(Connection transaction, String sql, String value, long residentId) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(sql)) {
            update.setString(1, value);
            update.setLong(2, residentId);
            update.executeUpdate();
        }
    }

    /** "nl", "nl-BE" → nl; "en-GB" → en; anything else → the default language. */
    static String languageOf(String languageCode, String defaultLanguage) {
        if (languageCode == null || languageCode.isBlank()) {
            return defaultLanguage;
        }
        String primary = languageCode.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LuisterloketConfig.LANGUAGES.contains(primary) ? primary : defaultLanguage;
    }
}
