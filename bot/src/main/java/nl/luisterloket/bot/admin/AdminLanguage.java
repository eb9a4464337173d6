package nl.luisterloket.bot.admin;

import java.util.Locale;

import nl.luisterloket.bot.channel.Author;

/** Admins read Dutch, or English when their client is set to English. */
final class AdminLanguage {

    private AdminLanguage() {
    }

    static String of(Author author) {
        String code = author.languageCode();
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "nl";
    }
}
