package dev.sleet.runtime.evolution;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
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
 * <p>Every run draws a fresh jqwik seed; the number of tries comes from {@code jqwik.tries.default} in
 * {@code junit-platform.properties}. A failure is shrunk (fewer tables, fewer edits, smaller seeds) and
 * reported with the shrunk scenario and the two schemas as snapshots: saved as
 * {@code evolution-regressions/<what>.a.json} and {@code .b.json}, they become a fixed case of
 * {@link EvolutionRegressionScenarios} next to the fix. jqwik's report also prints {@code seed = N};
 * {@code @Property(seed = "N")} here replays the whole run, and jqwik replays a failed sample first on the next
 * run of the same checkout ({@code target/jqwik-database}).
 * More tries: {@code -Djqwik.tries.default=300}; {@code -Dsleet.evolution.salt=N} is mixed into every case's seed
 * (the findings of issue 18 name a salt). The long run is {@link EvolutionSoak}.
 */
class SchemaEvolutionProperties {
    private static final long SALT = Long.getLong("sleet.evolution.salt", 0L);
    private static TestDatabase db;

    @BeforeContainer
    static void database() {
        db = PostgresServer.shared().createDatabase("evolution");
    }

    @AfterContainer
    static void dropDatabase() {
        db.close();
    }

    @Provide
    Arbitrary<EvolutionScenario> scenarios() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 1_000_000),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, SchemaEditor.Edit.values().length - 1).list().ofMinSize(1).ofMaxSize(6))
                .as((seed, tables, edits) -> new EvolutionScenario(SALT, seed, tables, edits));
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void upDownAndDirectAgree(@ForAll("scenarios") EvolutionScenario scenario) throws Exception {
        checkScenario(scenario, "", EvolutionCheck::check);
    }

    /**
     * The same property for safe drafts (the processor's default form): the locked step, then the online
     * step, each leaving the state its meta file records; Downs in reverse; migrated equals direct. Fewer
     * tries than the plain property, since each case runs twice the steps; the same fresh seed rule.
     */
    @Property(shrinking = ShrinkingMode.BOUNDED, tries = 40)
    void safeDraftsUpDownAndDirectAgree(@ForAll("scenarios") EvolutionScenario scenario) throws Exception {
        checkScenario(scenario, "(safe drafts) ", EvolutionCheck::checkSafe);
    }

    /** One of {@link EvolutionCheck}'s checks from schema A to schema B. */
    @FunctionalInterface
    private interface Check {
        void run(EvolutionCheck check, DatabaseSchema a, DatabaseSchema b) throws Exception;
    }

    /** Runs {@code check} on the scenario's two schemas; a failure reports the scenario as Java and both schemas as snapshots. */
    private static void checkScenario(EvolutionScenario scenario, String label, Check check) throws Exception {
        DatabaseSchema a = scenario.a().toModel();
        DatabaseSchema b = scenario.b().toModel();
        try {
            check.run(new EvolutionCheck(db), a, b);
        } catch (AssertionError e) {
            throw new AssertionError(label + scenario.asJava() + "\nA: " + SnapshotJson.write(a) + "\nB: " + SnapshotJson.write(b)
                    + "\n" + e.getMessage(), e);
        }
    }
}
