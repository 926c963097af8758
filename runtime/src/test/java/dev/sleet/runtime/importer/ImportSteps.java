package dev.sleet.runtime.importer;

import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;

/** The steps the database-backed import tests take again and again, written once. */
final class ImportSteps {
    private ImportSteps() {
    }

    /** The plan for the tool's {@code folder}, written as Sleet migrations to {@code out}. */
    static ImportPlan planWritten(SourceFormat format, Path folder, Path out) {
        ImportPlan plan = MigrationImporter.plan(format, folder);
        plan.writeTo(out);
        return plan;
    }

    /** {@code plan} matched against the history table the tool keeps by default in {@code db}. */
    static HistoryImporter.HistoryMatch matchToolHistory(ImportPlan plan, TestDatabase db, SourceFormat format) {
        return HistoryImporter.match(plan, db.dataSource(), ToolHistoryTable.defaultFor(format));
    }

    /** A migrator of {@code db} over the migrations in {@code folder}. */
    static Migrator migrator(TestDatabase db, Path folder) {
        return Migrator.builder(db.dataSource()).source(MigrationSource.folder(folder)).build();
    }
}
