package dev.sleet.runtime.migrate;

import dev.sleet.runtime.connect.LocalTransaction;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationScript;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * What every migrator operation shares: where the files and the history are, the lock, and the
 * two ways to get a connection (under the lock for writers, plain for readers). Database errors
 * leave here as {@link MigrationDatabaseException}.
 */
final class MigratorContext {
    final DataSource dataSource;
    final MigrationSource source;
    final HistoryTable history;
    final MigrationListener listener;
    private final AdvisoryLock lock;
    private final Duration lockTimeout;
    private String appliedBy;

    MigratorContext(DataSource dataSource, MigrationSource source, HistoryTable history, MigrationListener listener,
                    Duration lockTimeout) {
        this.dataSource = dataSource;
        this.source = source;
        this.history = history;
        this.listener = listener;
        this.lock = new AdvisoryLock(history);
        this.lockTimeout = lockTimeout;
    }

    /** The files with name, checksum and draft flag; parsed only when needed. */
    List<ResolvedMigration> resolve() {
        if (source instanceof ReadOnceSource once) {
            return once.resolved();
        }
        return source.files().stream().map(ResolvedMigration::new).toList();
    }

    /** The files, parsed; a malformed file fails here, before anything touches the database. */
    List<MigrationScript> scripts() {
        return source.files().stream().map(MigrationFile::parse).toList();
    }

    /**
     * Work on a connection that holds the migration lock; {@code historyExists} as found when the lock was taken.
     * Its first step reads the history through {@link HistoryTable#readLocked}, which also brings a table
     * written by an earlier version up to date before anything is written to it.
     */
    @FunctionalInterface
    interface LockedWork<T> {
        T run(Connection c, boolean historyExists) throws SQLException;
    }

    /** Work that only reads. */
    @FunctionalInterface
    interface ReadWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** JDBC work that may throw like JDBC does. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} holding the advisory lock (waiting at most the lock timeout), in autocommit. */
    <T> T withLock(LockedWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            boolean exists = lock.acquire(c, lockTimeout);
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
            throw new MigrationDatabaseException("database error while working on " + history.qualifiedName(), e);
        }
    }

    /** Runs read-only {@code work} without the lock. */
    <T> T read(ReadWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new MigrationDatabaseException("cannot read the history table " + history.qualifiedName(), e);
        }
    }

    /** Runs {@code work} in one transaction on {@code c}: all of it or, on failure, none of it. */
    static void inTransaction(Connection c, SqlWork work) throws SQLException {
        LocalTransaction.run(c, tx -> {
            work.run();
            return null;
        });
    }

    /** Host and process of this migrator, recorded with the database user in the history. */
    String appliedBy() {
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
}
