package dev.sleet.processor.pull;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sleet.processor.SleetProcessor;
import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.pull.Leftover;
import dev.sleet.runtime.pull.PullOptions;
import dev.sleet.runtime.pull.PullResult;
import dev.sleet.runtime.pull.Puller;
import dev.sleet.runtime.verify.SchemaVerifier;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The pull round trip on real PostgreSQL: pull(db) → compile the records with the real processor
 * (in check mode against the written migrations, so the first build must want no draft) → the
 * snapshot is what the pull says the records express, and, where the records express everything,
 * exactly what the introspector reads from the database; {@code verify} is clean; and a fresh
 * database migrated with the written files (prelude, baseline, review file) equals the pulled one.
 */
public final class PullRoundTrip {
    public static final Instant CLOCK = Instant.parse("2026-11-29T12:00:00Z");

    /** What one round trip produced. */
    public record Outcome(PullResult pull, DatabaseSchema live, DatabaseSchema snapshot, Compilation compilation, Path dir) {
        /** Leftovers that are parts of tables (not views, functions, triggers, sequences). */
        public List<Leftover> tableLeftovers() {
            return pull.leftovers().stream().filter(l -> Set.of("primary key", "foreign key", "index", "table").contains(l.kind())).toList();
        }
    }

    private PullRoundTrip() {
    }

    public static Outcome run(TestDatabase source, TestDatabase fresh, Path dir) throws SQLException, IOException {
        DatabaseSchema live = Introspector.read(source.dataSource());
        Path sources = dir.resolve("src");
        Path migrations = dir.resolve("migrations");
        PullResult pull = Puller.pull(source.dataSource(), new PullOptions("com.acme.db", sources, migrations, Set.of(), Set.of(),
                true, CLOCK, null, null));
        Compilation compilation = compile(pull.sources(), sources, migrations);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            throw new AssertionError("the pulled records do not compile back cleanly:\n" + errors(compilation) + "\n" + listing(pull));
        }
        String json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/sleet/snapshot.json").orElseThrow()
                .getCharContent(true).toString();
        DatabaseSchema snapshot = SnapshotJson.read(json);
        Outcome outcome = new Outcome(pull, live, snapshot, compilation, dir);
        check(outcome, source, fresh);
        return outcome;
    }

    private static Compilation compile(List<Path> files, Path root, Path migrations) throws IOException {
        List<JavaFileObject> objects = new ArrayList<>();
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
            objects.add(JavaFileObjects.forSourceString(className, Files.readString(file, StandardCharsets.UTF_8)));
        }
        return javac().withProcessors(new SleetProcessor())
                .withOptions("-Asleet.migrations=" + migrations, "-Asleet.mode=check", "-Asleet.clock=" + CLOCK)
                .compile(objects);
    }

    private static void check(Outcome o, TestDatabase source, TestDatabase fresh) throws SQLException, IOException {
        DatabaseSchema expressed = o.pull().plan().expressed();
        // 1. The snapshot is what the pull said the records express (extensions aside: the processor names only those
        //    its own objects need; the baseline creates every extension the database has).
        if (!o.snapshot().tables().equals(expressed.tables()) || !o.snapshot().enums().equals(expressed.enums())
                || !o.snapshot().schemas().equals(expressed.schemas())) {
            throw new AssertionError("the compiled snapshot differs from what the pull expressed:\nsnapshot: " + SnapshotJson.write(o.snapshot())
                    + "\nexpressed: " + SnapshotJson.write(expressed) + "\n" + listing(o.pull()));
        }
        if (!expressed.extensions().containsAll(o.snapshot().extensions())) {
            throw new AssertionError("the records need extensions the database lacks: " + o.snapshot().extensions());
        }
        // 2. Where the records express every table part, the snapshot is the database, record for record, and verify is clean.
        if (o.tableLeftovers().isEmpty()) {
            if (!o.snapshot().tables().equals(o.live().tables()) || !o.snapshot().enums().equals(o.live().enums())) {
                throw new AssertionError("snapshot and introspected database differ:\nsnapshot: " + SnapshotJson.write(o.snapshot())
                        + "\nlive: " + SnapshotJson.write(o.live()) + "\n" + listing(o.pull()));
            }
            List<Drift> drift;
            try (Connection c = source.connect()) {
                drift = SchemaVerifier.drift(c, o.snapshot(), HistoryTableName.DEFAULT_SCHEMA);
            }
            if (!drift.isEmpty()) {
                throw new AssertionError("verify is not clean on the pulled database: " + drift + "\n" + listing(o.pull()));
            }
        }
        // 3. The pulled database records every written migration as applied.
        Migrator onSource = Migrator.builder(source.dataSource()).source(o.dir().resolve("migrations").toString()).build();
        List<String> pending = onSource.status().stream().filter(s -> s.state() != MigrationState.APPLIED && s.state() != MigrationState.BASELINE).map(s -> s.name() + " " + s.state()).toList();
        if (!pending.isEmpty() || !o.pull().recorded().equals(o.pull().migrations())) {
            throw new AssertionError("pulled database does not record the pull's migrations as applied: pending " + pending
                    + ", recorded " + o.pull().recorded() + ", written " + o.pull().migrations());
        }
        // 4. A fresh database migrated with the written files is the pulled database.
        Migrator onFresh = Migrator.builder(fresh.dataSource()).source(o.dir().resolve("migrations").toString()).build();
        try {
            onFresh.migrate(MigrateOptions.defaults());
        } catch (RuntimeException e) {
            throw new AssertionError("the written migrations do not apply to a fresh database: " + e.getMessage() + "\n" + listing(o.pull()), e);
        }
        DatabaseSchema created = Introspector.read(fresh.dataSource());
        MigrationPlan toLive = SchemaDiffer.diff(created, o.live());
        MigrationPlan toCreated = SchemaDiffer.diff(o.live(), created);
        if (!toLive.isEmpty() || !toCreated.isEmpty()) {
            throw new AssertionError("a fresh database migrated with the pull's files differs from the pulled one:\n"
                    + toLive.statements().stream().map(PlannedStatement::sql).collect(Collectors.joining(";\n"))
                    + "\n" + listing(o.pull()));
        }
    }

    public static String errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null) + (d.getSource() == null ? "" : " (" + d.getSource().getName() + ":" + d.getLineNumber() + ")"))
                .collect(Collectors.joining("\n"));
    }

    /** Every written file, for failure messages. */
    public static String listing(PullResult pull) {
        StringBuilder out = new StringBuilder();
        for (Path file : pull.sources()) {
            out.append("// ").append(file.getFileName()).append('\n').append(read(file));
        }
        pull.leftovers().forEach(l -> out.append("leftover: ").append(l.describe()).append('\n'));
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
