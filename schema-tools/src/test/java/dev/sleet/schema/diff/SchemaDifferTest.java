package dev.sleet.schema.diff;

import static dev.sleet.schema.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.Fixtures;
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
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaDifferTest {

    private static List<String> sql(DatabaseSchema from, DatabaseSchema to) {
        return SchemaDiffer.diff(from, to).sql();
    }

    private static Column enumColumn(String name, String enumName) {
        return new Column(name, new ColumnType.EnumRef(pub(enumName), false), false);
    }

    @Test
    void identicalSchemasGiveAnEmptyPlan() {
        assertThat(SchemaDiffer.diff(Fixtures.catering(), Fixtures.catering()).isEmpty()).isTrue();
        assertThat(SchemaDiffer.diff(DatabaseSchema.EMPTY, DatabaseSchema.EMPTY).isEmpty()).isTrue();
    }

    @Test
    void richSchemaFromNothingCreatesEverythingInDependencyOrder() {
        List<String> sql = sql(DatabaseSchema.EMPTY, Fixtures.catering());
        assertThat(sql).containsExactly(
                "CREATE SCHEMA \"billing\"",
                "CREATE EXTENSION IF NOT EXISTS \"btree_gist\"",
                "CREATE TYPE \"public\".\"event_status\" AS ENUM ('inquiry', 'planning', 'preparation', 'in_progress', 'completed', 'follow_up')",
                """
                CREATE TABLE "billing"."invoices" (
                  "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                  "event_id" bigint NOT NULL,
                  "amount" numeric(12,2) NOT NULL,
                  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
                )""",
                """
                CREATE TABLE "public"."clients" (
                  "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                  "name" text NOT NULL,
                  "email" character varying(320),
                  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
                  CONSTRAINT "clients_pkey" PRIMARY KEY ("id"),
                  CONSTRAINT "clients_email_key" UNIQUE NULLS NOT DISTINCT ("email")
                )""",
                """
                CREATE TABLE "public"."events" (
                  "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                  "client_id" bigint NOT NULL,
                  "status" "public"."event_status" DEFAULT 'inquiry' NOT NULL,
                  "event_date" date NOT NULL,
                  "notes" character varying(500),
                  "guests" integer DEFAULT 0 NOT NULL,
                  "tags" text[],
                  CONSTRAINT "events_pkey" PRIMARY KEY ("id"),
                  CONSTRAINT "events_guests_check" CHECK (guests >= 0 AND guests < 10000)
                )""",
                """
                CREATE TABLE "public"."resource_schedule" (
                  "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                  "resource_id" bigint NOT NULL,
                  "event_id" bigint,
                  "start_time" timestamp with time zone NOT NULL,
                  "end_time" timestamp with time zone NOT NULL,
                  CONSTRAINT "resource_schedule_pkey" PRIMARY KEY ("id"),
                  CONSTRAINT "resource_schedule_time_range_valid" CHECK (end_time > start_time),
                  CONSTRAINT "resource_schedule_no_overlap" EXCLUDE USING gist ("resource_id" WITH =, (tstzrange(start_time, end_time, '[)')) WITH &&)
                )""",
                """
                CREATE TABLE "public"."resources" (
                  "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                  "name" text NOT NULL,
                  CONSTRAINT "resources_pkey" PRIMARY KEY ("id"),
                  CONSTRAINT "resources_name_key" UNIQUE ("name")
                )""",
                "CREATE INDEX \"idx_clients_lower_name\" ON \"public\".\"clients\" USING btree ((lower(name)))",
                "CREATE INDEX \"idx_events_open\" ON \"public\".\"events\" USING btree (\"event_date\") WHERE (status <> 'completed')",
                "CREATE INDEX \"idx_events_status_event_date\" ON \"public\".\"events\" USING btree (\"status\", \"event_date\" DESC)",
                "CREATE INDEX \"idx_events_tags\" ON \"public\".\"events\" USING gin (\"tags\")",
                "CREATE INDEX \"idx_rs_time\" ON \"public\".\"resource_schedule\" USING gist ((tstzrange(start_time, end_time, '[)')))",
                "ALTER TABLE \"billing\".\"invoices\" ADD CONSTRAINT \"invoices_event_id_fkey\" FOREIGN KEY (\"event_id\") REFERENCES \"public\".\"events\" (\"id\")",
                "ALTER TABLE \"public\".\"events\" ADD CONSTRAINT \"events_client_id_fkey\" FOREIGN KEY (\"client_id\") REFERENCES \"public\".\"clients\" (\"id\") ON DELETE CASCADE",
                "ALTER TABLE \"public\".\"resource_schedule\" ADD CONSTRAINT \"resource_schedule_event_id_fkey\" FOREIGN KEY (\"event_id\") REFERENCES \"public\".\"events\" (\"id\") ON DELETE SET NULL",
                "ALTER TABLE \"public\".\"resource_schedule\" ADD CONSTRAINT \"resource_schedule_resource_id_fkey\" FOREIGN KEY (\"resource_id\") REFERENCES \"public\".\"resources\" (\"id\") ON DELETE RESTRICT ON UPDATE CASCADE");
        assertThat(SchemaDiffer.diff(DatabaseSchema.EMPTY, Fixtures.catering()).isDestructive()).isFalse();
    }

    @Test
    void richSchemaToNothingDropsInReverseDependencyOrderAndKeepsExtensions() {
        MigrationPlan plan = SchemaDiffer.diff(Fixtures.catering(), DatabaseSchema.EMPTY);
        assertThat(plan.sql()).containsExactly(
                "DROP TABLE \"billing\".\"invoices\"",
                "DROP TABLE \"public\".\"resource_schedule\"",
                "DROP TABLE \"public\".\"events\"",
                "DROP TABLE \"public\".\"clients\"",
                "DROP TABLE \"public\".\"resources\"",
                "DROP TYPE \"public\".\"event_status\"",
                "DROP SCHEMA \"billing\"");
        assertThat(plan.statements()).extracting(PlannedStatement::destructive).containsExactly(
                Destructive.DROP_TABLE, Destructive.DROP_TABLE, Destructive.DROP_TABLE, Destructive.DROP_TABLE, Destructive.DROP_TABLE,
                Destructive.DROP_ENUM, Destructive.DROP_SCHEMA);
    }

    @Test
    void cyclicForeignKeysAmongDroppedTablesAreDroppedExplicitly() {
        Table a = with(entity("a", col("b_id", "bigint")), fk("a_b_id_fkey", "b_id", "b", null));
        Table b = with(entity("b", col("a_id", "bigint")), fk("b_a_id_fkey", "a_id", "a", null));
        assertThat(sql(schema(a, b), schema())).containsExactly(
                "ALTER TABLE \"public\".\"a\" DROP CONSTRAINT \"a_b_id_fkey\"",
                "DROP TABLE \"public\".\"b\"",
                "DROP TABLE \"public\".\"a\"");
    }

    @Test
    void droppedTableLetsGoOfAKeyThatIsDroppedBeforeIt() {
        Table parent = withPrimaryKey(table("p", col("id", "bigint"), col("code", "text")), "p_pkey", "id");
        Table child = with(table("c", col("p_id", "bigint")), fk("c_p_id_fkey", "p_id", "p", null));
        Table parentWithoutKey = withoutPrimaryKey(parent);
        assertThat(sql(schema(parent, child), schema(parentWithoutKey))).containsExactly(
                "ALTER TABLE \"public\".\"c\" DROP CONSTRAINT \"c_p_id_fkey\"",
                "ALTER TABLE \"public\".\"p\" DROP CONSTRAINT \"p_pkey\"",
                "DROP TABLE \"public\".\"c\"");
        // without a dropped key, DROP TABLE takes its own foreign keys along
        assertThat(sql(schema(parent, child), schema(parent))).containsExactly("DROP TABLE \"public\".\"c\"");
    }

    @Nested
    class Columns {
        final Table before = entity("events", col("title", "text"));

        @Test
        void addAppendsAndDropIsDestructive() {
            Table after = withColumns(before, cs -> {
                cs.add(nullable("notes", "varchar(500)"));
                return cs;
            });
            MigrationPlan up = SchemaDiffer.diff(schema(before), schema(after));
            assertThat(up.sql()).containsExactly("ALTER TABLE \"public\".\"events\" ADD COLUMN \"notes\" character varying(500)");
            assertThat(up.statements().get(0).description()).isEqualTo("add column notes to public.events");
            assertThat(up.statements().get(0).subject()).isEqualTo(SchemaObject.member(SchemaObject.Kind.COLUMN, pub("events"), "notes"));
            MigrationPlan down = SchemaDiffer.diff(schema(after), schema(before));
            assertThat(down.sql()).containsExactly("ALTER TABLE \"public\".\"events\" DROP COLUMN \"notes\"");
            assertThat(down.statements().get(0).destructive()).isEqualTo(Destructive.DROP_COLUMN);
        }

        @Test
        void renameThroughHintAndBackInTheReverseDiff() {
            Table after = withColumns(before, cs -> {
                cs.set(1, renamed(col("name", "text"), "title"));
                return cs;
            });
            MigrationPlan up = SchemaDiffer.diff(schema(before), schema(after));
            assertThat(up.sql()).containsExactly("ALTER TABLE \"public\".\"events\" RENAME COLUMN \"title\" TO \"name\"");
            assertThat(up.statements().get(0).change()).isEqualTo(ChangeKind.RENAME);
            assertThat(sql(schema(after), schema(before))).containsExactly(
                    "ALTER TABLE \"public\".\"events\" RENAME COLUMN \"name\" TO \"title\"");
        }

        @Test
        void withoutHintARenameIsADropAndAnAdd() {
            Table after = withColumns(before, cs -> {
                cs.set(1, col("name", "text"));
                return cs;
            });
            assertThat(sql(schema(before), schema(after))).containsExactly(
                    "ALTER TABLE \"public\".\"events\" DROP COLUMN \"title\"",
                    "ALTER TABLE \"public\".\"events\" ADD COLUMN \"name\" text NOT NULL");
        }

        @Test
        void renamedColumnKeepsItsIndexAndConstraints() {
            Table t1 = with(table("t", col("a", "integer")), new UniqueConstraint("t_a_key", List.of("a"), false), index("idx_t_a", "a"),
                    new ExclusionConstraint("t_excl", IndexMethod.GIST, List.of(new ExclusionElement("a", null, "=")), null));
            Table t2 = with(table("t", renamed(col("b", "integer"), "a")), new UniqueConstraint("t_a_key", List.of("b"), false),
                    index("idx_t_a", "b"),
                    new ExclusionConstraint("t_excl", IndexMethod.GIST, List.of(new ExclusionElement("b", null, "=")), null));
            assertThat(sql(schema(t1), schema(t2))).containsExactly("ALTER TABLE \"public\".\"t\" RENAME COLUMN \"a\" TO \"b\"");
            assertThat(sql(schema(t2), schema(t1))).containsExactly("ALTER TABLE \"public\".\"t\" RENAME COLUMN \"b\" TO \"a\"");
        }

        @Test
        void aTypeChangeWithoutACastReplacesTheColumnWithAWarning() {
            Table before = with(table("t", col("id", "bigint"), col("at", "timestamptz")), index("t_at", "at"));
            Table after = with(table("t", col("id", "bigint"), col("at", "integer")), index("t_at", "at"));
            MigrationPlan up = SchemaDiffer.diff(schema(before), schema(after));
            assertThat(up.sql()).containsExactly(
                    "DROP INDEX \"public\".\"t_at\"",
                    "ALTER TABLE \"public\".\"t\" DROP COLUMN \"at\"",
                    "ALTER TABLE \"public\".\"t\" ADD COLUMN \"at\" integer NOT NULL",
                    "CREATE INDEX \"t_at\" ON \"public\".\"t\" USING btree (\"at\")");
            assertThat(up.destructiveStatements()).extracting(PlannedStatement::destructive).containsExactly(Destructive.DROP_COLUMN);
            assertThat(up.destructiveStatements().get(0).description()).contains("no cast from timestamp with time zone");
            // A change PostgreSQL can cast stays in place.
            assertThat(sql(schema(table("t", col("at", "timestamptz"))), schema(table("t", col("at", "date")))))
                    .containsExactly("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"at\" TYPE date USING \"at\"::date");
        }

        @Test
        void anIdentityIsDroppedBeforeTheTypeLeavesTheIntegers() {
            Table before = table("t", identity("n"));
            Table after = table("t", col("n", "numeric"));
            assertThat(sql(schema(before), schema(after))).containsExactly(
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" DROP IDENTITY",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" TYPE numeric USING \"n\"::numeric");
        }

        @Test
        void foreignKeysBetweenColumnsOfARebuiltEnumAreDroppedAroundTheConversion() {
            EnumType before = new EnumType(pub("mood"), List.of("a", "b"));
            EnumType after = new EnumType(pub("mood"), List.of("b", "a"));
            Table parent = withPrimaryKey(table("parent", enumColumn("m", "mood")), "parent_pkey", "m");
            Table child = with(table("child", enumColumn("m", "mood")),
                    new ForeignKey("child_m_fkey", List.of("m"), pub("parent"), List.of("m"), null, null));
            List<String> up = sql(schema(List.of(before), parent, child), schema(List.of(after), parent, child));
            int drop = up.indexOf("ALTER TABLE \"public\".\"child\" DROP CONSTRAINT \"child_m_fkey\"");
            int convert = up.indexOf("ALTER TABLE \"public\".\"child\" ALTER COLUMN \"m\" TYPE \"public\".\"mood\" USING \"m\"::text::\"public\".\"mood\"");
            int add = up.indexOf("ALTER TABLE \"public\".\"child\" ADD CONSTRAINT \"child_m_fkey\" FOREIGN KEY (\"m\") REFERENCES \"public\".\"parent\" (\"m\")");
            assertThat(drop).isNotNegative().isLessThan(convert);
            assertThat(add).isGreaterThan(convert);
        }

        @Test
        void safeWideningIsNotDestructiveAndNarrowingIs() {
            Table small = table("t", col("n", "integer"), col("s", "varchar(20)"));
            Table wide = table("t", col("n", "bigint"), col("s", "text"));
            MigrationPlan up = SchemaDiffer.diff(schema(small), schema(wide));
            assertThat(up.sql()).containsExactly(
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" TYPE bigint USING \"n\"::bigint",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"s\" TYPE text USING \"s\"::text");
            assertThat(up.isDestructive()).isFalse();
            MigrationPlan down = SchemaDiffer.diff(schema(wide), schema(small));
            assertThat(down.statements()).extracting(PlannedStatement::destructive)
                    .containsExactly(Destructive.NARROW_TYPE, Destructive.NARROW_TYPE);
            assertThat(SchemaDiffer.diff(schema(table("t", col("s", "varchar(20)"))), schema(table("t", col("s", "varchar(30)"))))
                    .isDestructive()).isFalse();
            assertThat(SchemaDiffer.diff(schema(table("t", col("s", "numeric(10,2)"))), schema(table("t", col("s", "numeric(12,2)"))))
                    .isDestructive()).isFalse();
            assertThat(SchemaDiffer.diff(schema(table("t", col("s", "numeric(10,2)"))), schema(table("t", col("s", "numeric(10,3)"))))
                    .isDestructive()).isTrue();
            assertThat(SchemaDiffer.diff(schema(table("t", col("s", "text"))), schema(table("t", col("s", "integer")))).isDestructive())
                    .isTrue();
        }

        @Test
        void typeChangeMovesTheDefaultAroundIt() {
            Table from = table("t", withDefault(col("s", "text"), "'inquiry'"));
            Table to = table("t", withDefault(enumColumn("s", "status"), "'inquiry'"));
            EnumType status = enumType("status", "inquiry", "done");
            assertThat(sql(schema(from), schema(List.of(status), to))).containsExactly(
                    "CREATE TYPE \"public\".\"status\" AS ENUM ('inquiry', 'done')",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"s\" DROP DEFAULT",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"s\" TYPE \"public\".\"status\" USING \"s\"::\"public\".\"status\"",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"s\" SET DEFAULT 'inquiry'");
        }

        @Test
        void nullabilityAndDefaults() {
            Table a = table("t", nullable("n", "integer"), withDefault(col("d", "integer"), "1"));
            Table b = table("t", withDefault(col("n", "integer"), "0"), col("d", "integer"));
            MigrationPlan up = SchemaDiffer.diff(schema(a), schema(b));
            assertThat(up.sql()).containsExactly(
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" SET NOT NULL",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" SET DEFAULT 0",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"d\" DROP DEFAULT");
            assertThat(up.statements().get(0).destructive()).isEqualTo(Destructive.SET_NOT_NULL);
            assertThat(sql(schema(b), schema(a))).containsExactly(
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" DROP DEFAULT",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" DROP NOT NULL",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"d\" SET DEFAULT 1");
        }

        @Test
        void defaultsNeedingParenthesesGetThem() {
            Table a = table("t", col("b", "boolean"));
            Table b = table("t", withDefault(col("b", "boolean"), "1 < 2"));
            assertThat(sql(schema(a), schema(b))).containsExactly("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"b\" SET DEFAULT (1 < 2)");
        }

        @Test
        void identityAddDropAndSwitch() {
            Table plain = table("t", col("id", "bigint"));
            Table always = table("t", identity("id"));
            Table byDefault = table("t", new Column("id", type("bigint"), false, null, IdentityKind.BY_DEFAULT, List.of()));
            assertThat(sql(schema(plain), schema(always)))
                    .containsExactly("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"id\" ADD GENERATED ALWAYS AS IDENTITY");
            assertThat(sql(schema(always), schema(plain)))
                    .containsExactly("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"id\" DROP IDENTITY");
            assertThat(sql(schema(always), schema(byDefault)))
                    .containsExactly("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"id\" SET GENERATED BY DEFAULT");
            Table serialLike = table("t", withDefault(nullable("id", "bigint"), "nextval('t_id_seq'::regclass)"));
            assertThat(sql(schema(serialLike), schema(always))).containsExactly(
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"id\" DROP DEFAULT",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"id\" SET NOT NULL",
                    "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"id\" ADD GENERATED ALWAYS AS IDENTITY");
        }

        @Test
        void columnOrderIsNeverChanged() {
            Table a = table("t", col("a", "text"), col("b", "text"));
            Table b = table("t", col("b", "text"), col("a", "text"));
            assertThat(SchemaDiffer.diff(schema(a), schema(b)).isEmpty()).isTrue();
        }
    }

    @Nested
    class Tables {
        @Test
        void renameThroughHintBothDirectionsAndAcrossSchemas() {
            Table old = entity("clients", col("name", "text"));
            Table now = renamedTable(old, pub("customers"), "clients");
            assertThat(sql(schema(old), schema(now)))
                    .containsExactly("ALTER TABLE \"public\".\"clients\" RENAME TO \"customers\"");
            assertThat(sql(schema(now), schema(old)))
                    .containsExactly("ALTER TABLE \"public\".\"customers\" RENAME TO \"clients\"");
            Table moved = renamedTable(old, QualifiedName.of("crm", "customers"), "public.clients");
            assertThat(sql(schema(old), schema(Set.of("crm"), Set.of(), List.of(), moved))).containsExactly(
                    "CREATE SCHEMA \"crm\"",
                    "ALTER TABLE \"public\".\"clients\" SET SCHEMA \"crm\"",
                    "ALTER TABLE \"crm\".\"clients\" RENAME TO \"customers\"");
        }

        @Test
        void foreignKeysToARenamedTableAreKept() {
            Table clients = entity("clients");
            Table events = with(entity("events", col("client_id", "bigint")), fk("events_client_id_fkey", "client_id", "clients", null));
            Table customers = renamedTable(clients, pub("customers"), "clients");
            Table events2 = with(entity("events", col("client_id", "bigint")),
                    new ForeignKey("events_client_id_fkey", List.of("client_id"), pub("customers"), List.of("id"), null, null));
            assertThat(sql(schema(clients, events), schema(customers, events2)))
                    .containsExactly("ALTER TABLE \"public\".\"clients\" RENAME TO \"customers\"");
        }

        @Test
        void hintIsIgnoredWhenTheOldNameStillExists() {
            Table a = table("a", col("x", "text"));
            Table b = renamedTable(table("b", col("x", "text")), pub("b"), "a");
            assertThat(sql(schema(a), schema(a, b))).containsExactly("CREATE TABLE \"public\".\"b\" (\n  \"x\" text NOT NULL\n)");
        }

        @Test
        void newTableReferencingAnExistingOneGetsItsForeignKeyAfterCreation() {
            Table clients = entity("clients");
            Table events = with(entity("events", col("client_id", "bigint")), fk("events_client_id_fkey", "client_id", "clients", null));
            List<String> sql = sql(schema(clients), schema(clients, events));
            assertThat(sql).hasSize(2);
            assertThat(sql.get(0)).startsWith("CREATE TABLE \"public\".\"events\"").doesNotContain("FOREIGN KEY");
            assertThat(sql.get(1)).startsWith("ALTER TABLE \"public\".\"events\" ADD CONSTRAINT \"events_client_id_fkey\" FOREIGN KEY");
        }
    }

    @Nested
    class Constraints {
        final Table base = entity("t", col("a", "integer"), col("b", "integer"), nullable("c", "tstzrange"));

        @Test
        void everyKindAddedAndDropped() {
            Table full = with(base,
                    new UniqueConstraint("t_a_b_key", List.of("a", "b"), true),
                    new CheckConstraint("t_a_check", "a > 0"),
                    new ExclusionConstraint("t_excl", IndexMethod.GIST, List.of(
                            new ExclusionElement("a", null, "="), new ExclusionElement(null, "c", "&&")), "b > 0"),
                    new Index("idx_t_b", List.of(new IndexKey("b", null, SortOrder.DESC_NULLS_LAST)), true, IndexMethod.BTREE, "a > 0"),
                    new Index("idx_t_hash", List.of(IndexKey.column("a")), false, IndexMethod.HASH, null),
                    new ForeignKey("t_b_fkey", List.of("b"), pub("t"), List.of("id"), ReferentialAction.SET_DEFAULT, ReferentialAction.RESTRICT));
            assertThat(sql(schema(base), schema(full))).containsExactly(
                    "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_a_b_key\" UNIQUE NULLS NOT DISTINCT (\"a\", \"b\")",
                    "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_a_check\" CHECK (a > 0)",
                    "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_excl\" EXCLUDE USING gist (\"a\" WITH =, (c) WITH &&) WHERE (b > 0)",
                    "CREATE UNIQUE INDEX \"idx_t_b\" ON \"public\".\"t\" USING btree (\"b\" DESC NULLS LAST) WHERE (a > 0)",
                    "CREATE INDEX \"idx_t_hash\" ON \"public\".\"t\" USING hash (\"a\")",
                    "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_b_fkey\" FOREIGN KEY (\"b\") REFERENCES \"public\".\"t\" (\"id\") ON DELETE SET DEFAULT ON UPDATE RESTRICT");
            assertThat(sql(schema(full), schema(base))).containsExactly(
                    "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_b_fkey\"",
                    "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_a_b_key\"",
                    "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_a_check\"",
                    "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_excl\"",
                    "DROP INDEX \"public\".\"idx_t_b\"",
                    "DROP INDEX \"public\".\"idx_t_hash\"");
        }

        @Test
        void changedConstraintIsDroppedThenAdded() {
            Table a = with(base, new CheckConstraint("t_a_check", "a > 0"));
            Table b = with(base, new CheckConstraint("t_a_check", "a > 1"));
            MigrationPlan plan = SchemaDiffer.diff(schema(a), schema(b));
            assertThat(plan.sql()).containsExactly(
                    "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_a_check\"",
                    "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_a_check\" CHECK (a > 1)");
            assertThat(plan.statements()).extracting(PlannedStatement::change).containsExactly(ChangeKind.DROP, ChangeKind.ALTER);
        }

        @Test
        void primaryKeyAddDropAndChange() {
            Table none = withoutPrimaryKey(base);
            Table composite = withPrimaryKey(base, "t_pkey", "id", "a");
            assertThat(sql(schema(none), schema(base)))
                    .containsExactly("ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_pkey\" PRIMARY KEY (\"id\")");
            assertThat(sql(schema(base), schema(none))).containsExactly("ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_pkey\"");
            assertThat(sql(schema(base), schema(composite))).containsExactly(
                    "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_pkey\"",
                    "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_pkey\" PRIMARY KEY (\"id\", \"a\")");
        }

        @Test
        void foreignKeysOnARebuiltKeyAreRebuiltAroundIt() {
            Table parent = table("p", col("id", "bigint"), col("code", "text"));
            Table child = with(table("c", col("p_id", "bigint")), fk("c_p_id_fkey", "p_id", "p", null));
            Table p1 = withPrimaryKey(parent, "p_pkey", "id");
            Table p2 = withPrimaryKey(parent, "p_pkey2", "id");
            assertThat(sql(schema(p1, child), schema(p2, child))).containsExactly(
                    "ALTER TABLE \"public\".\"c\" DROP CONSTRAINT \"c_p_id_fkey\"",
                    "ALTER TABLE \"public\".\"p\" DROP CONSTRAINT \"p_pkey\"",
                    "ALTER TABLE \"public\".\"p\" ADD CONSTRAINT \"p_pkey2\" PRIMARY KEY (\"id\")",
                    "ALTER TABLE \"public\".\"c\" ADD CONSTRAINT \"c_p_id_fkey\" FOREIGN KEY (\"p_id\") REFERENCES \"public\".\"p\" (\"id\")");
        }

        @Test
        void foreignKeyActionChangeIsDropAndAdd() {
            Table parent = entity("p");
            Table c1 = with(table("c", col("p_id", "bigint")), fk("c_p_id_fkey", "p_id", "p", null));
            Table c2 = with(table("c", col("p_id", "bigint")), fk("c_p_id_fkey", "p_id", "p", ReferentialAction.CASCADE));
            assertThat(sql(schema(parent, c1), schema(parent, c2))).containsExactly(
                    "ALTER TABLE \"public\".\"c\" DROP CONSTRAINT \"c_p_id_fkey\"",
                    "ALTER TABLE \"public\".\"c\" ADD CONSTRAINT \"c_p_id_fkey\" FOREIGN KEY (\"p_id\") REFERENCES \"public\".\"p\" (\"id\") ON DELETE CASCADE");
            // NO ACTION written out or left null is the same foreign key
            Table c3 = with(table("c", col("p_id", "bigint")), new ForeignKey("c_p_id_fkey", List.of("p_id"), pub("p"), List.of("id"),
                    ReferentialAction.NO_ACTION, null));
            assertThat(SchemaDiffer.diff(schema(parent, c1), schema(parent, c3)).isEmpty()).isTrue();
        }
    }

    @Nested
    class Enums {
        final Table events = table("events", withDefault(enumColumn("status", "status"), "'a'"));

        @Test
        void valuesAreAddedInPosition() {
            EnumType before = enumType("status", "b", "d");
            EnumType after = enumType("status", "a", "b", "c", "d", "e");
            MigrationPlan plan = SchemaDiffer.diff(schema(List.of(before)), schema(List.of(after)));
            assertThat(plan.sql()).containsExactly(
                    "ALTER TYPE \"public\".\"status\" ADD VALUE 'a' BEFORE 'b'",
                    "ALTER TYPE \"public\".\"status\" ADD VALUE 'c' AFTER 'b'",
                    "ALTER TYPE \"public\".\"status\" ADD VALUE 'e' AFTER 'd'");
            assertThat(plan.isDestructive()).isFalse();
        }

        @Test
        void removedValueRebuildsTheTypeAndConvertsEveryColumn() {
            EnumType before = enumType("status", "a", "b", "c");
            EnumType after = enumType("status", "a", "c");
            Table other = table("other", new Column("statuses", new ColumnType.EnumRef(pub("status"), true), true));
            MigrationPlan plan = SchemaDiffer.diff(schema(List.of(before), events, other), schema(List.of(after), events, other));
            assertThat(plan.sql()).containsExactly(
                    "ALTER TYPE \"public\".\"status\" RENAME TO \"status_old\"",
                    "CREATE TYPE \"public\".\"status\" AS ENUM ('a', 'c')",
                    "ALTER TABLE \"public\".\"events\" ALTER COLUMN \"status\" DROP DEFAULT",
                    "ALTER TABLE \"public\".\"events\" ALTER COLUMN \"status\" TYPE \"public\".\"status\" USING \"status\"::text::\"public\".\"status\"",
                    "ALTER TABLE \"public\".\"events\" ALTER COLUMN \"status\" SET DEFAULT 'a'",
                    "ALTER TABLE \"public\".\"other\" ALTER COLUMN \"statuses\" TYPE \"public\".\"status\"[] USING \"statuses\"::text[]::\"public\".\"status\"[]",
                    "DROP TYPE \"public\".\"status_old\"");
            assertThat(plan.destructiveStatements()).extracting(PlannedStatement::destructive)
                    .containsOnly(Destructive.DROP_ENUM_VALUE).hasSize(3);
        }

        /**
         * PostgreSQL re-parses a predicate, check or index expression naming a converted column; its stored
         * constant {@code 'b'::status_old} no longer compares with the new type. Such dependents go before the
         * conversion and come back after it; those not naming the column are left alone.
         */
        @Test
        void dependentsNamingARebuiltEnumColumnAreDroppedBeforeTheConversionAndCreatedAfter() {
            EnumType before = enumType("status", "a", "b", "c");
            EnumType after = enumType("status", "c", "a", "b");
            Table t = with(table("jobs", enumColumn("status", "status"), col("n", "integer"), col("during", "tstzrange")),
                    new Index("idx_jobs_open", List.of(IndexKey.column("n")), false, IndexMethod.BTREE, "status <> 'b'"),
                    new Index("idx_jobs_expr", List.of(IndexKey.expression("(\"status\" = 'a')")), false, IndexMethod.BTREE, null),
                    new Index("idx_jobs_n", List.of(IndexKey.column("n")), false, IndexMethod.BTREE, "n > 0"),
                    new CheckConstraint("jobs_status_check", "status IN ('a', 'b') OR n > 0"),
                    new CheckConstraint("jobs_n_check", "n >= 0"),
                    new ExclusionConstraint("jobs_no_overlap", IndexMethod.GIST,
                            List.of(new ExclusionElement("during", null, "&&")), "status = 'a'"));
            List<String> sql = sql(schema(List.of(before), t), schema(List.of(after), t));
            String convert = "ALTER TABLE \"public\".\"jobs\" ALTER COLUMN \"status\" TYPE \"public\".\"status\" USING \"status\"::text::\"public\".\"status\"";
            assertThat(sql).contains(convert);
            int conversion = sql.indexOf(convert);
            for (String dependent : List.of("idx_jobs_open", "idx_jobs_expr", "jobs_status_check", "jobs_no_overlap")) {
                int drop = indexOfMatching(sql, s -> s.startsWith("DROP INDEX") || s.contains("DROP CONSTRAINT"), dependent);
                int create = indexOfMatching(sql, s -> s.startsWith("CREATE INDEX") || s.contains("ADD CONSTRAINT"), dependent);
                assertThat(drop).as("drop of " + dependent).isBetween(0, conversion - 1);
                assertThat(create).as("re-creation of " + dependent).isGreaterThan(conversion);
            }
            assertThat(sql).noneMatch(s -> s.contains("idx_jobs_n\"") || s.contains("jobs_n_check"));
            // Going back adds nothing but the values' order differs again: the same dependents move around it.
            List<String> down = sql(schema(List.of(after), t), schema(List.of(before), t));
            assertThat(down).anyMatch(s -> s.startsWith("DROP INDEX") && s.contains("idx_jobs_open"));
        }

        @Test
        void dependentsOfAColumnTurningFromTextIntoAnEnumAreRecreatedToo() {
            EnumType status = enumType("status", "a", "b");
            Table before = with(table("jobs", col("status", "text")),
                    new Index("idx_jobs_open", List.of(IndexKey.column("status")), false, IndexMethod.BTREE, "status <> 'b'"));
            Table after = with(table("jobs", enumColumn("status", "status")),
                    new Index("idx_jobs_open", List.of(IndexKey.column("status")), false, IndexMethod.BTREE, "status <> 'b'"));
            List<String> sql = sql(schema(List.of(status), before), schema(List.of(status), after));
            assertThat(sql.get(0)).startsWith("DROP INDEX").contains("idx_jobs_open");
            assertThat(sql.get(sql.size() - 1)).startsWith("CREATE INDEX").contains("idx_jobs_open");
        }

        @Test
        void mentionsColumnLooksAtIdentifiersNotAtLiterals() {
            assertThat(dev.sleet.schema.sql.SqlExpressions.mentionsColumn("status <> 'done'", "status")).isTrue();
            assertThat(dev.sleet.schema.sql.SqlExpressions.mentionsColumn("\"status\" = 'x'", "status")).isTrue();
            assertThat(dev.sleet.schema.sql.SqlExpressions.mentionsColumn("STATUS = 'x'", "status")).isTrue();
            assertThat(dev.sleet.schema.sql.SqlExpressions.mentionsColumn("kind = 'status'", "status")).isFalse();
            assertThat(dev.sleet.schema.sql.SqlExpressions.mentionsColumn("status_code > 0", "status")).isFalse();
            assertThat(dev.sleet.schema.sql.SqlExpressions.mentionsColumn("\"Status\" > 0", "Status")).isTrue();
        }

        @Test
        void reorderedValuesRebuildTooAndNewTablesUseTheNewType() {
            EnumType before = enumType("status", "a", "b");
            EnumType after = enumType("status", "b", "a");
            List<String> sql = sql(schema(List.of(before)), schema(List.of(after), events));
            assertThat(sql).containsExactly(
                    "ALTER TYPE \"public\".\"status\" RENAME TO \"status_old\"",
                    "CREATE TYPE \"public\".\"status\" AS ENUM ('b', 'a')",
                    "CREATE TABLE \"public\".\"events\" (\n  \"status\" \"public\".\"status\" DEFAULT 'a' NOT NULL\n)",
                    "DROP TYPE \"public\".\"status_old\"");
        }

        @Test
        void enumIsCreatedBeforeTheTableThatUsesItAndDroppedAfter() {
            EnumType status = enumType("status", "a");
            List<String> up = sql(schema(), schema(List.of(status), events));
            assertThat(up.get(0)).startsWith("CREATE TYPE");
            assertThat(up.get(1)).startsWith("CREATE TABLE");
            List<String> down = sql(schema(List.of(status), events), schema());
            assertThat(down).containsExactly("DROP TABLE \"public\".\"events\"", "DROP TYPE \"public\".\"status\"");
        }
    }

    @Nested
    class Verify {
        /** The catering schema the way the introspector reads it back from PostgreSQL (pg_get_expr spellings). */
        DatabaseSchema introspected() {
            DatabaseSchema s = Fixtures.catering();
            List<Table> tables = s.tables().stream().map(t -> switch (t.name().name()) {
                case "clients" -> new Table(t.name(), t.columns().stream()
                        .map(c -> c.name().equals("created_at") ? withDefault(c, "CURRENT_TIMESTAMP") : c).toList(),
                        t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.exclusions(),
                        List.of(new Index("idx_clients_lower_name", List.of(IndexKey.expression("lower(name)")), false, null, null)), List.of());
                case "events" -> new Table(t.name(), t.columns().stream().map(c -> switch (c.name()) {
                    case "status" -> withDefault(c, "'inquiry'::event_status");
                    default -> c;
                }).toList(), t.primaryKey(), t.foreignKeys().stream().map(f -> new ForeignKey(f.name(), f.columns(), f.referencedTable(),
                        f.referencedColumns(), f.onDelete(), ReferentialAction.NO_ACTION)).toList(), t.uniques(),
                        List.of(new CheckConstraint("events_guests_check", "((guests >= 0) AND (guests < 10000))")),
                        t.exclusions(), t.indexes().stream().map(i -> i.name().equals("idx_events_open")
                        ? new Index(i.name(), i.keys(), false, IndexMethod.BTREE, "(status <> 'completed'::event_status)") : i).toList(), List.of());
                case "resource_schedule" -> new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(),
                        List.of(new CheckConstraint("resource_schedule_time_range_valid", "(end_time > start_time)")),
                        List.of(new ExclusionConstraint("resource_schedule_no_overlap", IndexMethod.GIST, List.of(
                                new ExclusionElement("resource_id", null, "="),
                                new ExclusionElement(null, "tstzrange(start_time, end_time, '[)'::text)", "&&")), null)),
                        List.of(new Index("idx_rs_time", List.of(IndexKey.expression("tstzrange(start_time, end_time, '[)'::text)")),
                                false, IndexMethod.GIST, null)), List.of());
                default -> t;
            }).toList();
            return new DatabaseSchema(s.schemas(), s.extensions(), s.enums(), tables);
        }

        @Test
        void liveSpellingsOfTheSameSchemaAreNoDrift() {
            assertThat(SchemaDiffer.diff(introspected(), Fixtures.catering()).sql()).isEmpty();
            assertThat(SchemaDiffer.diff(Fixtures.catering(), introspected()).sql()).isEmpty();
        }

        @Test
        void renameHintsAreNotDrift() {
            DatabaseSchema s = schema(renamedTable(table("t", renamed(col("b", "text"), "a")), pub("t"), "old_t"));
            assertThat(SchemaDiffer.diff(schema(table("t", col("b", "text"))), s).isEmpty()).isTrue();
        }
    }

    private static int indexOfMatching(List<String> sql, java.util.function.Predicate<String> kind, String name) {
        for (int i = 0; i < sql.size(); i++) {
            if (kind.test(sql.get(i)) && sql.get(i).contains("\"" + name + "\"")) {
                return i;
            }
        }
        return -1;
    }
}
