package dev.sleet.schema.diff;

/** What a planned statement does to its subject. Seen from {@code verify}: ADD is missing in the database, DROP is extra, ALTER/RENAME differ. */
public enum ChangeKind {
    ADD, DROP, ALTER, RENAME
}
