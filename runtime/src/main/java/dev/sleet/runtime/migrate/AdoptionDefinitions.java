package dev.sleet.runtime.migrate;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.snapshot.SnapshotFormatException;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the tables an adoption finds with the definition its {@code -- sleet:expects} line
 * gives. Kept apart from {@link Adoptions} because it needs schema-tools (snapshot JSON and the
 * differ), which an application's run-time class path need not carry: only a database where an
 * adoption meets its tables loads this class.
 */
final class AdoptionDefinitions {
    private AdoptionDefinitions() {
    }

    /** Empty when the tables are as expected; otherwise the refusal, listing each difference. */
    static Optional<String> differences(Connection c, String file, List<QualifiedName> present, String expects) throws SQLException {
        if (expects == null) {
            return Optional.of(file + " adopts " + present + " but has no '-- sleet:expects' line saying what definition it takes"
                    + " over; write the migration again with sleet promote");
        }
        DatabaseSchema expected;
        try {
            expected = SnapshotJson.read(expects);
        } catch (SnapshotFormatException e) {
            return Optional.of(file + ": its '-- sleet:expects' line cannot be read (" + e.getMessage() + "); write it again with sleet promote");
        }
        Set<String> schemas = new TreeSet<>();
        present.forEach(t -> schemas.add(t.schema()));
        DatabaseSchema live = new Introspector().introspect(c, schemas);
        List<Drift> differences = Drift.between(only(live, present), only(expected, present));
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(file + " adopts " + present + ", but the definition in this database differs"
                + " from the one it expects; nothing was run. Differences:");
        differences.forEach(d -> text.append("\n    ").append(d));
        text.append("\n  Bring the table in line (a migration of the owner that created it), or promote again from the"
                + " definition this database has.");
        return Optional.of(text.toString());
    }

    /** The adopted tables and enum types of {@code schema}. */
    private static DatabaseSchema only(DatabaseSchema schema, List<QualifiedName> adopted) {
        List<Table> kept = schema.tables().stream().filter(t -> adopted.contains(t.name())).toList();
        List<EnumType> types = schema.enums().stream().filter(e -> adopted.contains(e.name())).toList();
        return new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), types, kept);
    }
}
