package dev.sleet.runtime.evolution;

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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Minimal cases the evolution property found, each kept as a fixed test of the whole Up/Down/direct property. */
@ExtendWith(PostgresExtension.class)
class EvolutionRegressionTest {
    private static final QualifiedName ITEMS = new QualifiedName("public", "items");

    private static DatabaseSchema schema(Table... tables) {
        return new DatabaseSchema(new TreeSet<>(Set.of("public")), new TreeSet<>(), List.of(), List.of(tables));
    }

    private static Table table(List<Column> columns, List<CheckConstraint> checks, List<Index> indexes) {
        return new Table(ITEMS, columns, null, List.of(), List.of(), checks, List.of(), indexes, List.of());
    }

    /**
     * PostgreSQL prints {@code c22 + 1} on a real/double column as {@code c22 + 1::double precision} and
     * {@code score >= 0} on a numeric column as {@code score >= 0::numeric}; the normalizer took that for a
     * different expression, so every build re-created the index and verify reported drift.
     */
    @Test
    void integerConstantCastToTheColumnTypeIsNotADifference(TestDatabase db) throws Exception {
        DatabaseSchema a = schema(table(List.of(new Column("c22", ColumnType.builtin("real"), true),
                        new Column("score", ColumnType.builtin("numeric(12,2)"), false)),
                List.of(new CheckConstraint("ck_score", "\"score\" >= 0")),
                List.of(new Index("ix_25", List.of(new IndexKey(null, "(\"c22\" + 1)", SortOrder.DESC_NULLS_LAST)), false, IndexMethod.BTREE, null))));
        DatabaseSchema b = schema(table(List.of(new Column("c22", ColumnType.builtin("double precision"), true),
                        new Column("score", ColumnType.builtin("numeric"), false)),
                List.of(new CheckConstraint("ck_score", "\"score\" >= 0")),
                List.of(new Index("ix_25", List.of(new IndexKey(null, "(\"c22\" + 1)", SortOrder.DESC_NULLS_LAST)), false, IndexMethod.BTREE, null))));
        new EvolutionCheck(db).check(a, b);
    }
}
