package dev.sleet.schema.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.schema.migration.DraftMarker;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final QualifiedName USERS = QualifiedName.of(null, "users");
    private static final QualifiedName POSTS = QualifiedName.of(null, "posts");

    private static Column col(String name) {
        return new Column(name, ColumnType.builtin("text"), false);
    }

    private static Table table(QualifiedName name, Column... columns) {
        List<Column> all = new ArrayList<>(List.of(new Column("id", ColumnType.builtin("bigint"), false)));
        all.addAll(List.of(columns));
        return new Table(name, all, new PrimaryKey(name.name() + "_pkey", List.of("id")), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    private static DatabaseSchema schema(List<EnumType> enums, Table... tables) {
        return new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), enums, List.of(tables));
    }

    private static DatabaseSchema schema(Table... tables) {
        return schema(List.of(), tables);
    }

    @Test
    void independentChangesOnTwoBranchesMergeObjectByObject() {
        DatabaseSchema base = schema(table(USERS, col("name")));
        DatabaseSchema ours = schema(table(USERS, col("name"), col("email")));
        DatabaseSchema theirs = schema(table(USERS, col("name"), col("phone")), table(POSTS, col("body")));
        DatabaseSchema merged = SchemaMerge.merge(base, ours, "a", theirs, "b");
        assertThat(merged.table(USERS).orElseThrow().columns()).extracting(Column::name).containsExactly("id", "name", "email", "phone");
        assertThat(merged.table(POSTS)).isPresent();
    }

    @Test
    void aDropOnOneSideAndNoChangeOnTheOtherIsADrop() {
        DatabaseSchema base = schema(table(USERS, col("name"), col("legacy")));
        DatabaseSchema ours = schema(table(USERS, col("name")));
        DatabaseSchema merged = SchemaMerge.merge(base, ours, "a", base, "b");
        assertThat(merged.table(USERS).orElseThrow().column("legacy")).isEmpty();
    }

    @Test
    void theSameObjectChangedDifferentlyIsAConflictNamingBothMigrations() {
        DatabaseSchema base = schema(table(USERS, col("name")));
        DatabaseSchema ours = schema(table(USERS, new Column("name", ColumnType.builtin("varchar(10)"), false)));
        DatabaseSchema theirs = schema(table(USERS, new Column("name", ColumnType.builtin("text"), true)));
        assertThatThrownBy(() -> SchemaMerge.merge(base, ours, "m_a", theirs, "m_b"))
                .isInstanceOf(MergeConflictException.class)
                .hasMessageContaining("m_a").hasMessageContaining("m_b")
                .hasMessageContaining("column public.users.name (changed in m_a, changed in m_b)");
    }

    @Test
    void modifiedOnOneSideAndDroppedOnTheOtherIsAConflict() {
        DatabaseSchema base = schema(table(USERS, col("name")));
        DatabaseSchema ours = schema(table(USERS, col("name"), col("email")));
        DatabaseSchema theirs = schema();
        assertThatThrownBy(() -> SchemaMerge.merge(base, ours, "a", theirs, "b"))
                .isInstanceOf(MergeConflictException.class).hasMessageContaining("table public.users (changed in a, dropped in b)");
    }

    @Test
    void enumLabelsAppendedOnBothSidesAreKeptInOrder() {
        QualifiedName status = QualifiedName.of(null, "status");
        DatabaseSchema base = schema(List.of(new EnumType(status, List.of("open"))));
        DatabaseSchema ours = schema(List.of(new EnumType(status, List.of("open", "closed"))));
        DatabaseSchema theirs = schema(List.of(new EnumType(status, List.of("open", "archived"))));
        assertThat(SchemaMerge.merge(base, ours, "a", theirs, "b").enumType(status).orElseThrow().values())
                .containsExactly("open", "closed", "archived");
    }

    @Test
    void headsAndStateFollowTheParentGraph() {
        DatabaseSchema s0 = schema(table(USERS, col("name")));
        DatabaseSchema s1 = schema(table(USERS, col("name"), col("email")));
        DatabaseSchema s2 = schema(table(USERS, col("name")), table(POSTS));
        Journal journal = new Journal(List.of(
                new MigrationMeta("m0", List.of(), s0),
                new MigrationMeta("m1", List.of("m0"), s1),
                new MigrationMeta("m2", List.of("m0"), s2)));
        assertThat(journal.heads()).containsExactly("m1", "m2");
        DatabaseSchema state = journal.state();
        assertThat(state.table(USERS).orElseThrow().column("email")).isPresent();
        assertThat(state.table(POSTS)).isPresent();
        assertThat(journal.without("m2").state()).isEqualTo(s1);
        assertThat(Journal.empty().state()).isEqualTo(DatabaseSchema.EMPTY);
    }

    @Test
    void aMissingParentIsAnErrorNamingBothFiles() {
        assertThatThrownBy(() -> new Journal(List.of(new MigrationMeta("m1", List.of("m0"), DatabaseSchema.EMPTY))))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("meta/m1.json names parent m0, but there is no meta/m0.json");
    }

    @Test
    void metaJsonRoundTripsAndIsStable() {
        MigrationMeta meta = new MigrationMeta("20261122_021500_create_users", List.of("b", "a"), schema(table(USERS, col("name"))));
        String json = MetaJson.write(meta);
        assertThat(json).startsWith("{\n  \"format\": 1,\n  \"migration\": \"20261122_021500_create_users\",\n  \"parents\": [\"a\", \"b\"],");
        assertThat(MetaJson.read(json, "meta/x.json")).isEqualTo(meta);
        assertThat(MetaJson.write(MetaJson.read(json, "meta/x.json"))).isEqualTo(json);
    }

    @Test
    void corruptedMetaJsonNamesTheFileAndTheProblem() {
        assertThatThrownBy(() -> MetaJson.read("{\"format\": 1,", "migrations/meta/m.json"))
                .isInstanceOf(JournalException.class).hasMessageContaining("migrations/meta/m.json is corrupted: it is not valid JSON");
        assertThatThrownBy(() -> MetaJson.read("{\"format\": 2, \"migration\": \"m\", \"parents\": [], \"schema\": {}}", "m.json"))
                .hasMessageContaining("\"format\" is 2");
        assertThatThrownBy(() -> MetaJson.read("{\"format\": 1, \"migration\": \"m\", \"parents\": [3], \"schema\": {}}", "m.json"))
                .hasMessageContaining("\"parents\" holds 3");
        assertThatThrownBy(() -> MetaJson.read("{\"format\": 1, \"migration\": \"m\", \"parents\": [], \"schema\": {\"tables\": 5}}", "m.json"))
                .hasMessageContaining("its \"schema\" cannot be read");
    }

    @Test
    void folderReadsDraftsGeneratedAndHandWrittenFiles(@TempDir Path dir) throws IOException {
        MigrationsFolder folder = MigrationsFolder.at(dir.resolve("migrations"));
        assertThat(folder.migrations()).isEmpty();
        assertThat(folder.journal().heads()).isEmpty();
        folder.write("20261122_021500_create_users", DraftMarker.LINE + "\n-- +migrate Up\nSELECT 1;\n",
                new MigrationMeta("20261122_021500_create_users", List.of(), schema(table(USERS))));
        Files.writeString(folder.dir().resolve("20261122_030000_trigger.sql"), "-- +migrate Up\nSELECT 2;\n");
        assertThat(folder.migrations()).extracting(MigrationFile::name, MigrationFile::draft, MigrationFile::generated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("20261122_021500_create_users", true, true),
                        org.assertj.core.groups.Tuple.tuple("20261122_030000_trigger", false, false));
        assertThat(folder.journal().heads()).containsExactly("20261122_021500_create_users");
        try (var files = Files.list(folder.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp files left behind")
                    .containsExactlyInAnyOrder("20261122_021500_create_users.sql", "20261122_030000_trigger.sql", "meta");
        }
        folder.delete("20261122_021500_create_users");
        assertThat(folder.migrations()).extracting(MigrationFile::name).containsExactly("20261122_030000_trigger");
        assertThat(Set.copyOf(folder.journal().metas().keySet())).isEmpty();
    }

    @Test
    void metaWithoutItsMigrationFileIsAnError(@TempDir Path dir) {
        MigrationsFolder folder = MigrationsFolder.at(dir);
        folder.write("m1", "-- +migrate Up\n", new MigrationMeta("m1", List.of(), DatabaseSchema.EMPTY));
        folder.sqlFile("m1").toFile().delete();
        assertThatThrownBy(folder::journal).isInstanceOf(JournalException.class).hasMessageContaining("has no migration file m1.sql");
    }
}
