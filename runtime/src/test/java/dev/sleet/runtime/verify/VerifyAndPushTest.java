package dev.sleet.runtime.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.diff.ChangeKind;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.spi.SchemaVerification;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.SchemaAssertions;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class VerifyAndPushTest {
    private final TestDatabase db;

    VerifyAndPushTest(TestDatabase db) {
        this.db = db;
    }

    /** A small schema in its own namespace, so each test works on its own objects. */
    static DatabaseSchema model(String schema) {
        QualifiedName mood = new QualifiedName(schema, "mood");
        QualifiedName people = new QualifiedName(schema, "people");
        Table table = new Table(people,
                List.of(new Column("id", ColumnType.builtin("bigint"), false, null, IdentityKind.ALWAYS, List.of()),
                        new Column("name", ColumnType.builtin("text"), false),
                        new Column("nick", ColumnType.builtin("varchar(20)"), true),
                        new Column("mood", new ColumnType.EnumRef(mood, false), false, "'happy'", null, List.of()),
                        new Column("created", ColumnType.builtin("timestamptz"), false, "now()", null, List.of())),
                new PrimaryKey("people_pkey", List.of("id")),
                List.of(),
                List.of(new UniqueConstraint("people_name_key", List.of("name"), false)),
                List.of(new CheckConstraint("people_name_check", "length(name) > 0")),
                List.of(),
                List.of(new Index("idx_people_nick", List.of(IndexKey.column("nick")), false, IndexMethod.BTREE, null)),
                List.of());
        return new DatabaseSchema(new TreeSet<>(Set.of(schema)), new TreeSet<>(), List.of(new EnumType(mood, List.of("happy", "sad"))),
                List.of(table));
    }

    private void exec(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Creates the schema through push and checks it verifies clean. */
    private DatabaseSchema created(String schema) throws Exception {
        DatabaseSchema expected = model(schema);
        PushResult r = SchemaPusher.push(db.dataSource(), expected, PushOptions.apply());
        assertThat(r.applied()).isTrue();
        assertThat(SchemaVerifier.verify(db.dataSource(), expected)).isEmpty();
        return expected;
    }

    private List<String> driftAfter(String schema, String sql) throws Exception {
        DatabaseSchema expected = created(schema);
        exec(sql.replace("{s}", schema));
        return SchemaVerifier.verify(db.dataSource(), expected).stream().map(Drift::message).toList();
    }

    @Test
    void pushedSchemaIntrospectsBackEquivalent() throws Exception {
        DatabaseSchema expected = created("v_roundtrip");
        DatabaseSchema live = Introspector.read(db.dataSource(), Set.of("v_roundtrip"));
        assertThat(live.tables()).singleElement().satisfies(t -> {
            assertThat(t.columns()).extracting(Column::name).containsExactly("id", "name", "nick", "mood", "created");
            assertThat(t.indexes()).extracting(Index::name).containsExactly("idx_people_nick");
        });
        assertThat(Drift.between(live, expected)).isEmpty();
        SchemaAssertions.assertNoDrift(db.dataSource(), expected);
    }

    @Test
    void missingColumn() throws Exception {
        assertThat(driftAfter("v_col", "ALTER TABLE {s}.people DROP COLUMN nick"))
                .anySatisfy(d -> assertThat(d).startsWith("missing column v_col.people.nick"));
    }

    @Test
    void unexpectedColumn() throws Exception {
        assertThat(driftAfter("v_extra", "ALTER TABLE {s}.people ADD COLUMN age int"))
                .containsExactly("unexpected column v_extra.people.age");
    }

    @Test
    void differentType() throws Exception {
        assertThat(driftAfter("v_type", "ALTER TABLE {s}.people ALTER COLUMN nick TYPE text"))
                .singleElement().satisfies(d -> assertThat(d).startsWith("column v_type.people.nick differs"));
    }

    @Test
    void differentDefault() throws Exception {
        assertThat(driftAfter("v_default", "ALTER TABLE {s}.people ALTER COLUMN mood SET DEFAULT 'sad'"))
                .singleElement().satisfies(d -> assertThat(d).startsWith("column v_default.people.mood differs"));
    }

    @Test
    void missingIndex() throws Exception {
        assertThat(driftAfter("v_index", "DROP INDEX {s}.idx_people_nick"))
                .containsExactly("missing index v_index.people.idx_people_nick");
    }

    @Test
    void changedConstraint() throws Exception {
        assertThat(driftAfter("v_check", "ALTER TABLE {s}.people DROP CONSTRAINT people_name_check; "
                + "ALTER TABLE {s}.people ADD CONSTRAINT people_name_check CHECK (length(name) > 1)"))
                .singleElement().satisfies(d -> assertThat(d).startsWith("check constraint v_check.people.people_name_check differs"));
        assertThat(driftAfter("v_unique", "ALTER TABLE {s}.people DROP CONSTRAINT people_name_key"))
                .containsExactly("missing unique constraint v_unique.people.people_name_key");
    }

    @Test
    void extraEnumValue() throws Exception {
        List<String> drift = driftAfter("v_enum", "ALTER TYPE {s}.mood ADD VALUE 'angry'");
        assertThat(drift).contains("enum type v_enum.mood differs: values (happy, sad, angry) in the database, (happy, sad) expected");
    }

    @Test
    void assertionFailsWithTheDriftList() throws Exception {
        DatabaseSchema expected = created("v_assert");
        exec("ALTER TABLE v_assert.people ADD COLUMN age int");
        assertThatThrownBy(() -> SchemaAssertions.assertNoDrift(db.dataSource(), expected))
                .isInstanceOf(AssertionError.class).hasMessageContaining("unexpected column v_assert.people.age");
    }

    @Test
    void pushExplainsRefusesDataLossAndAppliesWhenAccepted() throws Exception {
        DatabaseSchema expected = created("v_push");
        exec("ALTER TABLE v_push.people ADD COLUMN age int; ALTER TABLE v_push.people DROP COLUMN nick");

        PushResult explained = SchemaPusher.push(db.dataSource(), expected, PushOptions.explainOnly());
        assertThat(explained.applied()).isFalse();
        assertThat(explained.plan().statements()).extracting(s -> s.change()).contains(ChangeKind.ADD, ChangeKind.DROP);
        assertThat(explained.destructive()).singleElement().satisfies(s -> assertThat(s.destructive().code()).isEqualTo("DS103"));
        assertThat(SchemaVerifier.verify(db.dataSource(), expected)).extracting(Drift::message).containsExactlyInAnyOrder(
                "unexpected column v_push.people.age", "missing column v_push.people.nick", "missing index v_push.people.idx_people_nick");

        assertThatThrownBy(() -> SchemaPusher.push(db.dataSource(), expected, PushOptions.apply()))
                .isInstanceOf(PushRefusedException.class).hasMessageContaining("DS103").hasMessageContaining("accept-data-loss");
        assertThat(SchemaVerifier.verify(db.dataSource(), expected)).hasSize(3);

        PushResult applied = SchemaPusher.push(db.dataSource(), expected, PushOptions.apply().withDataLoss());
        assertThat(applied.applied()).isTrue();
        assertThat(SchemaVerifier.verify(db.dataSource(), expected)).isEmpty();
        assertThat(SchemaPusher.push(db.dataSource(), expected, PushOptions.apply()).plan().isEmpty()).isTrue();
    }

    @Test
    void failedPushLeavesTheDatabaseUnchanged() throws Exception {
        DatabaseSchema expected = created("v_fail");
        exec("ALTER TABLE v_fail.people DROP CONSTRAINT people_name_key; INSERT INTO v_fail.people (name) VALUES ('x'), ('x');"
                + "ALTER TABLE v_fail.people ADD COLUMN age int");
        assertThatThrownBy(() -> SchemaPusher.push(db.dataSource(), expected, PushOptions.apply().withDataLoss()))
                .isInstanceOf(SchemaPushException.class).hasMessageContaining("23505").hasMessageContaining("rolled back");
        assertThat(SchemaVerifier.verify(db.dataSource(), expected)).hasSize(2);
    }

    @Test
    void scopeIsTheSnapshotsSchemasAndLeavesOtherSchemasAlone() throws Exception {
        DatabaseSchema expected = created("v_scope");
        exec("CREATE TABLE public.v_scope_by_hand (id int); CREATE SCHEMA IF NOT EXISTS v_scope_other;"
                + "CREATE TABLE v_scope_other.t (id int)");
        assertThat(SchemaScope.of(expected)).containsExactly("v_scope");
        assertThat(SchemaVerifier.verify(db.dataSource(), expected)).as("public is not the application's here").isEmpty();
        SchemaAssertions.assertNoDrift(db.dataSource(), expected);
        assertThat(SchemaPusher.push(db.dataSource(), expected, PushOptions.apply().withDataLoss()).plan().isEmpty())
                .as("push must not drop what the snapshot does not cover").isTrue();
        assertThat(Introspector.read(db.dataSource(), Set.of("public")).table(QualifiedName.of("public", "v_scope_by_hand")))
                .isPresent();
    }

    @Test
    void anEmptyExpectedSchemaChecksPublicAndNeverTheHistorySchema() throws Exception {
        exec("CREATE TABLE public.v_empty_by_hand (id int); CREATE SCHEMA IF NOT EXISTS sleet;"
                + "CREATE TABLE IF NOT EXISTS sleet.v_history (id int)");
        DatabaseSchema empty = new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), List.of(), List.of());
        assertThat(SchemaScope.of(empty)).containsExactly("public");
        assertThat(SchemaVerifier.verify(db.dataSource(), empty)).extracting(Drift::message)
                .contains("unexpected table public.v_empty_by_hand")
                .noneMatch(m -> m.contains("sleet."));
        assertThatThrownBy(() -> SchemaAssertions.assertNoDrift(db.dataSource(), empty))
                .isInstanceOf(AssertionError.class).hasMessageContaining("unexpected table public.v_empty_by_hand");

        DatabaseSchema namesHistory = new DatabaseSchema(new TreeSet<>(Set.of("sleet")), new TreeSet<>(), List.of(), List.of());
        assertThat(SchemaScope.of(namesHistory)).as("the history schema is never compared").containsExactly("public");
        assertThat(SchemaScope.of(model("app"), "app")).containsExactly("public");
    }

    @Test
    void theTestingAssertionRunsThisVerifierThroughTheServiceLoader() throws Exception {
        SchemaVerification found = ServiceLoader.load(SchemaVerification.class).findFirst().orElseThrow();
        assertThat(found).isInstanceOf(SchemaVerifier.class);
        DatabaseSchema expected = created("v_spi");
        exec("ALTER TABLE v_spi.people ADD COLUMN age int");
        try (Connection c = db.connect()) {
            assertThat(found.verify(c, expected, "sleet")).extracting(Drift::message)
                    .containsExactlyElementsOf(SchemaVerifier.verify(db.dataSource(), expected).stream().map(Drift::message).toList())
                    .containsExactly("unexpected column v_spi.people.age");
        }
    }

    @Test
    void differingObjectsSayWhatWouldFixThem() throws Exception {
        assertThat(driftAfter("v_words", "ALTER TABLE {s}.people ALTER COLUMN mood SET DEFAULT 'sad'"))
                .singleElement().satisfies(d -> assertThat(d).startsWith("column v_words.people.mood differs: ").endsWith(" would fix it"));
    }
}
