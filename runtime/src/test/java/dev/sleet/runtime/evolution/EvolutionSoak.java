package dev.sleet.runtime.evolution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The long run of the model-level evolution property (the soak; see {@code benchmarks/soak.sh}): many
 * scenarios from a fresh seed, every failure recorded and the run continued, so one run lists every
 * class of failure it meets instead of stopping at the first. Runs only when {@code sleet.soak.evolutions}
 * is set:
 * <pre>
 * mvn -B -pl runtime -am test -Dtest=EvolutionSoak -Dsurefire.failIfNoSpecifiedTests=false -Dsleet.soak.evolutions=10000 [-Dsleet.soak.seed=N]
 * </pre>
 * It fails at the end when any scenario failed, after printing each failure class once with its first scenario;
 * every failing pair is written to {@code target/evolution-failures/} as two snapshots, ready to be kept in
 * {@link EvolutionRegressionScenarios}.
 */
class EvolutionSoak {
    private static final int COUNT = Integer.getInteger("sleet.soak.evolutions", 0);

    @Test
    void soak() throws Exception {
        assumeTrue(COUNT > 0, "set -Dsleet.soak.evolutions=N to run the soak");
        long seed = Long.getLong("sleet.soak.seed", new Random().nextLong());
        Random random = new Random(seed);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int failed = 0;
        long start = System.nanoTime();
        try (TestDatabase db = PostgresServer.shared().createDatabase("soak")) {
            EvolutionCheck check = new EvolutionCheck(db);
            for (int i = 0; i < COUNT; i++) {
                EvolutionScenario scenario = EvolutionScenario.random(random, 5);
                DatabaseSchema a = scenario.a().toModel();
                DatabaseSchema b = scenario.b().toModel();
                try {
                    check.check(a, b);
                } catch (AssertionError | RuntimeException e) {
                    failed++;
                    String message = String.valueOf(e.getMessage());
                    Path out = Files.createDirectories(Path.of("target", "evolution-failures"));
                    Files.writeString(out.resolve("failure-" + failed + ".a.json"), SnapshotJson.write(a));
                    Files.writeString(out.resolve("failure-" + failed + ".b.json"), SnapshotJson.write(b));
                    failures.computeIfAbsent(failureClass(message), k -> new ArrayList<>())
                            .add(scenario.asJava() + "\n" + message + "\nA: " + SnapshotJson.write(a) + "\nB: " + SnapshotJson.write(b));
                }
                if ((i + 1) % 500 == 0) {
                    System.out.printf("soak: %d/%d evolutions, %d failed, %.0f s%n", i + 1, COUNT, failed, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("soak: seed %d, %d evolutions, %d failed, %d failure classes, %.0f s%n", seed, COUNT, failed, failures.size(), seconds);
        StringBuilder report = new StringBuilder();
        failures.forEach((k, v) -> report.append("\n=== ").append(v.size()).append(" x ").append(k).append("\nfirst: ").append(v.get(0)).append('\n'));
        if (failed > 0) {
            System.out.println(report);
            throw new AssertionError("soak (seed " + seed + "): " + failed + " of " + COUNT + " evolutions failed in "
                    + failures.size() + " classes" + report);
        }
    }

    /** The failing step and the database's message with names and numbers blurred, so one defect counts once. */
    static String failureClass(String message) {
        List<String> lines = message.lines().toList();
        String step = lines.isEmpty() ? "" : lines.get(0).replaceAll(":.*", "");
        String detail = lines.stream().filter(l -> l.trim().startsWith("ERROR:")).findFirst()
                .orElse(lines.size() > 1 ? lines.get(1) : "");
        String blurred = (step + " | " + detail.trim()).replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "N");
        return blurred.length() > 160 ? blurred.substring(0, 160) : blurred;
    }
}
