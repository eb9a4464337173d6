package nl.luisterloket.bot.channel;

/** What kind of thing arrived. */
public enum MessageKind {
    TEXT,
    COMMAND,
    CALLBACK,
    VOICE,
    PHOTO,
    STICKER,
    DOCUMENT,
    VIDEO,
    LOCATION,
    OTHER
}
