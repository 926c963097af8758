package dev.sleet.runtime.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Where the list of targets comes from: a file, a query on a control database, or code. */
public final class FleetTargets {
    private FleetTargets() {
    }

    /**
     * One target per line: {@code <url>} or {@code <url> <schema>}. Blank lines and lines starting
     * with {@code #} are ignored; a target listed twice is kept once.
     *
     * @throws FleetException naming the file and line of a malformed entry
     */
    public static List<FleetTarget> fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FleetException("cannot read the targets file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Map<String, FleetTarget> targets = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length > 2) {
                throw new FleetException(file + " line " + (i + 1) + ": expected '<url>' or '<url> <schema>', found " + parts.length
                        + " words; URL-encode spaces in the URL");
            }
            FleetTarget target = new FleetTarget(parts[0], parts.length == 2 ? parts[1] : null);
            check(target, file + " line " + (i + 1));
            targets.putIfAbsent(target.id(), target);
        }
        return List.copyOf(targets.values());
    }

    /**
     * Runs {@code sql} on the control database: the first column is the URL, an optional second
     * column the schema. The query comes from the operator (like {@code psql -c}), not from data.
     */
    public static List<FleetTarget> fromQuery(DataSource control, String sql) {
        Map<String, FleetTarget> targets = new LinkedHashMap<>();
        try (Connection c = control.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            boolean hasSchema = rs.getMetaData().getColumnCount() >= 2;
            int row = 0;
            while (rs.next()) {
                row++;
                String url = rs.getString(1);
                if (url == null) {
                    throw new FleetException("the targets query returned a null URL in row " + row + ": " + sql);
                }
                FleetTarget target = new FleetTarget(url, hasSchema ? rs.getString(2) : null);
                check(target, "row " + row + " of the targets query");
                targets.putIfAbsent(target.id(), target);
            }
        } catch (SQLException e) {
            throw new FleetException("the targets query failed on the control database: " + e.getMessage() + " (query: " + sql + ")", e);
        }
        return List.copyOf(targets.values());
    }

    /** A list built by the application, checked like the others. */
    public static List<FleetTarget> of(List<FleetTarget> targets) {
        List<FleetTarget> checked = new ArrayList<>();
        for (FleetTarget t : targets) {
            check(t, "target " + t.url());
            checked.add(t);
        }
        return List.copyOf(checked);
    }

    private static void check(FleetTarget target, String where) {
        try {
            target.id();
        } catch (IllegalArgumentException e) {
            throw new FleetException(where + ": " + e.getMessage(), e);
        }
    }
}
