package dev.sleet.runtime.trace;

import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Applies migrations' Up sections to a throwaway database statement by statement and records, per
 * statement, the relation locks it took ({@code pg_locks}) and how long they were held. Inside a
 * transaction the migration's own session reads its locks after each statement (they last until
 * commit); outside one, a second session samples the migration's backend while the statement runs.
 * Writes no history: the database is meant to be dropped afterwards.
 */
public final class LockTracer {
    private static final String OWN_LOCKS = """
            SELECT n.nspname || '.' || c.relname AS relation, c.relkind::text AS kind, l.mode
            FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
            """;

    private final DataSource dataSource;

    public LockTracer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Traces the scripts in order; stops at the first failing statement (its trace carries the error). */
    public List<StatementTrace> trace(List<MigrationScript> scripts) throws SQLException {
        List<StatementTrace> out = new ArrayList<>();
        for (MigrationScript script : scripts) {
            if (!traceOne(script, out)) {
                break;
            }
        }
        return out;
    }

    private boolean traceOne(MigrationScript script, List<StatementTrace> out) throws SQLException {
        boolean transactional = script.up().transactional();
        try (Connection c = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            int pid = backendPid(c);
            c.setAutoCommit(!transactional);
            Map<String, HeldLock> held = new LinkedHashMap<>();
            List<Pending> pending = new ArrayList<>();
            for (SqlStatement s : script.up().statements()) {
                long started = System.nanoTime();
                Map<String, HeldLock> seen = transactional ? Map.of() : new ConcurrentHashMap<>();
                Sampler sampler = transactional ? null : Sampler.start(watcher, pid, seen);
                String error = null;
                try (Statement st = c.createStatement()) {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    error = e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
                } finally {
                    if (sampler != null) {
                        sampler.stop();
                    }
                }
                long durationMs = (System.nanoTime() - started) / 1_000_000;
                if (transactional) {
                    List<HeldLock> fresh = new ArrayList<>();
                    if (error == null) {
                        for (HeldLock lock : ownLocks(c, pid)) {
                            String key = lock.relation() + "|" + lock.mode();
                            if (held.putIfAbsent(key, lock) == null) {
                                fresh.add(lock);
                            }
                        }
                    }
                    pending.add(new Pending(script.name(), s, durationMs, started, fresh, error));
                } else {
                    List<HeldLock> locks = seen.values().stream()
                            .map(l -> new HeldLock(l.relation(), l.kind(), l.mode(), durationMs)).toList();
                    out.add(new StatementTrace(script.name(), s.line(), s.sql(), durationMs, false, locks, error));
                }
                if (error != null) {
                    if (transactional) {
                        c.rollback();
                        flush(pending, System.nanoTime(), out);
                    }
                    return false;
                }
            }
            if (transactional) {
                c.commit();
                flush(pending, System.nanoTime(), out);
            }
            return true;
        }
    }

    /** Locks taken inside a transaction are released at commit: their hold time runs until then. */
    private static void flush(List<Pending> pending, long released, List<StatementTrace> out) {
        for (Pending p : pending) {
            long heldMs = (released - p.started()) / 1_000_000;
            List<HeldLock> locks = p.locks().stream().map(l -> new HeldLock(l.relation(), l.kind(), l.mode(), heldMs)).toList();
            out.add(new StatementTrace(p.migration(), p.statement().line(), p.statement().sql(), p.durationMs(), true, locks, p.error()));
        }
    }

    private record Pending(String migration, SqlStatement statement, long durationMs, long started, List<HeldLock> locks, String error) {
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<HeldLock> ownLocks(Connection c, int pid) throws SQLException {
        List<HeldLock> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OWN_LOCKS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HeldLock(rs.getString(1), kind(rs.getString(2)), rs.getString(3), 0));
                }
            }
        }
        return out;
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "r", "p" -> "table";
            case "i", "I" -> "index";
            case "S" -> "sequence";
            case "v", "m" -> "view";
            default -> relkind;
        };
    }

    /** Polls the migration backend's locks from a second session while a statement outside a transaction runs. */
    private static final class Sampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private Sampler(Connection watcher, int pid, Map<String, HeldLock> seen) {
            this.thread = new Thread(() -> {
                do {
                    try {
                        for (HeldLock lock : ownLocks(watcher, pid)) {
                            seen.putIfAbsent(lock.relation() + "|" + lock.mode(), lock);
                        }
                        Thread.sleep(2);
                    } catch (SQLException | InterruptedException e) {
                        return;
                    }
                } while (running.get());
            }, "sleet-lock-sampler");
            thread.setDaemon(true);
        }

        static Sampler start(Connection watcher, int pid, Map<String, HeldLock> seen) {
            Sampler s = new Sampler(watcher, pid, seen);
            s.thread.start();
            return s;
        }

        void stop() {
            running.set(false);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
