package dev.sleet.cli;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.diff.SchemaObject;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.spi.SchemaIntrospection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live database read into the schema model (through the runtime's introspector, found with
 * {@link ServiceLoader}), and its difference from the snapshot: the one plan behind both
 * {@code verify} (which reports it) and {@code push} (which runs it).
 */
final class LiveSchema {
    private LiveSchema() {
    }

    /** The statements that would turn the live database into {@code snapshot}; empty when they agree. */
    static MigrationPlan planTowards(CommandContext context, DatabaseSchema snapshot) throws SQLException {
        return SchemaDiffer.diff(read(context, snapshot), snapshot);
    }

    /** The live database, read in the schemas {@code snapshot} covers. */
    static DatabaseSchema read(CommandContext context, DatabaseSchema snapshot) throws SQLException {
        SchemaIntrospection introspection = introspection(context.classLoader());
        try (Connection c = context.dataSource().getConnection()) {
            return introspection.introspect(c, schemasOf(snapshot, context.historySchema()));
        }
    }

    /** The schemas to read: those the snapshot names or puts objects in, plus public, never the history schema. */
    static Set<String> schemasOf(DatabaseSchema snapshot, String historySchema) {
        Set<String> schemas = new TreeSet<>(snapshot.schemas());
        schemas.add(QualifiedName.DEFAULT_SCHEMA);
        snapshot.tables().stream().map(Table::name).map(QualifiedName::schema).forEach(schemas::add);
        snapshot.enums().stream().map(EnumType::name).map(QualifiedName::schema).forEach(schemas::add);
        schemas.remove(historySchema);
        return schemas;
    }

    private static SchemaIntrospection introspection(ClassLoader loader) {
        Iterator<SchemaIntrospection> found = ServiceLoader.load(SchemaIntrospection.class, loader).iterator();
        if (!found.hasNext()) {
            throw CliException.failed("no schema introspector on the classpath (" + SchemaIntrospection.class.getName()
                    + "); this sleet build is incomplete: rebuild it with sleet-runtime");
        }
        return found.next();
    }

    /** How an object is named in reports: {@code column public.events.notes}, {@code extension btree_gist}. */
    static String describe(SchemaObject subject) {
        String kind = subject.kind().name().toLowerCase().replace('_', ' ');
        return switch (subject.kind()) {
            case SCHEMA, EXTENSION -> kind + " " + subject.owner().name();
            default -> kind + " " + subject.owner() + (subject.member() == null ? "" : "." + subject.member());
        };
    }
}
