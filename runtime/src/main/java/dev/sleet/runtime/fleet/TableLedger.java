package dev.sleet.runtime.fleet;

import dev.sleet.schema.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The ledger as a table on the control database, keyed by run name and target, so several runs can share it. */
final class TableLedger implements FleetLedger {
    private final DataSource control;
    private final String schema;
    private final String qualified;
    private final String run;
    private boolean created;
    /** The control database session of the current run (guarded by this); null until first used and after {@link #release}. */
    private Connection session;

    TableLedger(DataSource control, String schema, String table, String run) {
        this.control = control;
        this.schema = schema;
        this.qualified = Sql.quote(schema) + "." + Sql.quote(table);
        this.run = run;
    }

    @Override
    public synchronized Map<String, LedgerEntry> load() {
        Map<String, LedgerEntry> map = new LinkedHashMap<>();
        boolean held = session != null;
        try {
            Connection c = session();
            try (PreparedStatement ps = c.prepareStatement("SELECT target, state, from_migration, to_migration, applied, attempts, failure, "
                    + "error, started_at, finished_at, duration_ms FROM " + qualified + " WHERE run = ? ORDER BY target")) {
                ps.setString(1, run);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String failure = rs.getString(7);
                        LedgerEntry e = new LedgerEntry(rs.getString(1), TargetState.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getInt(6), failure == null ? null : FailureKind.valueOf(failure),
                                rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getLong(11));
                        map.put(e.target(), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new FleetException("cannot read the fleet ledger " + location() + ": " + e.getMessage(), e);
        } finally {
            if (!held) {
                release(); // a lone read (status, a test) keeps no session open; a run's records open their own
            }
        }
        return map;
    }

    /**
     * One upsert on the run's session, which stays open between entries: a control database
     * session per entry (two per target) cost a backend start each, more than the entry itself.
     */
    @Override
    public synchronized void record(LedgerEntry e) {
        try {
            upsert(session(), e);
        } catch (SQLException first) {
            if (!TargetRun.isConnectionProblem(first)) {
                throw new FleetException("cannot write the fleet ledger " + location() + ": " + first.getMessage(), first);
            }
            // The held session broke (server restart, idle timeout): one more try on a new one.
            release();
            try {
                upsert(session(), e);
            } catch (SQLException again) {
                again.addSuppressed(first);
                throw new FleetException("cannot write the fleet ledger " + location() + ": " + again.getMessage(), again);
            }
        }
    }

    /** Closes the session held for the run; the next call opens a new one. */
    @Override
    public synchronized void release() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // it is being let go of; a broken session has nothing left to lose
            }
            session = null;
        }
    }

    private Connection session() throws SQLException {
        if (session == null) {
            Connection c = control.getConnection();
            try {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true); // each entry must be committed when record returns
                }
                ensureTable(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            session = c;
        }
        return session;
    }

    private void upsert(Connection c, LedgerEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified + " (run, target, state, from_migration, to_migration, "
                + "applied, attempts, failure, error, started_at, finished_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (run, target) DO UPDATE SET state = EXCLUDED.state, from_migration = EXCLUDED.from_migration, "
                + "to_migration = EXCLUDED.to_migration, applied = EXCLUDED.applied, attempts = EXCLUDED.attempts, "
                + "failure = EXCLUDED.failure, error = EXCLUDED.error, started_at = EXCLUDED.started_at, "
                + "finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms")) {
            ps.setString(1, run);
            ps.setString(2, e.target());
            ps.setString(3, e.state().name());
            ps.setString(4, e.from());
            ps.setString(5, e.to());
            ps.setInt(6, e.applied());
            ps.setInt(7, e.attempts());
            ps.setString(8, e.failure() == null ? null : e.failure().name());
            ps.setString(9, e.error());
            setInstant(ps, 10, e.startedAt());
            setInstant(ps, 11, e.finishedAt());
            ps.setLong(12, e.durationMs());
            ps.executeUpdate();
        }
    }

    @Override
    public String location() {
        return qualified + " (run " + run + ")";
    }

    private void ensureTable(Connection c) throws SQLException {
        if (created) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(schema));
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified + " (run text NOT NULL, target text NOT NULL, state text NOT NULL, "
                    + "from_migration text, to_migration text, applied integer NOT NULL, attempts integer NOT NULL, failure text, "
                    + "error text, started_at timestamptz, finished_at timestamptz, duration_ms bigint NOT NULL, "
                    + "PRIMARY KEY (run, target))");
        }
        created = true;
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
