package dev.sleet.runtime.fleet;

import dev.sleet.runtime.migrate.MigrateOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a fleet run proceeds.
 *
 * @param parallel       targets migrated at once, over all servers
 * @param perHost        targets migrated at once on one server ({@code host:port}), so a shared server is not swamped
 * @param lockTimeout    how long to wait for a target's migration lock before counting an attempt as failed
 * @param maxAttempts    attempts per target for failures that may pass (lock held, server unreachable); 1 = no retry
 * @param backoff        the wait before the second attempt; it doubles for each further one
 * @param connectTimeout how long to wait for a target's server to answer
 * @param canary         targets migrated first, on their own; the rest follow in waves of growing size. 0: one wave
 * @param onFailure      when to stop starting new targets
 * @param migrate        what each target's migrator applies (drafts, out-of-order, target migration)
 * @param historySchema  the schema of each database target's history table (schema targets keep it in their own schema)
 */
public record FleetOptions(int parallel, int perHost, Duration lockTimeout, int maxAttempts, Duration backoff, Duration connectTimeout,
                           int canary, FailurePolicy onFailure, MigrateOptions migrate, String historySchema) {

    public FleetOptions {
        if (parallel < 1) {
            throw new FleetException("parallel must be at least 1, not " + parallel);
        }
        if (perHost < 1) {
            throw new FleetException("per-host must be at least 1, not " + perHost);
        }
        if (maxAttempts < 1) {
            throw new FleetException("attempts must be at least 1, not " + maxAttempts);
        }
        if (canary < 0) {
            throw new FleetException("canary must be 0 or more, not " + canary);
        }
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(migrate, "migrate");
        Objects.requireNonNull(historySchema, "historySchema");
    }

    /** 4 at once (2 per server), 30 s lock timeout, 3 attempts from 1 s backoff, no canary, halt on the first failure. */
    public static FleetOptions defaults() {
        return new FleetOptions(4, 2, Duration.ofSeconds(30), 3, Duration.ofSeconds(1), Duration.ofSeconds(10), 0,
                new FailurePolicy.Halt(), MigrateOptions.defaults(), "sleet");
    }

    public FleetOptions withParallel(int parallel, int perHost) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }

    public FleetOptions withLockTimeout(Duration lockTimeout) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }

    public FleetOptions withRetries(int maxAttempts, Duration backoff) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }

    public FleetOptions withConnectTimeout(Duration connectTimeout) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }

    public FleetOptions withCanary(int canary) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }

    public FleetOptions withOnFailure(FailurePolicy onFailure) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }

    /** {@code halt}, {@code continue} or {@code halt-after=5%}. */
    public FleetOptions withOnFailure(String policy) {
        return withOnFailure(FailurePolicy.parse(policy));
    }

    public FleetOptions withMigrate(MigrateOptions migrate) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }

    public FleetOptions withHistorySchema(String historySchema) {
        return new FleetOptions(parallel, perHost, lockTimeout, maxAttempts, backoff, connectTimeout, canary, onFailure, migrate, historySchema);
    }
}
