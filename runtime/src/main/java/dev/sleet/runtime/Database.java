package dev.sleet.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The entry point of the runtime: wraps a {@link DataSource}, runs transactions and hands
 * connections to generated DAOs. Thread-safe; a transaction belongs to the thread that opened it,
 * and DAO calls made on that thread inside {@code transaction(tx -> …)} take part in it. Outside a
 * transaction every DAO call borrows a connection in auto-commit mode (so pool the data source).
 */
public final class Database {
    private final DataSource dataSource;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    private Database(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public static Database of(DataSource dataSource) {
        return new Database(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The transaction open on this thread, if any. */
    public Optional<Transaction> currentTransaction() {
        return Optional.ofNullable(current.get());
    }

    /** Runs {@code work} in a transaction with the default options; see {@link #transaction(TxOptions, TransactionWork)}. */
    public <T> T transaction(TransactionWork<T> work) {
        return transaction(TxOptions.DEFAULT, work);
    }

    /**
     * Runs {@code work}, which returns nothing, in a transaction with the default options:
     * {@code db.transaction(() -> { dao.insert(a); dao.insert(b); })}. DAO calls inside join the
     * transaction (it belongs to this thread); {@link #currentTransaction()} gives it when the work
     * needs the connection. Same rules as {@link #transaction(TxOptions, TransactionWork)}.
     */
    public void transaction(VoidTransactionWork work) {
        transaction(TxOptions.DEFAULT, work);
    }

    /** Runs {@code work}, which returns nothing, in a transaction; see {@link #transaction(TxOptions, TransactionWork)}. */
    public void transaction(TxOptions options, VoidTransactionWork work) {
        transaction(options, tx -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction and returns its result: committed when it returns,
     * rolled back when it throws (the exception propagates; SQLExceptions as
     * {@link DataAccessException}s). Called while a transaction is already open on this thread,
     * the work runs in a savepoint of it instead: a failure undoes only the nested work. Retries
     * (options.maxAttempts) apply to the outermost transaction only, because a failed transaction
     * can only be re-run from its beginning.
     */
    public <T> T transaction(TxOptions options, TransactionWork<T> work) {
        Transaction open = current.get();
        if (open != null) {
            if (options.isolation() != null && open.isolation() != options.isolation()) {
                throw new IllegalStateException("A nested transaction asked for isolation " + options.isolation()
                        + " but the enclosing transaction runs at " + (open.isolation() == null ? "the server default" : open.isolation())
                        + "; isolation can only be chosen by the outermost transaction.");
            }
            return open.inSavepoint(c -> work.run(open), "nested transaction");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return runOutermost(options, work);
            } catch (TransientFailure e) {
                if (attempt >= options.maxAttempts()) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    private <T> T runOutermost(TxOptions options, TransactionWork<T> work) {
        Connection connection = borrow("begin transaction");
        Transaction tx = new Transaction(connection, options.isolation());
        int originalIsolation = -1;
        try {
            try {
                connection.setAutoCommit(false);
                if (options.isolation() != null) {
                    originalIsolation = connection.getTransactionIsolation();
                    connection.setTransactionIsolation(options.isolation().jdbcLevel());
                }
                if (options.readOnly()) {
                    connection.setReadOnly(true);
                }
            } catch (SQLException e) {
                throw SqlErrors.translate("begin transaction", e);
            }
            current.set(tx);
            T result;
            try {
                result = work.run(tx);
            } catch (SQLException e) {
                rollback(connection, e);
                throw SqlErrors.translate("transaction", e);
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                throw SqlErrors.translate("commit", e);
            }
            return result;
        } finally {
            current.remove();
            restoreAndClose(connection, originalIsolation, options.readOnly());
        }
    }

    /**
     * Runs one unit of DAO work: on the current transaction's connection when one is open on this
     * thread, otherwise on a borrowed auto-commit connection that is closed afterwards.
     *
     * @param action names the operation and its object for error messages, e.g. {@code insert into "public"."events"}
     */
    public <T> T withConnection(String action, ConnectionWork<T> work) {
        Transaction tx = current.get();
        if (tx != null) {
            try {
                return work.run(tx.connection());
            } catch (SQLException e) {
                throw SqlErrors.translate(action, e);
            }
        }
        Connection connection = borrow(action);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(action, e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the work's outcome is already decided; a failing close must not mask it
            }
        }
    }

    /**
     * Like {@link #withConnection} but all-or-nothing: inside a transaction the work runs in a
     * savepoint, so that a failing statement (say a constraint violation the caller handles) does
     * not abort the enclosing transaction. Outside one, a single auto-commit statement already is atomic.
     */
    public <T> T atomically(String action, ConnectionWork<T> work) {
        Transaction tx = current.get();
        if (tx != null) {
            return tx.inSavepoint(work, action);
        }
        return withConnection(action, work);
    }

    private Connection borrow(String action) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate(action + " (getting a connection)", e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private static void restoreAndClose(Connection connection, int originalIsolation, boolean wasReadOnly) {
        try {
            connection.setAutoCommit(true);
            if (originalIsolation >= 0) {
                connection.setTransactionIsolation(originalIsolation);
            }
            if (wasReadOnly) {
                connection.setReadOnly(false);
            }
        } catch (SQLException ignored) {
            // a broken connection: closing it below is all that is left to do
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing useful to report after the transaction has ended
            }
        }
    }

    /** Short randomized pause so that two transactions that collided do not collide again in lockstep. */
    private static void backOff(int attempt) {
        long maxMillis = Math.min(50, 1L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
