package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A GiST index or exclusion with a plain scalar column key needs btree_gist; ranges, geometric types,
 * arrays and expressions do not. The draft for the scalar cases must run on a database without the
 * extension installed.
 */
@ExtendWith(PostgresExtension.class)
class BtreeGistTest {
    @TempDir
    Path migrations;

    private static DatabaseSchema compile(String annotations, String components) {
        Compilation compilation = Harness.withoutDaos(null).compile(T1, Sources.of("Slot",
                annotations + "\n@Table(name = \"slots\")\npublic record Slot(@Id long id, " + components + ") {}\n"));
        assertThat(compilation).succeeded();
        return SnapshotJson.read(Harness.resource(compilation, "META-INF/sleet/snapshot.json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gist index on bigint              | true  | @Index(columns = "owner_id", using = IndexMethod.GIST)                     | long ownerId
            gist index on uuid and range      | true  | @Index(columns = {"ref", "during"}, using = IndexMethod.GIST)             | UUID ref, @Column(type = "tstzrange") String during
            gist index on text                | true  | @Index(columns = "label", using = IndexMethod.GIST)                       | String label
            gist index on a range only        | false | @Index(columns = "during", using = IndexMethod.GIST)                      | @Column(type = "tstzrange") String during
            gist index on a point             | false | @Index(columns = "spot", using = IndexMethod.GIST)                        | @Column(type = "point") String spot
            gist index on an expression       | false | @Index(expressions = "tstzrange(a, b)", using = IndexMethod.GIST)         | Instant a, Instant b
            btree index on bigint             | false | @Index(columns = "owner_id")                                              | long ownerId
            exclusion scalar <> and range &&  | true  | @Exclusion(elements = {@Exclusion.Element(column = "ref", operator = "<>"), @Exclusion.Element(column = "during", operator = "&&")}) | UUID ref, @Column(type = "tstzrange") String during
            exclusion on a range only         | false | @Exclusion(elements = @Exclusion.Element(column = "during", operator = "&&"))                       | @Column(type = "tstzrange") String during
            exclusion with = on int           | true  | @Exclusion(elements = {@Exclusion.Element(column = "room", operator = "="), @Exclusion.Element(expression = "tstzrange(a, b)", operator = "&&")}) | int room, Instant a, Instant b
            """)
    void btreeGistFollowsTheKeyTypes(String what, boolean needed, String annotations, String components) {
        DatabaseSchema schema = compile(annotations, components);
        assertThat(schema.extensions().contains("btree_gist")).as(what).isEqualTo(needed);
    }

    @Test
    void draftWithGistOnScalarsRunsOnAFreshDatabase(TestDatabase db) throws Exception {
        Compilation compilation = Harness.withoutDaos(migrations).compile(T1, Sources.of("Slot", """
                @Table(name = "slots")
                @Index(columns = {"owner_id", "label"}, using = IndexMethod.GIST)
                @Exclusion(elements = {@Exclusion.Element(column = "ref", operator = "<>"), @Exclusion.Element(column = "during", operator = "&&")})
                public record Slot(@Id long id, long ownerId, String label, UUID ref, @Column(type = "tstzrange") String during) {}
                """));
        assertThat(compilation).succeeded();
        Harness harness = new Harness(migrations);
        String file = harness.files().get(0);
        MigrationScript script = MigrationScript.parse(file, harness.read(file));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(DatabaseShape.hasExtension(c, "btree_gist")).isFalse();
            for (SqlStatement s : script.up().statements()) {
                st.execute(s.sql());
            }
            assertThat(DatabaseShape.hasExtension(c, "btree_gist")).isTrue();
        }
    }
}
