package nl.luisterloket.bot.channel;

import static java.util.Objects.requireNonNull;

/**
 * Who sent a message, as the channel knows them.
 *
 * @param userId       the channel's user id
 * @param firstName    first name as the channel gives it, may be null
 * @param languageCode the client's language code ("nl", "en-GB"), may be null
 */
public record Author(String userId, String firstName, String languageCode) {

    public Author {
        requireNonNull(userId, "userId is null");
    }
}
