package dev.sleet.runtime.trace;

/**
 * A relation lock a migration statement took.
 *
 * @param relation the schema-qualified table or index
 * @param kind     {@code table}, {@code index}, … (from pg_class.relkind)
 * @param mode     PostgreSQL's lock mode name, e.g. {@code AccessExclusiveLock}
 * @param heldMs   from the start of the statement that took it until it was released (commit, or the statement's end outside a transaction)
 */
public record HeldLock(String relation, String kind, String mode, long heldMs) {
}
