package nl.luisterloket.bot.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables and columns the database has now. Erasing and exporting a resident's data work from
 * the live schema, so a table another feature adds later with a {@code resident_id} column is
 * covered without anyone remembering to update a list.
 */
final class DatabaseSchema {

    private final Map<String, List<String>> columnsByTable;

    private DatabaseSchema(Map<String, List<String>> columnsByTable) {
        this.columnsByTable = columnsByTable;
    }

    static DatabaseSchema read(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> names = new ArrayList<>();
            try (PreparedStatement info = connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                info.setString(1, table);
                try (ResultSet rows = info.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
            columns.put(table, List.copyOf(names));
        }
        return new DatabaseSchema(columns);
    }

    List<String> tables() {
        return List.copyOf(columnsByTable.keySet());
    }

    List<String> tablesWith(String column) {
        return columnsByTable.entrySet().stream()
                .filter(entry -> entry.getValue().contains(column))
                .map(Map.Entry::getKey)
                .toList();
    }

    List<String> columnsOf(String table) {
        return columnsByTable.getOrDefault(table, List.of());
    }

    boolean has(String table, String column) {
        return columnsOf(table).contains(column);
    }

    /** Table names come from sqlite_master, never from input; quoting guards odd names all the same. */
    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
