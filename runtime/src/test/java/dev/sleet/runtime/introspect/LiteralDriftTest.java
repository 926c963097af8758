package dev.sleet.runtime.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11: literals in checks, predicates and defaults come back from PostgreSQL in another spelling
 * ({@code ts > '2000-01-01'} as {@code ts > '2000-01-01 00:00:00+00'::timestamp with time zone}, {@code 't'::boolean}
 * as {@code true}); verify must not report that as drift, whatever zone the client's session is in.
 */
@ExtendWith(PostgresExtension.class)
class LiteralDriftTest {
    private static final QualifiedName SLOTS = new QualifiedName("public", "slots");

    private static DatabaseSchema model() {
        Table slots = new Table(SLOTS, List.of(
                new Column("starts_at", ColumnType.builtin("timestamptz"), false, "'2020-01-01'", null, List.of()),
                new Column("local_at", ColumnType.builtin("timestamp"), true),
                new Column("on_day", ColumnType.builtin("date"), true, "'2020-02-29'", null, List.of()),
                new Column("open", ColumnType.builtin("boolean"), false, "'t'::boolean", null, List.of())),
                null, List.of(), List.of(),
                List.of(new CheckConstraint("slots_after_2000", "starts_at > '2000-01-01'"),
                        new CheckConstraint("slots_local_after", "local_at >= '2000-01-01 08:30'"),
                        new CheckConstraint("slots_zoned", "starts_at < '2100-01-01 02:00:00+02'"),
                        new CheckConstraint("slots_day", "on_day <> '1999-12-31'")),
                List.of(),
                List.of(new Index("slots_recent", List.of(new IndexKey("starts_at", null, SortOrder.ASC)), false, IndexMethod.BTREE,
                        "starts_at >= '2024-06-01 12:00:00'")),
                List.of());
        return new DatabaseSchema(new TreeSet<>(Set.of("public")), new TreeSet<>(), List.of(), List.of(slots));
    }

    /** (Re)creates the slots table with the statements that migrate to {@code model}, each passed through {@code edit}. */
    private static void create(Statement s, DatabaseSchema model, UnaryOperator<String> edit) throws SQLException {
        s.execute("DROP TABLE IF EXISTS public.slots");
        for (String sql : SchemaDiffer.diff(DatabaseSchema.EMPTY, model).sql()) {
            s.execute(edit.apply(sql));
        }
    }

    @Test
    void dateAndTimestampLiteralsAreNotDrift(TestDatabase db) throws Exception {
        DatabaseSchema model = model();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            create(s, model, UnaryOperator.identity());
            // What the server stored, printed in another zone than the migration ran in.
            s.execute("SET TimeZone = 'America/New_York'");
            try (ResultSet rs = s.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'slots_after_2000'")) {
                rs.next();
                assertThat(rs.getString(1)).contains("1999-12-31 19:00:00-05");
            }
            DatabaseSchema live = new Introspector().introspect(c, Set.of("public"));
            assertThat(SchemaDiffer.diff(live, model).sql()).isEmpty();
            assertThat(SchemaDiffer.diff(model, live).sql()).isEmpty();
            try (ResultSet rs = s.executeQuery("SHOW TimeZone")) {
                rs.next();
                assertThat(rs.getString(1)).as("the introspector restores the session's zone").isEqualTo("America/New_York");
            }
        }
    }

    @Test
    void aChangedLiteralIsStillDrift(TestDatabase db) throws Exception {
        DatabaseSchema model = model();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            create(s, model, sql -> sql.replace("'2000-01-01'", "'2000-01-02'"));
            DatabaseSchema live = new Introspector().introspect(c, Set.of("public"));
            assertThat(SchemaDiffer.diff(live, model).sql()).anyMatch(sql -> sql.contains("slots_after_2000"));
        }
    }
}
