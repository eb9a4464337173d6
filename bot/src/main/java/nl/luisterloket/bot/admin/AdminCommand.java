package nl.luisterloket.bot.admin;

import java.sql.SQLException;

/** One admin command's work. */
@FunctionalInterface
interface AdminCommand {

    void run(AdminRequest request) throws SQLException;
}
