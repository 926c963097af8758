package dev.sleet.runtime.fleet;

import dev.sleet.runtime.migrate.MigrationSource;
import java.nio.file.Path;

/** Run in a child JVM by {@link FleetFaultsTest}, which kills it mid-run; args: targetsFile migrationsDir ledgerFile. */
public final class FleetMain {
    public static void main(String[] args) {
        FleetReport report = FleetMigrator.builder(MigrationSource.folder(Path.of(args[1])))
                .targets(FleetTargets.fromFile(Path.of(args[0])))
                .ledger(FleetLedger.file(Path.of(args[2])))
                .options(FleetOptions.defaults().withParallel(2, 2))
                .build().migrate();
        System.out.println("finished ok=" + report.ok());
    }
}
