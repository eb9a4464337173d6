package nl.luisterloket.bot.config;

import static java.util.Objects.requireNonNull;

/** A secret value (the bot token) that never shows itself in {@code toString()}, logs or errors. */
public final class Secret {

    private final String value;

    @com.fasterxml.jackson.annotation.JsonCreator
    public Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "********";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
