package dev.sleet.runtime.migrate;

/**
 * Options of {@link Migrator#migrate(MigrateOptions)}.
 *
 * @param includeDrafts    apply drafts ({@code -- sleet:draft}) too; for development databases
 * @param allowOutOfOrder  apply a pending migration even when a newer one is already applied (e.g. after a merge)
 * @param ignoreMissing    do not refuse when applied migrations have no file any more
 * @param target           apply up to and including this migration name; null for all
 */
public record MigrateOptions(boolean includeDrafts, boolean allowOutOfOrder, boolean ignoreMissing, String target) {

    public static MigrateOptions defaults() {
        return new MigrateOptions(false, false, false, null);
    }

    public MigrateOptions withDrafts() {
        return new MigrateOptions(true, allowOutOfOrder, ignoreMissing, target);
    }

    public MigrateOptions withOutOfOrder() {
        return new MigrateOptions(includeDrafts, true, ignoreMissing, target);
    }

    public MigrateOptions withIgnoreMissing() {
        return new MigrateOptions(includeDrafts, allowOutOfOrder, true, target);
    }

    public MigrateOptions withTarget(String name) {
        return new MigrateOptions(includeDrafts, allowOutOfOrder, ignoreMissing, name);
    }
}
