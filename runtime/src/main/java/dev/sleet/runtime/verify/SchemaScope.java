package dev.sleet.runtime.verify;

import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which schemas of the live database {@code verify} and {@code push} read — the one rule for the
 * runtime, the CLI and the testing module's assertion:
 * <ul>
 *   <li>the schemas the expected schema names, or puts a table or an enum type in;</li>
 *   <li>{@code public} only when that is none (an empty expected schema still checks {@code public});</li>
 *   <li>never Sleet's history schema.</li>
 * </ul>
 * Objects in other schemas are not the application's, as far as the snapshot says: a table
 * made by hand in {@code public} next to an application that lives in {@code app} is neither
 * drift nor something {@code push} would drop.
 */
public final class SchemaScope {
    private SchemaScope() {
    }

    public static SortedSet<String> of(DatabaseSchema expected, String historySchema) {
        SortedSet<String> scope = new TreeSet<>(expected.schemas());
        for (Table t : expected.tables()) {
            scope.add(t.name().schema());
        }
        for (EnumType e : expected.enums()) {
            scope.add(e.name().schema());
        }
        scope.remove(historySchema);
        if (scope.isEmpty()) {
            scope.add(QualifiedName.DEFAULT_SCHEMA);
        }
        return scope;
    }

    /** The scope with the default history schema ({@value HistoryTableName#DEFAULT_SCHEMA}) left out. */
    public static SortedSet<String> of(DatabaseSchema expected) {
        return of(expected, HistoryTableName.DEFAULT_SCHEMA);
    }
}
