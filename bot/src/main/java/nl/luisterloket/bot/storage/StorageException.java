package nl.luisterloket.bot.storage;

/** A database operation failed; wraps {@link java.sql.SQLException} once, at the storage edge. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
