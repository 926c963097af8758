package dev.sleet.studio;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.runtime.schedule.ConflictCheckedInsert;
import dev.sleet.runtime.schedule.FreeSlot;
import dev.sleet.runtime.schedule.FreeSlots;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduling timeline over a {@link TimelineSpec} table: lanes (resources), the bookings that
 * overlap a window, the free gaps between them, and booking through the runtime's
 * {@link ConflictCheckedInsert} (the loop behind generated {@code insertIfFree}), which relies on
 * the exclusion constraint and reports the rows in the way when it refuses.
 */
final class Timeline {
    static final int MAX_LANES = 50;
    private final Database database;

    Timeline(Database database) {
        this.database = database;
    }

    record Lane(String id, String label) {
    }

    record Booking(Map<String, String> key, String resource, long startMs, long endMs, List<String> row) {
    }

    record Window(List<Lane> lanes, List<Booking> bookings, Map<String, List<long[]>> free) {
    }

    /**
     * Lanes: the referenced table's rows when the resource column is a foreign key, else the resource
     * values in use; the first {@value #MAX_LANES}, or the ones named in {@code wanted}.
     */
    List<Lane> lanes(Connection c, Catalog catalog, TimelineSpec spec, List<String> wanted) throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql;
        Table target = spec.resourceKey() == null ? null
                : catalog.find(spec.resourceKey().referencedTable().schema() + "." + spec.resourceKey().referencedTable().name()).orElse(null);
        if (target != null) {
            Column idColumn = Catalog.column(target, spec.resourceKey().referencedColumns().get(0));
            String id = SqlText.quote(idColumn.name());
            String label = SqlText.quote(Catalog.labelColumn(target));
            sql = "SELECT CAST(" + id + " AS text), CAST(" + label + " AS text) FROM " + target.name().sql()
                    + (wanted.isEmpty() ? "" : " WHERE " + id + " IN (" + String.join(", ", wanted.stream().map(w -> SqlText.param(idColumn)).toList()) + ")")
                    + " ORDER BY " + id + " LIMIT " + MAX_LANES;
        } else {
            String r = SqlText.quote(spec.resource().name());
            sql = "SELECT DISTINCT CAST(" + r + " AS text), CAST(" + r + " AS text), " + r + " FROM " + spec.table().name().sql()
                    + (wanted.isEmpty() ? "" : " WHERE " + r + " IN (" + String.join(", ", wanted.stream().map(w -> SqlText.param(spec.resource())).toList()) + ")")
                    + " ORDER BY " + r + " LIMIT " + MAX_LANES;
        }
        values.addAll(wanted);
        List<Lane> lanes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TableQuery.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lanes.add(new Lane(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return lanes;
    }

    /** The bookings of {@code resources} overlapping {@code [from, to)}, and each lane's free gaps in that window. */
    Window window(Connection c, TimelineSpec spec, List<Lane> lanes, String from, String to) throws SQLException {
        Table table = spec.table();
        List<String> pk = table.primaryKeyOpt().map(p -> p.columns()).orElse(List.of());
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(RowEditor.allColumns(table))
                .append(", CAST(").append(SqlText.quote(spec.resource().name())).append(" AS text)")
                .append(", (EXTRACT(EPOCH FROM ").append(SqlText.quote(spec.start().name())).append(") * 1000)::bigint")
                .append(", (EXTRACT(EPOCH FROM ").append(SqlText.quote(spec.end().name())).append(") * 1000)::bigint")
                .append(" FROM ").append(table.name().sql()).append(" WHERE ");
        if (!lanes.isEmpty()) {
            sql.append(SqlText.quote(spec.resource().name())).append(" IN (")
                    .append(String.join(", ", lanes.stream().map(l -> SqlText.param(spec.resource())).toList())).append(") AND ");
            lanes.forEach(l -> values.add(l.id()));
        }
        sql.append(spec.rangeOfRow()).append(" && ").append(spec.rangeOfParams());
        values.add(typed(spec.start(), from));
        values.add(typed(spec.end(), to));
        sql.append(" ORDER BY ").append(SqlText.quote(spec.start().name())).append(" LIMIT 5000");

        List<Booking> bookings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            TableQuery.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                int width = table.columns().size();
                while (rs.next()) {
                    List<String> row = TableQuery.cells(rs, width);
                    Map<String, String> key = new LinkedHashMap<>();
                    pk.forEach(name -> key.put(name, row.get(indexOf(table, name))));
                    bookings.add(new Booking(key, rs.getString(width + 1), rs.getLong(width + 2), rs.getLong(width + 3), row));
                }
            }
        }
        Instant[] bounds = instants(c, spec, from, to);
        Instant windowStart = bounds[0];
        Instant windowEnd = bounds[1];
        Map<String, List<long[]>> free = new LinkedHashMap<>();
        for (Lane lane : lanes) {
            List<Booking> own = bookings.stream().filter(b -> lane.id().equals(b.resource())).toList();
            List<FreeSlot<Instant>> gaps = FreeSlots.between(windowStart, windowEnd, own,
                    b -> Instant.ofEpochMilli(b.startMs()), b -> Instant.ofEpochMilli(b.endMs()), Duration.ZERO);
            free.put(lane.id(), gaps.stream().map(g -> new long[] {g.start().toEpochMilli(), g.end().toEpochMilli()}).toList());
        }
        return new Window(lanes, bookings, free);
    }

    /** Books {@code values} (resource, start, end and any other columns) unless it overlaps; the stored row or the rows in the way. */
    BookingResult<List<String>> book(TimelineSpec spec, Map<String, String> values) {
        Table table = spec.table();
        Map<Column, String> columns = RowEditor.columns(table, values);
        for (Column required : List.of(spec.resource(), spec.start(), spec.end())) {
            if (values.get(required.name()) == null) {
                throw HttpError.badRequest("a booking needs a value for " + required.name());
            }
        }
        List<Object> bound = new ArrayList<>(columns.values());
        String sql = "INSERT INTO " + table.name().sql() + " (" + SqlText.quotedList(columns.keySet().stream().map(Column::name).toList())
                + ") VALUES (" + String.join(", ", columns.keySet().stream().map(SqlText::param).toList()) + ") RETURNING " + RowEditor.allColumns(table);
        return ConflictCheckedInsert.run(database, "book into " + table.name().sql(), spec.constraint().name(),
                c -> RowEditor.single(c, sql, bound),
                () -> database.withConnection("find the bookings in the way in " + table.name().sql(),
                        c -> ExclusionConflicts.find(c, table, spec.constraint(), values, null).orElse(List.of())));
    }

    private static int indexOf(Table table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + column);
    }

    /** A window bound for a date column is its date part; timestamps take ISO text as it is. */
    static String typed(Column column, String value) {
        if (value == null) {
            throw HttpError.badRequest("the timeline window needs \"from\" and \"to\"");
        }
        return column.type().sql().equals("date") && value.length() > 10 ? value.substring(0, 10) : value;
    }

    /** The window's bounds as instants, read by PostgreSQL with the columns' own types. */
    private static Instant[] instants(Connection c, TimelineSpec spec, String from, String to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (EXTRACT(EPOCH FROM " + SqlText.param(spec.start()) + ") * 1000)::bigint, "
                + "(EXTRACT(EPOCH FROM " + SqlText.param(spec.end()) + ") * 1000)::bigint")) {
            ps.setString(1, typed(spec.start(), from));
            ps.setString(2, typed(spec.end(), to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Instant[] {Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2))};
            }
        }
    }
}
