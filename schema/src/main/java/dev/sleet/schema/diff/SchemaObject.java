package dev.sleet.schema.diff;

import dev.sleet.schema.model.QualifiedName;

/**
 * The object a statement changes: for kinds inside a table, {@code owner} is the table and
 * {@code member} the column, constraint or index name; for schemas and extensions {@code owner}
 * holds the name in {@code name()} and {@code member} is null.
 */
public record SchemaObject(Kind kind, QualifiedName owner, String member) {

    public enum Kind {
        SCHEMA, EXTENSION, ENUM, TABLE, COLUMN, PRIMARY_KEY, FOREIGN_KEY, UNIQUE, CHECK, EXCLUSION, INDEX
    }
}
