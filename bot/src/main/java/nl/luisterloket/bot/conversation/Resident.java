package nl.luisterloket.bot.conversation;

import static java.util.Objects.requireNonNull;

import nl.luisterloket.bot.channel.ChatAddress;

/** A resident as stored: who they are to the desk, nothing more than needed. */
public record Resident(long id, ChatAddress chat, String firstName, String language, String neighbourhood,
        boolean followUpEnabled, boolean isNew) {

    public Resident {
        requireNonNull(chat, "chat is null");
        requireNonNull(language, "language is null");
    }
}
