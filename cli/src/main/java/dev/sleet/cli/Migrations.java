package dev.sleet.cli;

import dev.sleet.runtime.migrate.MigrationListener;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.ProgressLines;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.migration.HistoryTableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Builds the runtime {@link Migrator} from the command's options, with progress on standard error. */
final class Migrations {
    private Migrations() {
    }

    /** A migrator for reading (status): it takes no lock. */
    static Migrator migrator(CommandContext context) {
        return migrator(context, null);
    }

    /** A migrator that waits at most {@code lockTimeout} for the migration lock (null: as long as it takes). */
    static Migrator migrator(CommandContext context, Duration lockTimeout) {
        return Migrator.builder(context.dataSource())
                .source(source(context))
                .historyTable(context.historySchema(), HistoryTableName.DEFAULT_TABLE)
                .listener(progress(context))
                .lockTimeout(lockTimeout)
                .build();
    }

    static MigrationSource source(CommandContext context) {
        return source(context, context.options().migrations);
    }

    /** A folder, or {@code classpath:<path>} read from --classpath. */
    static MigrationSource source(CommandContext context, String location) {
        if (location.startsWith(ClasspathLayout.CLASSPATH_PREFIX)) {
            // The classpath source reads through the thread's context loader: point it at --classpath.
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(context.classLoader());
            try {
                return MigrationSource.of(location);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        Path folder = Path.of(location);
        if (!Files.isDirectory(folder)) {
            throw CliException.usage("migrations folder " + folder.toAbsolutePath() + " does not exist; pass --migrations <folder> "
                    + "or --migrations " + ClasspathLayout.MIGRATIONS_LOCATION + " with --classpath <app jar>");
        }
        return MigrationSource.folder(folder);
    }

    /** The listener every migrator of the command reports progress to: runtime's progress lines, on standard error. */
    static MigrationListener progress(CommandContext context) {
        return ProgressLines.to(context.output()::progress);
    }
}
