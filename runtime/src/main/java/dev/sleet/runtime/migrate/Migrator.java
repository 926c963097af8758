package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Applies the migration files to a database, keeping a history table. Every operation that writes
 * ({@link #migrate}, {@link #rollback}, {@link #baseline}, {@link #repair}) holds a PostgreSQL
 * advisory lock for its duration, so concurrent migrators (app instances starting together) take
 * turns and each migration is applied exactly once. Results are records; nothing is printed.
 *
 * <p>This class is the front door; each command is its own small class ({@link MigrateOperation},
 * {@link RollbackOperation}, {@link BaselineOperation}, {@link RepairOperation},
 * {@link StatusOperation}, {@link AdoptOperation}) over one shared {@link MigratorContext}.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder(dataSource).source(MigrationSource.defaultClasspath())
 *         .lockTimeout(Duration.ofMinutes(2)).build();
 * MigrationReport report = migrator.migrate(MigrateOptions.defaults());
 * }</pre>
 *
 * <p>Failures: {@link MigrationRefusedException} (files and history disagree; nothing done),
 * {@link MigrationFailedException} (a migration's statement failed), {@link
 * MigrationLockTimeoutException} (another migrator held the lock too long), {@link
 * MigrationDatabaseException} (no connection, or the history could not be read or written),
 * {@link MigrationSourceException} (the files could not be read).
 */
public final class Migrator {
    private final MigratorContext context;

    private Migrator(Builder b) {
        this.context = new MigratorContext(Objects.requireNonNull(b.dataSource, "dataSource"), Objects.requireNonNull(b.source, "source"),
                b.history, b.listener, b.lockTimeout);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    public HistoryTable historyTable() {
        return context.history;
    }

    public MigrationSource source() {
        return context.source;
    }

    /** The migration files, parsed; a malformed file fails here, before anything touches the database. */
    public List<MigrationScript> scripts() {
        return context.scripts();
    }

    /**
     * Applies pending migrations in name order.
     *
     * @throws MigrationRefusedException when files and history disagree (nothing applied)
     * @throws MigrationFailedException  when a statement fails (earlier migrations of the run stay applied)
     */
    public MigrationReport migrate(MigrateOptions options) {
        return new MigrateOperation(context).run(options);
    }

    /**
     * What {@link #migrate(MigrateOptions)} with the same options would apply now, with the statements
     * it would run, without running them; takes no lock and writes nothing.
     *
     * @throws MigrationRefusedException when {@code migrate} would refuse (files and history disagree)
     */
    public List<PendingMigration> pending(MigrateOptions options) {
        return new PlanOperation(context).pending(options);
    }

    /** Every migration known from files or history, in name order, with its state; takes no lock and writes nothing. */
    public List<MigrationStatus> status() {
        return new StatusOperation(context).status();
    }

    /** The history rows, in order of application. */
    public List<HistoryEntry> history() {
        return new StatusOperation(context).history();
    }

    /**
     * Undoes the {@code count} most recently applied migrations, newest first, through the Down
     * sections recorded when they were applied (so an edited file does not change what is undone).
     */
    public RollbackReport rollback(int count) {
        return new RollbackOperation(context).run(count);
    }

    /**
     * The statements {@link #rollback(int)} of {@code count} would run, newest migration first, read from the
     * recorded Down sections, so a caller can judge them first (the CLI asks before any that lose data,
     * judged by {@code dev.sleet.runtime.rollback.RollbackLosses}, which reads them with schema-tools' {@code DataLoss}). Takes no lock and runs nothing.
     */
    public List<RecordedStatement> rollbackStatements(int count) {
        return new RollbackOperation(context).statements(count);
    }

    /**
     * Records every migration up to and including {@code upTo} (null: the newest non-draft one) as
     * applied without running it, for a database that already has that schema. Refused when the
     * history is not empty.
     *
     * @return the names recorded
     */
    public List<String> baseline(String upTo) {
        return new BaselineOperation(context).run(upTo);
    }

    /**
     * Records migrations that another tool applied to this database, with the times and authors
     * that tool recorded, so that {@code migrate} treats them as applied. All rows are written in
     * one transaction under the migration lock. Rows already recorded with the same checksum are
     * left alone (adopting again is harmless); anything else in the history (another migration, or
     * one of these with another checksum) refuses the whole adoption.
     *
     * @return the names recorded now
     * @throws MigrationRefusedException listing what in the history is in the way (nothing written)
     */
    public List<String> adopt(List<AdoptedMigration> migrations) {
        return new AdoptOperation(context).run(migrations);
    }

    /** What {@link #repair(RepairPlan)} would change; reads only. */
    public RepairPlan planRepair() {
        return new RepairOperation(context).plan();
    }

    /**
     * Carries out a plan from {@link #planRepair()} after the operator confirmed it. Only changes
     * that still hold are made (a row that changed meanwhile is left alone).
     *
     * @return the changes made
     */
    public RepairPlan repair(RepairPlan confirmed) {
        return new RepairOperation(context).run(confirmed);
    }

    /** Configures a {@link Migrator}. */
    public static final class Builder {
        private final DataSource dataSource;
        private MigrationSource source = MigrationSource.defaultClasspath();
        private HistoryTable history = HistoryTable.defaults();
        private MigrationListener listener = MigrationListener.NONE;
        private Duration lockTimeout;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        public Builder source(MigrationSource source) {
            this.source = source;
            return this;
        }

        /** {@code classpath:<path>} or a folder. */
        public Builder source(String location) {
            return source(MigrationSource.of(location));
        }

        public Builder historyTable(String schema, String table) {
            this.history = new HistoryTable(schema, table);
            return this;
        }

        public Builder listener(MigrationListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * How long a writing operation waits for the migration lock while another migrator holds it
         * before it gives up with a {@link MigrationLockTimeoutException}; null (the default) waits
         * as long as it takes. Zero tries once.
         */
        public Builder lockTimeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("lock timeout must not be negative: " + timeout);
            }
            this.lockTimeout = timeout;
            return this;
        }

        public Migrator build() {
            return new Migrator(this);
        }
    }
}
