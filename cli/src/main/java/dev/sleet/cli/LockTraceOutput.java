package dev.sleet.cli;

import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.trace.HeldLock;
import dev.sleet.runtime.trace.LockTracer;
import dev.sleet.runtime.trace.StatementTrace;
import dev.sleet.runtime.trace.ThrowawayDatabase;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** {@code sleet lint --trace}: runs the runtime's {@link LockTracer} on a throwaway copy and prints what it saw. */
final class LockTraceOutput {
    private LockTraceOutput() {
    }

    /**
     * With a database (--url or DATABASE_URL): its pending migrations, on a TEMPLATE copy of it. Without one: every
     * migration (all are pending on an empty database), on a throwaway embedded PostgreSQL started for the run and
     * deleted after it, so the locks each statement takes can be seen before any server exists.
     */
    static List<StatementTrace> run(CommandContext context, boolean drafts) throws SQLException {
        if (!context.hasDatabase()) {
            return onEmbedded(context, drafts);
        }
        try (ThrowawayDatabase copy = ThrowawayDatabase.copyOf(context.connection())) {
            context.output().progress("tracing on " + copy.name() + ", a copy of " + context.connection().database());
            return trace(context, copy.dataSource(), drafts);
        }
    }

    private static List<StatementTrace> onEmbedded(CommandContext context, boolean drafts) throws SQLException {
        context.output().progress("no --url: tracing on a throwaway embedded PostgreSQL (deleted afterwards)");
        PostgresServer server = PostgresServer.startEmbedded();
        try (TestDatabase db = server.createDatabase("trace")) {
            return trace(context, db.dataSource(), drafts);
        } finally {
            server.stop();
        }
    }

    private static List<StatementTrace> trace(CommandContext context, DataSource dataSource, boolean drafts) throws SQLException {
        Migrator migrator = Migrator.builder(dataSource).source(Migrations.source(context))
                .historyTable(context.historySchema(), HistoryTableName.DEFAULT_TABLE).build();
        Set<String> pending = migrator.status().stream()
                .filter(s -> s.state() == MigrationState.PENDING || (drafts && s.state() == MigrationState.DRAFT))
                .map(s -> s.name()).collect(Collectors.toSet());
        List<MigrationScript> scripts = migrator.scripts().stream().filter(s -> pending.contains(s.name())).toList();
        return new LockTracer(dataSource).trace(scripts);
    }

    static void print(Output out, Path folder, List<StatementTrace> traces) {
        if (traces.isEmpty()) {
            out.line("trace: nothing pending");
            return;
        }
        out.line("trace (locks taken per statement; inside a transaction they are held until its commit):");
        for (StatementTrace t : traces) {
            String first = t.statement().lines().findFirst().orElse("").strip();
            out.line(folder.resolve(t.migration() + ".sql") + ":" + t.line() + "  " + t.durationMs() + " ms  " + first
                    + (t.error() == null ? "" : "  FAILED: " + t.error()));
            for (HeldLock l : t.locks()) {
                out.line("    " + l.mode() + " on " + l.kind() + " " + l.relation() + ", held " + l.heldMs() + " ms"
                        + (t.transactional() ? " (until commit)" : ""));
            }
        }
    }

    static Map<String, Object> json(StatementTrace t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("migration", t.migration());
        row.put("line", t.line());
        row.put("statement", t.statement());
        row.put("durationMs", t.durationMs());
        row.put("transactional", t.transactional());
        row.put("locks", t.locks().stream().map(l -> {
            Map<String, Object> lock = new LinkedHashMap<>();
            lock.put("relation", l.relation());
            lock.put("kind", l.kind());
            lock.put("mode", l.mode());
            lock.put("heldMs", l.heldMs());
            return lock;
        }).toList());
        row.put("error", t.error());
        return row;
    }
}
