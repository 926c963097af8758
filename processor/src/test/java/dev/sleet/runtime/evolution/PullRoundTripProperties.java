package dev.sleet.runtime.evolution;

import dev.sleet.processor.pull.PullRoundTrip;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.schema.sql.Naming;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The pull round trip ({@link PullRoundTrip}) on random schemas from the evolution properties' own generator
 * ({@link SchemaGenerator}: reserved words, mixed case, spaces, quotes and non-ASCII names, several schemas, enums,
 * every index method, partial and expression indexes, exclusions, composite keys, all referential actions).
 * It lives in the runtime's test package to reuse that generator (the processor's tests get the runtime's
 * test jar); it runs in the processor's tests because it needs the processor to compile the pulled records.
 *
 * <p>Primary keys get PostgreSQL's default name ({@code <table>_pkey}): records cannot name them otherwise, and a
 * key with another name is a leftover the review file renames, which {@code PullRoundTripTest} covers. Composite
 * foreign keys stay: they are leftovers, and the round trip still requires the fresh database to equal the pulled one.
 *
 * <p>Every run draws a fresh seed (jqwik prints it on failure, with the scenario); a failing scenario becomes an
 * {@code @Example} below with its seed and table count. Tries are few: each compiles a project and migrates a database.
 */
class PullRoundTripProperties {
    private static TestDatabase source;
    private static TestDatabase fresh;

    @BeforeContainer
    static void databases() {
        source = PostgresServer.shared().createDatabase("pull_prop_source");
        fresh = PostgresServer.shared().createDatabase("pull_prop_fresh");
    }

    @AfterContainer
    static void dropDatabases() {
        source.close();
        fresh.close();
    }

    record Scenario(long seed, int tables) {
        @Override
        public String toString() {
            return "Scenario(seed = " + seed + ", tables = " + tables + ")";
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.longs().between(0, 1_000_000), Arbitraries.integers().between(1, 5)).as(Scenario::new);
    }

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void pulledRecordsCompileBackToTheDatabase(@ForAll("scenarios") Scenario scenario) throws Exception {
        check(scenario);
    }

    @Example
    void regressionManyTablesAcrossSchemas() throws Exception {
        check(new Scenario(4242, 5));
    }

    @Example
    void regressionSeedOne() throws Exception {
        check(new Scenario(1, 4));
    }

    /** A column named "Ω" became component {@code c}, which the generated DAO's finders use for their connection. */
    @Example
    void regressionComponentNamedLikeADaoLocal() throws Exception {
        check(new Scenario(7385, 5));
    }

    /** A table whose only column is an always-generated identity key got a DAO that did not compile. */
    @Example
    void regressionKeyOnlyIdentityTable() throws Exception {
        check(new Scenario(18, 5));
    }

    private static void check(Scenario scenario) throws Exception {
        GenSchema generated = SchemaGenerator.generate(new Random(scenario.seed()), scenario.tables());
        generated.tables.forEach(t -> t.pkName = Naming.primaryKeyName(t.name));
        DatabaseSchema model = generated.toModel();
        new EvolutionCheck(fresh).reset();
        EvolutionCheck onSource = new EvolutionCheck(source);
        onSource.reset();
        onSource.apply("create the pulled database", SchemaDiffer.diff(DatabaseSchema.EMPTY, model));
        Path dir = Files.createTempDirectory("sleet-pull-property");
        try {
            PullRoundTrip.run(source, fresh, dir);
        } catch (AssertionError e) {
            throw new AssertionError(scenario + "\nschema: " + SnapshotJson.write(model) + "\n" + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
