package dev.sleet.runtime.migrate;

/** Where a migration stands, as {@code status} reports it. */
public enum MigrationState {
    /** Applied and the file is unchanged. */
    APPLIED,
    /** Marked as applied by {@code baseline} (its statements never ran here). */
    BASELINE,
    /** Not applied yet; {@code migrate} will apply it. */
    PENDING,
    /** Not applied and older than the newest applied migration; refused unless out-of-order is allowed. */
    OUT_OF_ORDER,
    /** A draft: skipped unless drafts are included. */
    DRAFT,
    /** A non-transactional migration that failed half-way; {@code migrate} resumes it, {@code repair} forgets it. */
    FAILED,
    /** Recorded as applied, but the file is gone. */
    MISSING_FILE,
    /** Applied, but the file changed since. */
    CHECKSUM_MISMATCH
}
