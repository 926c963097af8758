package dev.sleet.runtime.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.diff.TypeChanges;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The differ's table of casts ({@link TypeChanges#castExists}) against the server: for every pair of the column
 * types Sleet maps and the generators use, {@code CAST(NULL::from AS to)} parses exactly when the table says a
 * cast exists. PostgreSQL resolves casts when it parses, so a missing one fails without any data.
 */
@ExtendWith(PostgresExtension.class)
class CastRulesTest {
    private static final List<String> TYPES = List.of("boolean", "smallint", "integer", "bigint", "real", "double precision",
            "numeric(12,2)", "numeric", "text", "varchar(20)", "character(3)", "uuid", "timestamptz", "timestamp", "date",
            "time", "timetz", "interval", "bytea", "json", "jsonb", "text[]", "integer[]", "bigint[]", "uuid[]", "boolean[]");
    private static final QualifiedName MOOD = new QualifiedName("public", "cast_mood");
    private static final QualifiedName OTHER = new QualifiedName("public", "cast_other");

    @Test
    void theTableOfCastsAgreesWithTheServer(TestDatabase db) throws SQLException {
        List<ColumnType> types = new ArrayList<>();
        TYPES.forEach(t -> types.add(ColumnType.builtin(t)));
        types.add(new ColumnType.EnumRef(MOOD, false));
        types.add(new ColumnType.EnumRef(MOOD, true));
        types.add(new ColumnType.EnumRef(OTHER, false));
        List<String> wrong = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TYPE " + MOOD.sql() + " AS ENUM ('a'); CREATE TYPE " + OTHER.sql() + " AS ENUM ('a')");
            c.setAutoCommit(false);
            for (ColumnType from : types) {
                for (ColumnType to : types) {
                    boolean server = serverCasts(c, s, from, to);
                    if (server != TypeChanges.castExists(from, to)) {
                        wrong.add(from.sql() + " -> " + to.sql() + ": server " + (server ? "casts" : "has no cast"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean serverCasts(Connection c, Statement s, ColumnType from, ColumnType to) throws SQLException {
        if (from instanceof ColumnType.EnumRef f && to instanceof ColumnType.EnumRef t && f.array() != t.array()) {
            // Through text the server parses it, but no enum value is an array literal (nor the reverse):
            // the differ replaces such a column rather than write a conversion that fails on every row.
            return false;
        }
        // What the differ writes: an enum converts to an enum through its text.
        String value = from instanceof ColumnType.EnumRef f && to instanceof ColumnType.EnumRef
                ? "NULL::" + from.sql() + "::text" + (f.array() ? "[]" : "") : "NULL::" + from.sql();
        try {
            s.execute("SELECT CAST(" + value + " AS " + to.sql() + ")");
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            c.rollback();
        }
    }
}
