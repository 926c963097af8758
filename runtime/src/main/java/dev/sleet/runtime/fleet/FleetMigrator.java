package dev.sleet.runtime.fleet;

import dev.sleet.runtime.migrate.MigrationListener;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.MigrationSourceException;
import dev.sleet.schema.model.DatabaseSchema;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Migrates many databases (or schemas) with one set of migrations: bounded parallelism, a ledger
 * so a re-run finishes what an earlier one left, a canary then waves, a failure policy. Each
 * target is migrated by Sleet's own {@link dev.sleet.runtime.migrate.Migrator} under its own
 * advisory lock and history; the fleet adds no coordination of its own beyond the ledger.
 *
 * <pre>{@code
 * FleetReport report = FleetMigrator.builder(MigrationSource.defaultClasspath())
 *         .targets(FleetTargets.fromQuery(controlDb, "SELECT url FROM tenants"))
 *         .ledger(FleetLedger.table(controlDb, "sleet", "fleet_ledger", "release-42"))
 *         .options(FleetOptions.defaults().withParallel(8, 2).withCanary(5))
 *         .build()
 *         .migrate();
 * }</pre>
 */
public final class FleetMigrator {
    private final MigrationSource source;
    private final List<FleetTarget> targets;
    private final FleetLedger ledger;
    private final FleetOptions options;
    private final FleetListener listener;
    private final TargetConnector connector;

    private FleetMigrator(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.targets = FleetTargets.of(b.targets);
        this.ledger = b.ledger;
        this.options = b.options;
        this.listener = b.listener;
        this.connector = new TargetConnector(b.user, b.password, b.options.connectTimeout());
    }

    public static Builder builder(MigrationSource source) {
        return new Builder(source);
    }

    public List<FleetTarget> targets() {
        return targets;
    }

    /** The migration every target should end at: the option's target, else the newest file (drafts only when included). */
    public String destination() {
        return destination(source);
    }

    private String destination(MigrationSource source) {
        if (options.migrate().target() != null) {
            String t = options.migrate().target();
            return t.endsWith(".sql") ? t.substring(0, t.length() - 4) : t;
        }
        String newest = null;
        for (var file : source.files()) {
            if (options.migrate().includeDrafts() || !file.draft()) {
                newest = file.name();
            }
        }
        if (newest == null) {
            throw new MigrationSourceException("no migration files (*.sql) in " + source.location()
                    + "; check the migrations location before migrating a fleet");
        }
        return newest;
    }

    /**
     * Migrates every target not yet at the destination according to the ledger. Never throws for a
     * target's failure: each is in the report (and the ledger).
     */
    public FleetReport migrate() {
        long t0 = System.nanoTime();
        MigrationSource files = MigrationSource.readOnce(source);
        String destination = destination(files);
        Map<String, LedgerEntry> previous = ledger.load();
        Map<String, LedgerEntry> results = new ConcurrentHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<FleetTarget> todo = new ArrayList<>();
        for (FleetTarget t : targets) {
            LedgerEntry before = previous.get(t.id());
            if (before != null && before.state() == TargetState.SUCCEEDED && destination.equals(before.to())) {
                skipped.add(t.id());
                results.put(t.id(), before);
            } else {
                todo.add(t);
            }
        }
        TargetRun run = new TargetRun(files, options, connector);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int total = todo.size();
        boolean halted = false;
        try (BoundedRunner runner = new BoundedRunner(options.parallel(), options.perHost())) {
            List<List<FleetTarget>> waves = waves(todo, options.canary());
            for (int w = 0; w < waves.size(); w++) {
                List<FleetTarget> wave = waves.get(w);
                List<FleetTarget> notStarted;
                if (options.onFailure().halts(failed.get(), total)) {
                    notStarted = wave;
                } else {
                    listener.waveStarting(w + 1, wave.size());
                    notStarted = runner.run(wave, target -> {
                        LedgerEntry before = previous.get(target.id());
                        int attemptsBefore = before == null ? 0 : before.attempts();
                        Instant startedAt = TargetRun.now();
                        LedgerEntry entry;
                        try {
                            entry = run.run(target, attemptsBefore, startedAt, (attempt, overall) -> {
                                ledger.record(new LedgerEntry(target.id(), TargetState.RUNNING, null, null, 0, overall, null, null,
                                        startedAt, null, 0));
                                listener.targetStarting(target, attempt);
                            });
                            ledger.record(entry);
                        } catch (RuntimeException e) {
                            // The ledger (or a listener) failed, not the target: report it on the target rather than lose it.
                            entry = new LedgerEntry(target.id(), TargetState.FAILED, null, null, 0, attemptsBefore + 1, FailureKind.ERROR,
                                    e.getMessage() == null ? e.toString() : e.getMessage(), startedAt, TargetRun.now(), 0);
                        }
                        results.put(target.id(), entry);
                        if (entry.state() == TargetState.FAILED) {
                            failed.incrementAndGet();
                        }
                        synchronized (done) { // so that listeners see 1/n, 2/n, … in order
                            listener.targetFinished(target, entry, done.incrementAndGet(), total);
                        }
                    }, () -> options.onFailure().halts(failed.get(), total));
                }
                for (FleetTarget t : notStarted) {
                    LedgerEntry before = previous.get(t.id());
                    LedgerEntry entry = LedgerEntry.notStarted(t, before == null ? 0 : before.attempts());
                    ledger.record(entry);
                    results.put(t.id(), entry);
                    halted = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while migrating the fleet; the ledger " + ledger.location()
                    + " shows how far it got, and a re-run finishes the job", e);
        } finally {
            ledger.release();
        }
        List<LedgerEntry> ordered = targets.stream().map(t -> results.get(t.id())).toList();
        return new FleetReport(destination, ordered, skipped, halted, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The canary wave, then waves doubling in size, so a bad release is caught while it touched few targets. */
    static List<List<FleetTarget>> waves(List<FleetTarget> todo, int canary) {
        List<List<FleetTarget>> waves = new ArrayList<>();
        if (canary <= 0 || canary >= todo.size()) {
            if (!todo.isEmpty()) {
                waves.add(todo);
            }
            return waves;
        }
        int from = 0;
        int size = canary;
        while (from < todo.size()) {
            int to = Math.min(todo.size(), from + size);
            waves.add(todo.subList(from, to));
            from = to;
            size *= 2;
        }
        return waves;
    }

    /** What {@link #migrate()} would apply on each target; reads only (no lock, no ledger). */
    public List<TargetPlan> plan() {
        return forEachStatus((target, c, statuses, destination) -> {
            List<String> pending = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (MigrationStatus s : statuses) {
                if (s.detail() != null && s.state() != MigrationState.FAILED
                        && !(s.state() == MigrationState.OUT_OF_ORDER && options.migrate().allowOutOfOrder())) {
                    problems.add(s.detail());
                }
                if (isPending(s, destination)) {
                    pending.add(s.name());
                }
            }
            return new TargetPlan(target, TargetRun.newestApplied(statuses), pending, problems, null);
        }, (target, error) -> new TargetPlan(target, null, List.of(), List.of(), error));
    }

    /** Each target's position: how far behind, what is wrong; no drift check. */
    public List<TargetStatus> status() {
        return status(null);
    }

    /** Each target's position, plus its drift from {@code snapshot} (database targets only; null: no drift check). */
    public List<TargetStatus> status(DatabaseSchema snapshot) {
        return forEachStatus((target, c, statuses, destination) -> {
            int behind = 0;
            List<String> problems = new ArrayList<>();
            for (MigrationStatus s : statuses) {
                if (isPending(s, destination)) {
                    behind++;
                }
                if (s.detail() != null) {
                    problems.add(s.detail());
                }
            }
            List<String> drift = snapshot == null || target.schema() != null ? null
                    : SchemaDrift.of(c, snapshot, TargetRun.historyOf(target, options).schema());
            return new TargetStatus(target, TargetRun.newestApplied(statuses), behind, problems, drift, null);
        }, (target, error) -> new TargetStatus(target, null, 0, List.of(), null, error));
    }

    /** Every database target compared with {@code snapshot}. */
    public List<TargetDrift> verify(DatabaseSchema snapshot) {
        return forEach(target -> {
            if (target.schema() != null) {
                return new TargetDrift(target, List.of(), "schema targets are not verified: the snapshot describes whole databases");
            }
            try (Connection c = connector.open(target)) {
                return new TargetDrift(target, SchemaDrift.of(c, snapshot, options.historySchema()), null);
            } catch (Exception e) {
                return new TargetDrift(target, List.of(), errorOf(e));
            }
        });
    }

    /** Turns one target's migration statuses, read in session {@code c}, into a result. */
    @FunctionalInterface
    private interface StatusReading<R> {
        R read(FleetTarget target, Connection c, List<MigrationStatus> statuses, String destination) throws Exception;
    }

    /**
     * Reads every target's migration statuses (read-only: no lock, no ledger) and hands them to
     * {@code reading}; a target that cannot be read gets {@code failed}'s result with the error's text.
     */
    private <R> List<R> forEachStatus(StatusReading<R> reading, BiFunction<FleetTarget, String, R> failed) {
        MigrationSource files = MigrationSource.readOnce(source);
        TargetRun run = new TargetRun(files, options, connector);
        String destination = destination(files);
        return forEach(target -> {
            try (Connection c = connector.open(target)) {
                List<MigrationStatus> statuses = run.migrator(target, c, MigrationListener.NONE).status();
                return reading.read(target, c, statuses, destination);
            } catch (Exception e) {
                return failed.apply(target, errorOf(e));
            }
        });
    }

    private boolean isPending(MigrationStatus s, String destination) {
        return switch (s.state()) {
            case PENDING, FAILED -> true;
            case OUT_OF_ORDER -> options.migrate().allowOutOfOrder();
            case DRAFT -> options.migrate().includeDrafts();
            default -> false;
        } && (options.migrate().target() == null || s.name().compareTo(destination) <= 0);
    }

    private <R> List<R> forEach(Function<FleetTarget, R> work) {
        Map<String, R> results = new ConcurrentHashMap<>();
        try (BoundedRunner runner = new BoundedRunner(options.parallel(), options.perHost())) {
            runner.run(targets, t -> results.put(t.id(), work.apply(t)), () -> false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while reading the fleet", e);
        }
        Map<String, R> ordered = new LinkedHashMap<>();
        targets.forEach(t -> ordered.put(t.id(), results.get(t.id())));
        return List.copyOf(ordered.values());
    }

    private static String errorOf(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return TargetRun.classify(e) == FailureKind.UNREACHABLE ? "unreachable: " + text : text;
    }

    /** Configures a {@link FleetMigrator}. */
    public static final class Builder {
        private final MigrationSource source;
        private List<FleetTarget> targets = List.of();
        private FleetLedger ledger = FleetLedger.inMemory();
        private FleetOptions options = FleetOptions.defaults();
        private FleetListener listener = FleetListener.NONE;
        private String user;
        private String password;

        private Builder(MigrationSource source) {
            this.source = source;
        }

        public Builder targets(List<FleetTarget> targets) {
            this.targets = List.copyOf(targets);
            return this;
        }

        public Builder ledger(FleetLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        public Builder options(FleetOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder listener(FleetListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The login for targets whose URL carries none. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public FleetMigrator build() {
            return new FleetMigrator(this);
        }
    }
}
