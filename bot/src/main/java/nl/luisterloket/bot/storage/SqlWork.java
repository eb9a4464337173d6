package nl.luisterloket.bot.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection inside a transaction or a read. */
@FunctionalInterface
public interface SqlWork<T> {

    T apply(Connection connection) throws SQLException;
}
