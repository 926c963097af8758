package dev.sleet.runtime.owners;

import dev.sleet.runtime.migrate.HistoryEntry;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationListener;
import dev.sleet.runtime.migrate.MigrationRefusedException;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.RollbackReport;
import dev.sleet.runtime.verify.OwnedDrift;
import dev.sleet.runtime.verify.SchemaVerifier;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.SqlLexer;
import dev.sleet.schema.sql.StatementTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * One database, several owners (docs/OVERLAYS.md): the shared module and its overlays, each with
 * its own migrations and history table. Operations run owner by owner in dependency order (shared
 * first, then the overlays by name: a defined order however their timestamps interleave), and each
 * owner's migrations in name order, as a single {@link Migrator} does.
 *
 * <pre>{@code
 * Owners owners = Owners.builder(dataSource)
 *         .shared(MigrationSource.classpath("META-INF/sleet/migrations"))
 *         .overlay("team-d", MigrationSource.classpath("META-INF/sleet/overlays/team-d/migrations"))
 *         .build();
 * owners.migrate(MigrateOptions.defaults(), null);
 * }</pre>
 */
public final class Owners {
    private final DataSource dataSource;
    private final List<Owner> owners;
    private final String historySchema;

    private Owners(DataSource dataSource, List<Owner> owners, String historySchema) {
        this.dataSource = dataSource;
        this.owners = List.copyOf(owners);
        this.historySchema = historySchema;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** Every owner, in the order migrate applies them. */
    public List<Owner> owners() {
        return owners;
    }

    public Owner owner(String name) {
        return owners.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new MigrationRefusedException("no owner named " + name + "; the owners are "
                        + owners.stream().map(Owner::name).toList()));
    }

    /** Every owner but the shared one, in the order migrate applies them. */
    private List<Owner> overlays() {
        return owners.stream().filter(o -> !o.shared()).toList();
    }

    /** The owners an operation covers: {@code only} alone, or every owner when null. */
    private List<Owner> selected(String only) {
        return only == null ? owners : List.of(owner(only));
    }

    /**
     * Applies each selected owner's pending migrations, shared first. Before anything runs, every
     * pending overlay migration whose {@code -- sleet:requires shared} names a shared migration that
     * is neither applied nor applied by this run refuses the whole run, naming that migration.
     *
     * @param only one owner's name, or null for all
     * @return each owner's report, in the order applied
     */
    public Map<String, MigrationReport> migrate(MigrateOptions options, String only) {
        List<Owner> chosen = selected(only);
        checkClaims();
        checkRequirements(chosen, options);
        Map<String, MigrationReport> out = new LinkedHashMap<>();
        for (Owner owner : chosen) {
            out.put(owner.name(), owner.migrator().migrate(options));
        }
        return out;
    }

    /**
     * One table, one owner: two overlays whose migrations both create the same table refuse the run
     * before anything is applied, naming both (the compile-time check, SLEET-E051, sees only the
     * overlays on one module's class path). Every overlay is read, not only the chosen one, since the
     * conflict exists whichever runs first.
     */
    private void checkClaims() {
        Map<QualifiedName, String> creator = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Owner owner : overlays()) {
            for (MigrationFile file : owner.migrator().source().files()) {
                for (SqlStatement statement : MigrationScript.parse(file.name() + ".sql", file.content()).up().statements()) {
                    List<SqlLexer.Token> tokens = SqlLexer.significant(statement.sql());
                    if (tokens.isEmpty() || !tokens.get(0).text().equalsIgnoreCase("CREATE")) {
                        continue;
                    }
                    Optional<StatementTarget.Touch> touch = StatementTarget.touched(statement.sql()).filter(t -> !t.type());
                    if (touch.isEmpty()) {
                        continue;
                    }
                    String here = owner.name() + " (" + file.name() + ")";
                    String first = creator.putIfAbsent(touch.get().name(), here);
                    if (first != null && !first.startsWith(owner.name() + " (")) {
                        problems.add("table " + touch.get().name() + " is created by two overlays, " + first + " and " + here
                                + "; one table has one owner: rename one of them, or promote the table to the shared module"
                                + " (sleet promote) so both reference it");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationRefusedException(problems);
        }
    }

    private void checkRequirements(List<Owner> chosen, MigrateOptions options) {
        Optional<Owner> shared = owners.stream().filter(Owner::shared).findFirst();
        Set<String> available = new TreeSet<>();
        if (shared.isPresent()) {
            boolean sharedRuns = chosen.contains(shared.get());
            for (MigrationStatus s : shared.get().migrator().status()) {
                boolean applied = s.state() == MigrationState.APPLIED || s.state() == MigrationState.BASELINE;
                boolean appliedNow = sharedRuns && s.state() == MigrationState.PENDING && (!s.draft() || options.includeDrafts())
                        && (options.target() == null || s.name().compareTo(stripSql(options.target())) <= 0);
                if (applied || appliedNow) {
                    available.add(s.name());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Owner owner : chosen) {
            if (owner.shared()) {
                continue;
            }
            Map<String, String> requirements = owner.sharedRequirements();
            for (MigrationStatus s : owner.migrator().status()) {
                if (s.state() != MigrationState.PENDING || (s.draft() && !options.includeDrafts())
                        || (options.target() != null && s.name().compareTo(stripSql(options.target())) > 0)) {
                    continue; // not applied by this run
                }
                String needs = requirements.get(s.name());
                if (needs != null && !available.contains(needs)) {
                    problems.add(owner.name() + " migration " + s.name() + " needs shared migration " + needs
                            + ", which this database has not applied" + (shared.isEmpty() ? " (no shared owner is configured)" : "")
                            + "; migrate the shared owner to it first (its jar or folder must hold it), then " + owner.name());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationRefusedException(problems);
        }
    }

    /** Each selected owner's status, with its history table. */
    public List<OwnerStatus> status(String only) {
        List<OwnerStatus> out = new ArrayList<>();
        for (Owner owner : selected(only)) {
            out.add(new OwnerStatus(owner.name(), owner.history(), owner.migrator().status()));
        }
        return out;
    }

    /**
     * Undoes the {@code count} newest migrations of one owner, or, with {@code only} null, the
     * {@code count} most recently applied across all owners, newest first. A shared migration that
     * an applied overlay migration requires is refused until that overlay migration is rolled back.
     */
    public List<RollbackReport> rollback(int count, String only) {
        List<Owner> order = new ArrayList<>();
        if (only != null) {
            for (int i = 0; i < count; i++) {
                order.add(owner(only));
            }
        } else {
            record Applied(Owner owner, HistoryEntry entry) {
            }
            List<Applied> all = new ArrayList<>();
            for (Owner owner : owners) {
                owner.migrator().history().forEach(e -> all.add(new Applied(owner, e)));
            }
            // Newest first; at the same instant, overlays before shared (the reverse of the apply order).
            all.sort(Comparator.comparing((Applied a) -> a.entry().appliedAt()).reversed()
                    .thenComparing(a -> -owners.indexOf(a.owner())));
            if (all.size() < count) {
                throw new MigrationRefusedException("cannot roll back " + count + " migration(s): only " + all.size()
                        + " are recorded across the owners " + owners.stream().map(Owner::name).toList());
            }
            all.subList(0, count).forEach(a -> order.add(a.owner()));
        }
        List<RollbackReport> out = new ArrayList<>();
        for (Owner owner : order) {
            if (owner.shared()) {
                refuseWhileRequired(owner);
            }
            out.add(owner.migrator().rollback(1));
        }
        return out;
    }

    /** The newest applied shared migration may not go while an applied overlay migration requires it. */
    private void refuseWhileRequired(Owner shared) {
        List<HistoryEntry> history = shared.migrator().history();
        if (history.isEmpty()) {
            return;
        }
        String newest = history.stream().max(Comparator.comparingLong(HistoryEntry::rank)).orElseThrow().name();
        List<String> problems = new ArrayList<>();
        for (Owner overlay : overlays()) {
            Map<String, String> requirements = overlay.sharedRequirements();
            for (HistoryEntry applied : overlay.migrator().history()) {
                if (newest.equals(requirements.get(applied.name()))) {
                    problems.add("shared migration " + newest + " is required by " + overlay.name() + " migration " + applied.name()
                            + ", which is applied; roll back " + overlay.name() + " first");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationRefusedException(problems);
        }
    }

    /**
     * Empties one owner's tables ({@code reset --owner}): the tables its schema declares that this
     * database has, in one {@code TRUNCATE … RESTART IDENTITY}. Every history stays, as plain reset
     * keeps it. Refused, with nothing emptied, when another owner's table (or a table no owner
     * declares) has a foreign key to one of them, naming that table: emptying the owner's tables
     * would have to empty it too.
     *
     * @param schemas each owner's schema by owner name, as for {@link #verify}
     * @return the tables emptied
     */
    public List<QualifiedName> reset(String owner, Map<String, DatabaseSchema> schemas) throws SQLException {
        return OwnerReset.run(dataSource, owner(owner).name(), schemas);
    }

    /**
     * Drift against the union of the owners' schemas, each difference attributed to the owner whose
     * schema holds the object (null for an object no owner declares).
     *
     * @param expected each owner's schema by owner name (the shared snapshot, each overlay's)
     */
    public List<OwnedDrift> verify(Map<String, DatabaseSchema> expected) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SchemaVerifier.drift(c, expected, historySchema);
        }
    }

    private static String stripSql(String name) {
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    /** Configures {@link Owners}: the shared owner's migrations, then each overlay's. */
    public static final class Builder {
        private final DataSource dataSource;
        private MigrationSource shared;
        private final Map<String, MigrationSource> overlays = new TreeMap<>();
        private String historySchema = HistoryTableName.DEFAULT_SCHEMA;
        private MigrationListener listener = MigrationListener.NONE;
        private Duration lockTimeout;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        public Builder shared(MigrationSource source) {
            this.shared = source;
            return this;
        }

        public Builder overlay(String name, MigrationSource source) {
            if (name.equals(HistoryTableName.SHARED_OWNER) || overlays.containsKey(name)) {
                throw new IllegalArgumentException("overlay name " + name + " is taken; give each overlay its own name");
            }
            overlays.put(name, source);
            return this;
        }

        public Builder historySchema(String schema) {
            this.historySchema = schema;
            return this;
        }

        public Builder listener(MigrationListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        public Owners build() {
            List<Owner> owners = new ArrayList<>();
            if (shared != null) {
                owners.add(new Owner(HistoryTableName.SHARED_OWNER, migrator(HistoryTableName.SHARED_OWNER, shared)));
            }
            overlays.forEach((name, source) -> owners.add(new Owner(name, migrator(name, source))));
            return new Owners(dataSource, owners, historySchema);
        }

        private Migrator migrator(String owner, MigrationSource source) {
            return Migrator.builder(dataSource).source(source).historyTable(historySchema, HistoryTableName.forOwner(owner))
                    .listener(listener).lockTimeout(lockTimeout).build();
        }
    }
}
