package nl.luisterloket.bot.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** How SQLite would run a statement: the steps of {@code EXPLAIN QUERY PLAN}, such as "SEARCH cases USING INDEX …". */
public final class QueryPlan {

    private QueryPlan() {
    }

    /** The plan's steps; every placeholder of {@code sql} is bound to {@code value}. */
    public static List<String> of(Database database, String sql, String value) {
        return database.read(connection -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int parameter = 1; parameter <= explain.getParameterMetaData().getParameterCount(); parameter++) {
                    explain.setString(parameter, value);
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        steps.add(rows.getString("detail"));
                    }
                }
            }
            return steps;
        });
    }
}
