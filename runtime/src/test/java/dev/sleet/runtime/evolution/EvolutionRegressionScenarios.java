package dev.sleet.runtime.evolution;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every pair of schemas the evolution property or the soak ever failed on, run again on each build through the
 * whole Up/Down/direct property, in the plain and in the safe form of the draft. The pairs are kept as snapshots ({@code evolution-regressions/<what>.a.json} and
 * {@code .b.json} in the test resources), not as generator seeds, so widening the generators never silently
 * changes what a regression case checks. A failure of {@link SchemaEvolutionProperties} or {@link EvolutionSoak}
 * prints both snapshots (the soak also writes them to {@code target/evolution-failures/}); save them here under a
 * name that says what broke, next to the fix. The folder's README lists what each case broke.
 */
@ExtendWith(PostgresExtension.class)
class EvolutionRegressionScenarios {

    @TestFactory
    Stream<DynamicTest> everyRecordedPairPasses(TestDatabase db) throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getResource("/evolution-regressions/README.md")).toURI()).getParent();
        List<Path> firsts;
        try (Stream<Path> files = Files.list(dir)) {
            firsts = files.filter(p -> p.getFileName().toString().endsWith(".a.json")).sorted().toList();
        }
        if (firsts.isEmpty()) {
            throw new AssertionError("no regression pairs found in " + dir);
        }
        EvolutionCheck check = new EvolutionCheck(db);
        return firsts.stream().map(aFile -> {
            String name = aFile.getFileName().toString().replace(".a.json", "");
            return DynamicTest.dynamicTest(name, () -> {
                DatabaseSchema a = SnapshotJson.read(read(aFile));
                DatabaseSchema b = SnapshotJson.read(read(aFile.resolveSibling(name + ".b.json")));
                check.check(a, b);
                check.checkSafe(a, b);
            });
        });
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
