package nl.luisterloket.bot.telegram;

import java.util.ArrayList;
import java.util.List;

/** Telegram's text rules: HTML escaping for parse mode HTML, and splitting texts that are too long. */
final class TelegramText {

    /** The most characters one message may hold. */
    static final int MESSAGE_LIMIT = 4096;
    /** The most characters a caption under a photo or document may hold. */
    static final int CAPTION_LIMIT = 1024;

    private TelegramText() {
    }

    /** Escapes a plain text for parse mode HTML: whatever a person typed shows as typed, never as markup. */
    static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }

    /**
     * Splits a plain text into parts of at most {@code limit} characters: between paragraphs where
     * possible, else between lines, else between words, else anywhere (never inside a surrogate
     * pair). A text within the limit comes back whole; no part is blank.
     */
    static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2");
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int cutPoint(String text, int limit) {
        for (String border : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(border, limit - border.length());
            if (at > 0) {
                return at + border.length();
            }
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }
}
