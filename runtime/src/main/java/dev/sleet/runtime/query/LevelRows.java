package dev.sleet.runtime.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one level as read from a statement, with, per row, the parsed JSON of each nested include
 * that travelled inside the statement ({@code json.get(row)[include]}; null entries for batched includes).
 */
record LevelRows<T>(List<T> rows, List<Object[]> json) {
    /** Executes {@code ps}: the table's columns first, then one JSON column per JSON include of {@code shape}. */
    static <T> LevelRows<T> read(PreparedStatement ps, TableModel<T> table, boolean[] jsonIncludes) throws SQLException {
        int jsonCount = 0;
        for (boolean j : jsonIncludes) {
            jsonCount += j ? 1 : 0;
        }
        try (ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            if (jsonCount == 0) {
                while (rs.next()) {
                    rows.add(table.map(rs));
                }
                return new LevelRows<>(rows, null);
            }
            int first = rs.getMetaData().getColumnCount() - jsonCount + 1;
            List<Object[]> json = new ArrayList<>();
            while (rs.next()) {
                rows.add(table.map(rs));
                Object[] nested = new Object[jsonIncludes.length];
                int column = first;
                for (int k = 0; k < jsonIncludes.length; k++) {
                    if (jsonIncludes[k]) {
                        nested[k] = JsonReader.parse(rs.getString(column++));
                    }
                }
                json.add(nested);
            }
            return new LevelRows<>(rows, json);
        }
    }
}
