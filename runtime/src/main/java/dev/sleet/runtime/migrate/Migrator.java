package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Applies the migration files to a database, keeping a history table. Every operation that writes
 * ({@link #migrate}, {@link #rollback}, {@link #baseline}, {@link #repair}) holds a PostgreSQL
 * advisory lock for its duration, so concurrent migrators (app instances starting together) take
 * turns and each migration is applied exactly once. Results are records; nothing is printed.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder(dataSource).source(MigrationSource.defaultClasspath()).build();
 * MigrationReport report = migrator.migrate(MigrateOptions.defaults());
 * }</pre>
 */
public final class Migrator {
    private final DataSource dataSource;
    private final MigrationSource source;
    private final HistoryTable history;
    private final AdvisoryLock lock;
    private final MigrationListener listener;
    private String appliedBy;

    private Migrator(Builder b) {
        this.dataSource = Objects.requireNonNull(b.dataSource, "dataSource");
        this.source = Objects.requireNonNull(b.source, "source");
        this.history = b.history;
        this.lock = new AdvisoryLock(history);
        this.listener = b.listener;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    public HistoryTable historyTable() {
        return history;
    }

    public MigrationSource source() {
        return source;
    }

    /** The migration files, parsed; a malformed file fails here, before anything touches the database. */
    public List<MigrationScript> scripts() {
        return source.files().stream().map(MigrationFile::parse).toList();
    }

    private List<ResolvedMigration> resolve() {
        return source.files().stream().map(ResolvedMigration::new).toList();
    }

    /**
     * Applies pending migrations in name order.
     *
     * @throws MigrationRefusedException when files and history disagree (nothing applied)
     * @throws MigrationFailedException  when a statement fails (earlier migrations of the run stay applied)
     */
    public MigrationReport migrate(MigrateOptions options) {
        long started = System.nanoTime();
        List<ResolvedMigration> scripts = resolve();
        if (scripts.isEmpty()) {
            throw new MigrationRefusedException("no migration files (*.sql) in " + source.location()
                    + "; check the migrations location, or generate a first migration by compiling the annotated records");
        }
        return withLock((c, exists) -> {
            MigrationPlanner.Plan plan = MigrationPlanner.plan(scripts, history.read(c, exists, false), options, source.location());
            if (!plan.problems().isEmpty()) {
                throw new MigrationRefusedException(plan.problems());
            }
            // Parse everything that will run before running anything: a truncated file must not leave half a run behind.
            for (MigrationPlanner.Pending p : plan.toApply()) {
                p.migration().script();
            }
            List<AppliedMigration> applied = new ArrayList<>();
            if (!plan.toApply().isEmpty()) {
                if (!exists) {
                    history.create(c);
                }
                try (PreparedStatement upsert = c.prepareStatement(history.upsertSql())) {
                    int index = 0;
                    for (MigrationPlanner.Pending p : plan.toApply()) {
                        MigrationScript script = p.migration().script();
                        listener.starting(script.name(), ++index, plan.toApply().size());
                        AppliedMigration done = script.up().transactional() && p.resumeFrom() == 0
                                ? applyInTransaction(c, upsert, script)
                                : applyWithoutTransaction(c, upsert, script, p.resumeFrom());
                        applied.add(done);
                        listener.applied(done);
                    }
                }
            }
            return new MigrationReport(applied, plan.skippedDrafts(), plan.alreadyApplied(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Every migration known from files or history, in name order, with its state; takes no lock and writes nothing. */
    public List<MigrationStatus> status() {
        List<ResolvedMigration> scripts = resolve();
        try (Connection c = dataSource.getConnection()) {
            List<HistoryEntry> entries = history.read(c, history.exists(c), false);
            return MigrationPlanner.plan(scripts, entries, MigrateOptions.defaults(), source.location()).statuses();
        } catch (SQLException e) {
            throw new MigrationSourceException("cannot read the history table " + history.qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    /** The history rows, in order of application. */
    public List<HistoryEntry> history() {
        try (Connection c = dataSource.getConnection()) {
            return history.read(c, history.exists(c));
        } catch (SQLException e) {
            throw new MigrationSourceException("cannot read the history table " + history.qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Undoes the {@code count} most recently applied migrations, newest first, through the Down
     * sections recorded when they were applied (so an edited file does not change what is undone).
     */
    public RollbackReport rollback(int count) {
        if (count < 1) {
            throw new MigrationRefusedException("rollback needs a count of at least 1, not " + count);
        }
        return withLock((c, exists) -> {
            List<HistoryEntry> entries = new ArrayList<>(history.read(c, exists));
            entries.sort(Comparator.comparingLong(HistoryEntry::rank).reversed());
            if (entries.size() < count) {
                throw new MigrationRefusedException("cannot roll back " + count + " migration(s): only " + entries.size()
                        + " are recorded in " + history.qualifiedName());
            }
            List<HistoryEntry> targets = entries.subList(0, count);
            List<String> problems = new ArrayList<>();
            for (HistoryEntry e : targets) {
                if (!e.success()) {
                    problems.add(e.name() + " failed half-way; finish it with migrate or forget it with repair before rolling back");
                } else if (e.kind() == HistoryEntry.Kind.BASELINE) {
                    problems.add(e.name() + " was marked applied by baseline; its statements never ran here, so rollback will not undo them");
                } else if (e.downSql().isBlank()) {
                    problems.add(e.name() + " has no Down section; undo it by hand with a new migration");
                }
            }
            if (!problems.isEmpty()) {
                throw new MigrationRefusedException(problems);
            }
            List<RollbackReport.RolledBack> done = new ArrayList<>();
            for (HistoryEntry e : targets) {
                done.add(undo(c, e));
            }
            return new RollbackReport(done);
        });
    }

    /**
     * Records every migration up to and including {@code upTo} (null: the newest non-draft one) as
     * applied without running it, for a database that already has that schema. Refused when the
     * history is not empty.
     *
     * @return the names recorded
     */
    public List<String> baseline(String upTo) {
        List<MigrationScript> scripts = scripts();
        return withLock((c, exists) -> {
            List<HistoryEntry> entries = history.read(c, exists);
            if (!entries.isEmpty()) {
                throw new MigrationRefusedException("cannot baseline: " + history.qualifiedName() + " already records " + entries.size()
                        + " migration(s) (newest " + entries.get(entries.size() - 1).name() + "); baseline is for a database that has "
                        + "the schema but no history");
            }
            String target = upTo == null ? null : MigrationPlanner.stripSql(upTo);
            if (target == null) {
                target = scripts.stream().filter(s -> !s.draft()).map(MigrationScript::name).reduce((a, b) -> b)
                        .orElseThrow(() -> new MigrationRefusedException("cannot baseline: no released migration in " + source.location()));
            } else if (scripts.stream().noneMatch(s -> s.name().equals(upTo == null ? "" : MigrationPlanner.stripSql(upTo)))) {
                throw new MigrationRefusedException("cannot baseline up to " + upTo + ": no such migration in " + source.location());
            }
            history.create(c);
            List<String> recorded = new ArrayList<>();
            String last = target;
            inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(history.upsertSql())) {
                    for (MigrationScript s : scripts) {
                        if (s.name().compareTo(last) > 0) {
                            break;
                        }
                        if (s.draft() && !s.name().equals(last)) {
                            continue;
                        }
                        history.bindUpsert(ps, s.name(), s.checksum(), 0, appliedBy(), true, 0, s.down().text(), s.down().transactional(),
                                HistoryEntry.Kind.BASELINE);
                        ps.addBatch();
                        recorded.add(s.name());
                    }
                    ps.executeBatch();
                }
            });
            return recorded;
        });
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
        Map<String, AdoptedMigration> byName = migrations.stream()
                .collect(Collectors.toMap(AdoptedMigration::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return withLock((c, exists) -> {
            List<String> problems = new ArrayList<>();
            Set<String> present = new HashSet<>();
            for (HistoryEntry e : history.read(c, exists, false)) {
                AdoptedMigration m = byName.get(e.name());
                if (m == null) {
                    problems.add(history.qualifiedName() + " already records " + e.name() + ", which is not among the migrations to adopt; "
                            + "adopt into a database whose Sleet history is empty");
                } else if (!e.success() || !e.checksum().equals(m.checksum())) {
                    problems.add(history.qualifiedName() + " already records " + e.name() + (e.success() ? " with another checksum" : " as failed")
                            + "; remove that row (sleet repair) or restore the file as it was applied");
                } else {
                    present.add(e.name());
                }
            }
            if (!problems.isEmpty()) {
                throw new MigrationRefusedException(problems);
            }
            List<String> recorded = new ArrayList<>();
            if (present.size() == byName.size()) {
                return recorded;
            }
            inTransaction(c, () -> {
                history.create(c);
                try (PreparedStatement ps = c.prepareStatement(history.adoptSql())) {
                    for (AdoptedMigration m : byName.values()) {
                        if (!present.contains(m.name())) {
                            history.bindAdopt(ps, m);
                            ps.addBatch();
                            recorded.add(m.name());
                        }
                    }
                    ps.executeBatch();
                }
            });
            return recorded;
        });
    }

    /** What {@link #repair(RepairPlan)} would change; reads only. */
    public RepairPlan planRepair() {
        List<MigrationScript> scripts = scripts();
        List<HistoryEntry> entries = history();
        return planRepair(scripts, entries);
    }

    private static RepairPlan planRepair(List<MigrationScript> scripts, List<HistoryEntry> entries) {
        Map<String, MigrationScript> files = scripts.stream().collect(Collectors.toMap(MigrationScript::name, Function.identity()));
        List<String> failed = new ArrayList<>();
        List<RepairPlan.Realignment> realign = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (HistoryEntry e : entries) {
            MigrationScript file = files.get(e.name());
            if (!e.success()) {
                failed.add(e.name());
            } else if (file == null) {
                missing.add(e.name());
            } else if (!file.checksum().equals(e.checksum())) {
                realign.add(new RepairPlan.Realignment(e.name(), e.checksum(), file.checksum()));
            }
        }
        return new RepairPlan(failed, realign, missing);
    }

    /**
     * Carries out a plan from {@link #planRepair()} after the operator confirmed it. Only changes
     * that still hold are made (a row that changed meanwhile is left alone).
     *
     * @return the changes made
     */
    public RepairPlan repair(RepairPlan confirmed) {
        List<MigrationScript> scripts = scripts();
        Map<String, MigrationScript> files = scripts.stream().collect(Collectors.toMap(MigrationScript::name, Function.identity()));
        return withLock((c, exists) -> {
            if (!exists) {
                return new RepairPlan(List.of(), List.of(), List.of());
            }
            RepairPlan current = planRepair(scripts, history.read(c, true));
            List<String> failed = current.removeFailed().stream().filter(confirmed.removeFailed()::contains).toList();
            List<RepairPlan.Realignment> realign = current.realign().stream().filter(confirmed.realign()::contains).toList();
            List<String> missing = current.forgetMissing().stream().filter(confirmed.forgetMissing()::contains).toList();
            inTransaction(c, () -> {
                try (PreparedStatement deleteFailed = c.prepareStatement(history.deleteFailedSql());
                     PreparedStatement delete = c.prepareStatement(history.deleteSql());
                     PreparedStatement update = c.prepareStatement(history.realignSql())) {
                    for (String name : failed) {
                        deleteFailed.setString(1, name);
                        deleteFailed.executeUpdate();
                    }
                    for (String name : missing) {
                        delete.setString(1, name);
                        delete.executeUpdate();
                    }
                    for (RepairPlan.Realignment r : realign) {
                        MigrationScript file = files.get(r.name());
                        update.setString(1, file.checksum());
                        update.setString(2, file.down().text());
                        update.setBoolean(3, file.down().transactional());
                        update.setString(4, r.name());
                        update.setString(5, r.recordedChecksum());
                        update.executeUpdate();
                    }
                }
            });
            return new RepairPlan(failed, realign, missing);
        });
    }

    private AppliedMigration applyInTransaction(Connection c, PreparedStatement upsert, MigrationScript script) throws SQLException {
        long t0 = System.nanoTime();
        MigrationSection up = script.up();
        c.setAutoCommit(false);
        try {
            SectionRunner.runBatched(c, up.statements());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            history.bindUpsert(upsert, script.name(), script.checksum(), ms, appliedBy(), true, up.statements().size(),
                    script.down().text(), script.down().transactional(), HistoryEntry.Kind.MIGRATION);
            upsert.executeUpdate();
            c.commit();
            return new AppliedMigration(script.name(), ms, up.statements().size(), true, 0);
        } catch (SectionRunner.StatementFailure f) {
            c.rollback();
            throw SectionRunner.failure(script.fileName(), "Up", up, f, true, 0);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Statements run one by one in autocommit. The history row is written first as failed and
     * advanced after every statement, so a crash or an error leaves an exact record of how far it got.
     */
    private AppliedMigration applyWithoutTransaction(Connection c, PreparedStatement upsert, MigrationScript script, int resumeFrom)
            throws SQLException {
        long t0 = System.nanoTime();
        MigrationSection up = script.up();
        history.bindUpsert(upsert, script.name(), script.checksum(), 0, appliedBy(), false, resumeFrom, script.down().text(),
                script.down().transactional(), HistoryEntry.Kind.MIGRATION);
        upsert.executeUpdate();
        try (Statement s = c.createStatement(); PreparedStatement progress = c.prepareStatement(history.progressSql())) {
            s.setEscapeProcessing(false);
            for (int i = resumeFrom; i < up.statements().size(); i++) {
                try {
                    SectionRunner.runOne(s, up.statements(), i);
                } catch (SectionRunner.StatementFailure f) {
                    throw SectionRunner.failure(script.fileName(), "Up", up, f, false, i);
                }
                progress.setInt(1, i + 1);
                progress.setLong(2, (System.nanoTime() - t0) / 1_000_000);
                progress.setString(3, script.name());
                progress.executeUpdate();
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        history.bindUpsert(upsert, script.name(), script.checksum(), ms, appliedBy(), true, up.statements().size(), script.down().text(),
                script.down().transactional(), HistoryEntry.Kind.MIGRATION);
        upsert.executeUpdate();
        return new AppliedMigration(script.name(), ms, up.statements().size(), false, resumeFrom);
    }

    private RollbackReport.RolledBack undo(Connection c, HistoryEntry e) throws SQLException {
        long t0 = System.nanoTime();
        String fileName = e.name() + ".sql";
        MigrationSection down = MigrationSection.parse(fileName + " (Down section as recorded when applied)", e.downSql(), 1,
                !e.downTransactional());
        try (PreparedStatement delete = c.prepareStatement(history.deleteSql())) {
            delete.setString(1, e.name());
            if (down.transactional()) {
                c.setAutoCommit(false);
                try {
                    SectionRunner.runBatched(c, down.statements());
                    delete.executeUpdate();
                    c.commit();
                } catch (SectionRunner.StatementFailure f) {
                    c.rollback();
                    throw SectionRunner.failure(fileName, "Down", down, f, true, 0);
                } catch (SQLException | RuntimeException ex) {
                    c.rollback();
                    throw ex;
                } finally {
                    c.setAutoCommit(true);
                }
            } else {
                try (Statement s = c.createStatement()) {
                    s.setEscapeProcessing(false);
                    for (int i = 0; i < down.statements().size(); i++) {
                        try {
                            SectionRunner.runOne(s, down.statements(), i);
                        } catch (SectionRunner.StatementFailure f) {
                            throw SectionRunner.failure(fileName, "Down", down, f, false, i);
                        }
                    }
                }
                delete.executeUpdate();
            }
        }
        return new RollbackReport.RolledBack(e.name(), (System.nanoTime() - t0) / 1_000_000, down.statements().size());
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection c, boolean historyExists) throws SQLException;
    }

    private <T> T withLock(LockedWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            boolean exists = lock.acquireAndCheck(c, history);
            try {
                return work.run(c, exists);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                lock.release(c);
            }
        } catch (SQLException e) {
            throw new MigrationSourceException("database error while working on " + history.qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    /** Host and process of this migrator, recorded with the database user in the history. */
    private String appliedBy() {
        if (appliedBy == null) {
            String host = System.getenv("HOSTNAME");
            if (host == null || host.isBlank()) {
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (Exception e) {
                    host = "unknown-host";
                }
            }
            appliedBy = host + "/pid " + ProcessHandle.current().pid();
        }
        return appliedBy;
    }

    /** Configures a {@link Migrator}. */
    public static final class Builder {
        private final DataSource dataSource;
        private MigrationSource source = MigrationSource.defaultClasspath();
        private HistoryTable history = HistoryTable.defaults();
        private MigrationListener listener = MigrationListener.NONE;

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

        public Migrator build() {
            return new Migrator(this);
        }
    }

    /** JDBC work that may throw like JDBC does. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction on {@code c}: all of it or, on failure, none of it. */
    private static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

}
