package dev.sleet.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --lock-timeout} for the commands that take the migration lock (migrate, rollback, baseline, repair, fresh). */
public final class LockOptions {
    @Option(names = "--lock-timeout", paramLabel = "<duration>",
            description = "Give up when another migrator holds the migration lock longer than this (e.g. 500ms, 30s, 2m; "
                    + "a bare number is seconds). Default: wait as long as it takes.")
    String lockTimeout;

    /** The timeout, or null to wait as long as it takes. */
    Duration timeout() {
        if (lockTimeout == null) {
            return null;
        }
        Duration d = FleetTargetOptions.duration("--lock-timeout", lockTimeout);
        if (d.isNegative()) {
            throw CliException.usage("--lock-timeout " + lockTimeout + " is negative; give how long to wait, e.g. 30s");
        }
        return d;
    }
}
