package dev.sleet.studio;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The live database's tables as the {@link Introspector} reads them, with PostgreSQL's row
 * estimates. Every identifier the studio puts in SQL comes from here: a request names a table by
 * the key {@code schema.name} and a column by its name, both looked up in this model, never
 * pasted; an unknown name is a 404 or 400, not an SQL error.
 */
final class Catalog {
    private final DatabaseSchema schema;
    private final Map<String, Table> tables;
    private final Map<String, Long> estimates;

    private Catalog(DatabaseSchema schema, Map<String, Long> estimates) {
        this.schema = schema;
        Map<String, Table> byKey = new LinkedHashMap<>();
        schema.tables().forEach(t -> byKey.put(key(t), t));
        this.tables = byKey;
        this.estimates = estimates;
    }

    static Catalog load(DataSource dataSource) throws SQLException {
        DatabaseSchema schema = Introspector.read(dataSource);
        Map<String, Long> estimates = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT n.nspname, c.relname, c.reltuples::bigint FROM pg_class c "
                     + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                estimates.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
            }
        }
        return new Catalog(schema, estimates);
    }

    static String key(Table table) {
        return table.name().schema() + "." + table.name().name();
    }

    DatabaseSchema schema() {
        return schema;
    }

    List<Table> tables() {
        return schema.tables();
    }

    /** PostgreSQL's estimate (pg_class.reltuples); -1 when the table was never vacuumed or analyzed. */
    long estimate(Table table) {
        return estimates.getOrDefault(key(table), -1L);
    }

    Optional<Table> find(String key) {
        return Optional.ofNullable(tables.get(key));
    }

    Table table(String key) {
        return find(key).orElseThrow(() -> HttpError.notFound("no table " + key + " in the database; reload the table list"));
    }

    static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> HttpError.badRequest("table " + key(table) + " has no column " + name));
    }

    Optional<EnumType> enumOf(Column column) {
        if (column.type() instanceof ColumnType.EnumRef ref && !ref.array()) {
            return schema.enumType(ref.enumName());
        }
        return Optional.empty();
    }

    /** The single-column foreign key starting at {@code column}, if there is one. */
    static Optional<ForeignKey> foreignKeyOf(Table table, String column) {
        return table.foreignKeys().stream().filter(fk -> fk.columns().size() == 1 && fk.columns().get(0).equals(column)).findFirst();
    }

    /**
     * True when a B-tree index (the primary key, a unique constraint or a plain index) starts with
     * {@code column}: sorting by it pages through the index; otherwise every sort reads the table.
     */
    static boolean leadsAnIndex(Table table, String column) {
        if (table.primaryKeyOpt().map(pk -> pk.columns().get(0).equals(column)).orElse(false)) {
            return true;
        }
        if (table.uniques().stream().anyMatch(u -> u.columns().get(0).equals(column))) {
            return true;
        }
        return table.indexes().stream().anyMatch(i -> (i.method() == null || i.method() == IndexMethod.BTREE) && i.where() == null
                && !i.keys().isEmpty() && column.equals(i.keys().get(0).column()));
    }

    /** The column to show for a row of {@code table} in pickers and timelines: its first text column, else its key. */
    static String labelColumn(Table table) {
        List<String> key = table.primaryKeyOpt().map(pk -> pk.columns()).orElse(List.of());
        for (Column c : table.columns()) {
            if (!key.contains(c.name()) && c.type() instanceof ColumnType.Builtin b
                    && (b.name().equals("text") || b.name().startsWith("character varying") || b.name().startsWith("character("))) {
                return c.name();
            }
        }
        return key.isEmpty() ? table.columns().get(0).name() : key.get(0);
    }
}
