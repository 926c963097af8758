package dev.sleet.runtime.evolution;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The migration property on random schemas: for every generated pair A → B, Up turns A into B, Down
 * turns B back into A, and B created directly equals the migrated database (see {@link EvolutionCheck}).
 *
 * <p>CI runs a fixed seed with the number of tries from {@code jqwik.tries.default} in
 * {@code junit-platform.properties}. A longer run with other cases:
 * <pre>
 * mvn -o -pl runtime test -Dtest=SchemaEvolutionProperties -Djqwik.tries.default=2000 -Dsleet.evolution.salt=7
 * </pre>
 * ({@code sleet.evolution.salt} is mixed into every case's seed, so each salt explores different schemas.)
 * A failure is shrunk by jqwik (fewer tables, fewer edits, smaller seeds) and printed with the two schemas.
 */
class SchemaEvolutionProperties {
    private static final long SALT = Long.getLong("sleet.evolution.salt", 0L);
    private static TestDatabase db;

    /** One case: a seed for the schema and the edits, the table count of A and the list of edits. */
    record Scenario(long seed, int tables, List<Integer> edits) {
        GenSchema a() {
            return SchemaGenerator.generate(new Random(seed ^ SALT), tables);
        }

        GenSchema b() {
            return SchemaEditor.edit(a(), edits, new Random((seed ^ SALT) * 31 + 17));
        }
    }

    @BeforeContainer
    static void database() {
        db = PostgresServer.shared().createDatabase("evolution");
    }

    @AfterContainer
    static void dropDatabase() {
        db.close();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 1_000_000),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, SchemaEditor.Edit.values().length - 1).list().ofMinSize(1).ofMaxSize(6))
                .as(Scenario::new);
    }

    @Property(seed = "20250611", shrinking = ShrinkingMode.BOUNDED)
    void upDownAndDirectAgree(@ForAll("scenarios") Scenario scenario) throws Exception {
        DatabaseSchema a = scenario.a().toModel();
        DatabaseSchema b = scenario.b().toModel();
        try {
            new EvolutionCheck(db).check(a, b);
        } catch (AssertionError e) {
            throw new AssertionError(scenario + " (salt " + SALT + ")\nA: " + SnapshotJson.write(a) + "\nB: " + SnapshotJson.write(b)
                    + "\n" + e.getMessage(), e);
        }
    }
}
