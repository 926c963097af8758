package dev.sleet.schema;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** Builders for schema models in tests, and the catering schema of the sample app as a rich example. */
public final class Fixtures {
    private Fixtures() {
    }

    public static QualifiedName pub(String name) {
        return QualifiedName.of("public", name);
    }

    public static ColumnType type(String name) {
        return ColumnType.builtin(name);
    }

    public static Column col(String name, String type) {
        return new Column(name, type(type), false);
    }

    public static Column nullable(String name, String type) {
        return new Column(name, type(type), true);
    }

    public static Column identity(String name) {
        return new Column(name, type("bigint"), false, null, IdentityKind.ALWAYS, List.of());
    }

    public static Column withDefault(Column c, String expression) {
        return new Column(c.name(), c.type(), c.nullable(), expression, c.identity(), c.renamedFrom());
    }

    public static Column renamed(Column c, String... from) {
        return new Column(c.name(), c.type(), c.nullable(), c.defaultExpression(), c.identity(), List.of(from));
    }

    public static Table table(String name, Column... columns) {
        return table(pub(name), columns);
    }

    public static Table table(QualifiedName name, Column... columns) {
        return new Table(name, List.of(columns), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A table with an identity {@code id} primary key named like PostgreSQL would. */
    public static Table entity(String name, Column... columns) {
        List<Column> all = new ArrayList<>();
        all.add(identity("id"));
        all.addAll(List.of(columns));
        return withPrimaryKey(new Table(pub(name), all, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                name + "_pkey", "id");
    }

    public static Table withPrimaryKey(Table t, String name, String... columns) {
        return new Table(t.name(), t.columns(), new PrimaryKey(name, List.of(columns)), t.foreignKeys(), t.uniques(), t.checks(),
                t.exclusions(), t.indexes(), t.renamedFrom());
    }

    public static Table withoutPrimaryKey(Table t) {
        return new Table(t.name(), t.columns(), null, t.foreignKeys(), t.uniques(), t.checks(), t.exclusions(), t.indexes(), t.renamedFrom());
    }

    public static Table withColumns(Table t, UnaryOperator<List<Column>> edit) {
        return new Table(t.name(), edit.apply(new ArrayList<>(t.columns())), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(),
                t.exclusions(), t.indexes(), t.renamedFrom());
    }

    public static Table with(Table t, Object... members) {
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
        List<UniqueConstraint> uniques = new ArrayList<>(t.uniques());
        List<CheckConstraint> checks = new ArrayList<>(t.checks());
        List<ExclusionConstraint> exclusions = new ArrayList<>(t.exclusions());
        List<Index> indexes = new ArrayList<>(t.indexes());
        for (Object m : members) {
            if (m instanceof ForeignKey fk) {
                fks.add(fk);
            } else if (m instanceof UniqueConstraint u) {
                uniques.add(u);
            } else if (m instanceof CheckConstraint c) {
                checks.add(c);
            } else if (m instanceof ExclusionConstraint x) {
                exclusions.add(x);
            } else if (m instanceof Index i) {
                indexes.add(i);
            } else {
                throw new IllegalArgumentException("not a table member: " + m);
            }
        }
        return new Table(t.name(), t.columns(), t.primaryKey(), fks, uniques, checks, exclusions, indexes, t.renamedFrom());
    }

    public static Table renamedTable(Table t, QualifiedName newName, String... from) {
        return new Table(newName, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.exclusions(), t.indexes(),
                List.of(from));
    }

    public static ForeignKey fk(String name, String column, String table, ReferentialAction onDelete) {
        return new ForeignKey(name, List.of(column), pub(table), List.of("id"), onDelete, ReferentialAction.NO_ACTION);
    }

    public static Index index(String name, String... columns) {
        return new Index(name, java.util.Arrays.stream(columns).map(IndexKey::column).toList(), false, IndexMethod.BTREE, null);
    }

    public static DatabaseSchema schema(List<EnumType> enums, Table... tables) {
        return schema(Set.of(), Set.of(), enums, tables);
    }

    public static DatabaseSchema schema(Table... tables) {
        return schema(List.of(), tables);
    }

    public static DatabaseSchema schema(Set<String> schemas, Set<String> extensions, List<EnumType> enums, Table... tables) {
        Set<String> allSchemas = new TreeSet<>(schemas);
        allSchemas.add("public");
        return new DatabaseSchema(new TreeSet<>(allSchemas), new TreeSet<>(extensions), enums, List.of(tables));
    }

    public static EnumType enumType(String name, String... values) {
        return new EnumType(pub(name), List.of(values));
    }

    /** The sample app's catering schema: every kind of object the model has. */
    public static DatabaseSchema catering() {
        EnumType status = enumType("event_status", "inquiry", "planning", "preparation", "in_progress", "completed", "follow_up");
        Table clients = with(entity("clients",
                        col("name", "text"),
                        nullable("email", "varchar(320)"),
                        withDefault(col("created_at", "timestamptz"), "now()")),
                new UniqueConstraint("clients_email_key", List.of("email"), true),
                new Index("idx_clients_lower_name", List.of(IndexKey.expression("lower(name)")), false, IndexMethod.BTREE, null));
        Table events = with(entity("events",
                        col("client_id", "bigint"),
                        withDefault(new Column("status", new ColumnType.EnumRef(status.name(), false), false), "'inquiry'"),
                        col("event_date", "date"),
                        nullable("notes", "varchar(500)"),
                        withDefault(col("guests", "integer"), "0"),
                        nullable("tags", "text[]")),
                fk("events_client_id_fkey", "client_id", "clients", ReferentialAction.CASCADE),
                new CheckConstraint("events_guests_check", "guests >= 0 AND guests < 10000"),
                new Index("idx_events_status_event_date",
                        List.of(IndexKey.column("status"), new IndexKey("event_date", null, SortOrder.DESC)), false, IndexMethod.BTREE, null),
                new Index("idx_events_open", List.of(IndexKey.column("event_date")), false, IndexMethod.BTREE,
                        "status <> 'completed'"),
                new Index("idx_events_tags", List.of(IndexKey.column("tags")), false, IndexMethod.GIN, null));
        Table resources = with(entity("resources", col("name", "text")),
                new UniqueConstraint("resources_name_key", List.of("name"), false));
        Table schedule = with(entity("resource_schedule",
                        col("resource_id", "bigint"),
                        nullable("event_id", "bigint"),
                        col("start_time", "timestamptz"),
                        col("end_time", "timestamptz")),
                new ForeignKey("resource_schedule_resource_id_fkey", List.of("resource_id"), pub("resources"), List.of("id"),
                        ReferentialAction.RESTRICT, ReferentialAction.CASCADE),
                fk("resource_schedule_event_id_fkey", "event_id", "events", ReferentialAction.SET_NULL),
                new CheckConstraint("resource_schedule_time_range_valid", "end_time > start_time"),
                new ExclusionConstraint("resource_schedule_no_overlap", IndexMethod.GIST, List.of(
                        new ExclusionElement("resource_id", null, "="),
                        new ExclusionElement(null, "tstzrange(start_time, end_time, '[)')", "&&")), null),
                new Index("idx_rs_time", List.of(IndexKey.expression("tstzrange(start_time, end_time, '[)')")), false,
                        IndexMethod.GIST, null));
        Table invoices = with(table(QualifiedName.of("billing", "invoices"),
                        identity("id"),
                        col("event_id", "bigint"),
                        col("amount", "numeric(12,2)")),
                new ForeignKey("invoices_event_id_fkey", List.of("event_id"), pub("events"), List.of("id"), null, null));
        invoices = withPrimaryKey(invoices, "invoices_pkey", "id");
        return schema(Set.of("billing"), Set.of("btree_gist"), List.of(status), clients, events, resources, schedule, invoices);
    }
}
