package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.luisterloket.bot.channel.IncomingMessage;
import nl.luisterloket.bot.config.LuisterloketConfig;

/** The language to answer a message in, without creating a resident for it. */
@Singleton
final class ResidentLanguage {

    private final String defaultLanguage;

    @Inject
    ResidentLanguage(LuisterloketConfig config) {
        this.defaultLanguage = requireNonNull(config, "config is null").defaultLanguage();
    }

    String defaultLanguage() {
        return defaultLanguage;
    }

    /** The resident's chosen language; before there is one, their client's language when the desk speaks it. */
    String of(Connection connection, IncomingMessage message) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT language FROM residents WHERE channel = ? AND chat_id = ?")) {
            select.setString(1, message.chat().channel());
            select.setString(2, message.chat().chatId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getString(1);
                }
            }
        }
        String code = message.author().languageCode();
        if (code != null) {
            String primary = code.toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (LuisterloketConfig.LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return defaultLanguage;
    }
}
