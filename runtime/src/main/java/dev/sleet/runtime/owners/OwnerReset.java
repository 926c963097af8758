package dev.sleet.runtime.owners;

import dev.sleet.runtime.connect.LocalTransaction;
import dev.sleet.runtime.migrate.MigrationRefusedException;
import dev.sleet.runtime.verify.OwnerSchemas;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code reset --owner}: empties one owner's tables and nothing else. The owner's tables are those
 * its schema declares (the same attribution {@code verify} uses) and the database has. Every
 * history stays, the owner's included, as plain {@code reset} keeps it: the tables still stand, so
 * their migrations are still applied.
 *
 * <p>Another owner's table with a foreign key to one of these tables refuses the reset before
 * anything is emptied: PostgreSQL cannot truncate a referenced table alone, and {@code CASCADE}
 * would empty the other owner's table too, which is exactly what a per-owner reset promises not to do.
 */
final class OwnerReset {
    private OwnerReset() {
    }

    static List<QualifiedName> run(DataSource dataSource, String owner, Map<String, DatabaseSchema> schemas) throws SQLException {
        DatabaseSchema own = schemas.get(owner);
        if (own == null) {
            throw new MigrationRefusedException("no schema for owner " + owner + " to reset; the owners with a schema are "
                    + schemas.keySet());
        }
        try (Connection c = dataSource.getConnection()) {
            return LocalTransaction.run(c, tx -> {
                List<QualifiedName> tables = existing(tx, own.tables().stream().map(Table::name).toList());
                if (!tables.isEmpty()) {
                    refuseOtherOwnersReferences(tx, owner, tables, schemas);
                    try (Statement st = tx.createStatement()) {
                        // No CASCADE: a reference from outside the owner, made between the check and here, fails rather than empties it.
                        st.execute("TRUNCATE TABLE " + tables.stream().map(QualifiedName::sql).collect(Collectors.joining(", "))
                                + " RESTART IDENTITY");
                    }
                }
                return tables;
            });
        }
    }

    /** The declared tables this database has, in name order. */
    private static List<QualifiedName> existing(Connection c, List<QualifiedName> declared) throws SQLException {
        Map<String, QualifiedName> bySql = new TreeMap<>();
        declared.forEach(t -> bySql.put(t.sql(), t));
        List<QualifiedName> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t FROM unnest(?::text[]) AS t WHERE to_regclass(t) IS NOT NULL")) {
            ps.setArray(1, c.createArrayOf("text", bySql.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(bySql.get(rs.getString(1)));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static void refuseOtherOwnersReferences(Connection c, String owner, List<QualifiedName> tables,
                                                    Map<String, DatabaseSchema> schemas) throws SQLException {
        List<String> problems = new ArrayList<>();
        // Top-level constraints only (conparentid = 0): partitions carry clones of their parent's foreign keys.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT con.conname, rn.nspname, r.relname, fn.nspname, f.relname
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class r ON r.oid = con.conrelid
                JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
                JOIN pg_catalog.pg_class f ON f.oid = con.confrelid
                JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace
                WHERE con.contype = 'f' AND con.conparentid = 0
                  AND con.confrelid = ANY (?::text[]::regclass[])
                  AND NOT con.conrelid = ANY (?::text[]::regclass[])
                ORDER BY rn.nspname, r.relname, con.conname
                """)) {
            Object[] names = tables.stream().map(QualifiedName::sql).toArray();
            ps.setArray(1, c.createArrayOf("text", names));
            ps.setArray(2, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QualifiedName referencing = new QualifiedName(rs.getString(2), rs.getString(3));
                    QualifiedName referenced = new QualifiedName(rs.getString(4), rs.getString(5));
                    String other = OwnerSchemas.ownerOf(referencing, schemas);
                    problems.add((other == null ? "table " + referencing + " (declared by no owner)" : other + "'s table " + referencing)
                            + " references " + owner + "'s table " + referenced + " (foreign key " + rs.getString(1) + "): " + referenced
                            + " cannot be emptied without emptying " + referencing + " too; "
                            + (other == null ? "drop that foreign key, or " : "") + "reset every owner at once (reset without --owner)."
                            + " Nothing was emptied");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationRefusedException(problems);
        }
    }
}
