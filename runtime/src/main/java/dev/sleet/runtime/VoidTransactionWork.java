package dev.sleet.runtime;

/**
 * Work that returns nothing, for {@link Database#transaction(VoidTransactionWork)}. It takes no
 * argument — DAO calls made inside join the thread's transaction — which also keeps
 * {@code db.transaction(tx -> ...)} (value-returning) and {@code db.transaction(() -> ...)} apart for
 * the compiler.
 */
@FunctionalInterface
public interface VoidTransactionWork {
    void run() throws java.sql.SQLException;
}
