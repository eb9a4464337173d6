package nl.luisterloket.bot.config;

/** The configuration cannot be used; the message names the file, the key and what was expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
