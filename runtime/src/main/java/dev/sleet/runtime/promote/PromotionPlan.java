package dev.sleet.runtime.promote;

import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.model.QualifiedName;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a promotion writes, computed before anything is written.
 *
 * @param overlay          the overlay's owner name
 * @param tables           the promoted tables
 * @param types            the overlay's enum types that move with them (used by promoted tables, by no table that stays)
 * @param sources          source files to write (moved records in the shared module, rewritten imports elsewhere)
 * @param removed          overlay source files the moved records leave
 * @param sharedMigration  the shared module's migration that creates or adopts the tables
 * @param overlayMigration the overlay's migration that releases them
 */
public record PromotionPlan(String overlay, List<QualifiedName> tables, List<QualifiedName> types, List<SourceFile> sources, List<Path> removed,
                            NewMigration sharedMigration, NewMigration overlayMigration) {
    public PromotionPlan {
        tables = List.copyOf(tables);
        types = List.copyOf(types);
        sources = List.copyOf(sources);
        removed = List.copyOf(removed);
    }

    public record SourceFile(Path path, String content) {
    }

    /** A migration file and its meta, to go into {@code folder}. */
    public record NewMigration(Path folder, String name, String sql, MigrationMeta meta) {
    }
}
