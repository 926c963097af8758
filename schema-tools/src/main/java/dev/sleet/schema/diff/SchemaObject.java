package dev.sleet.schema.diff;

import dev.sleet.schema.model.QualifiedName;

/**
 * The object a statement changes: for kinds inside a table, {@code owner} is the table and
 * {@code member} the column, constraint or index name; for schemas and extensions {@code owner}
 * holds the name in {@code name()} and {@code member} is null.
 */
public record SchemaObject(Kind kind, QualifiedName owner, String member) {

    public enum Kind {
        SCHEMA, EXTENSION, ENUM, TABLE, COLUMN, PRIMARY_KEY, FOREIGN_KEY, UNIQUE, CHECK, EXCLUSION, INDEX,
        /** Citus's placement of a table ({@code owner}); {@code member} is null. */
        DISTRIBUTION
    }

    /** A schema: {@code owner} is {@code <name>.<name>}. */
    public static SchemaObject schema(String name) {
        return new SchemaObject(Kind.SCHEMA, new QualifiedName(name, name), null);
    }

    /** An extension: {@code owner} is {@code public.<name>} (extensions are database-wide; the schema part carries no meaning). */
    public static SchemaObject extension(String name) {
        return new SchemaObject(Kind.EXTENSION, QualifiedName.of(null, name), null);
    }

    public static SchemaObject enumType(QualifiedName name) {
        return new SchemaObject(Kind.ENUM, name, null);
    }

    public static SchemaObject table(QualifiedName name) {
        return new SchemaObject(Kind.TABLE, name, null);
    }

    public static SchemaObject distribution(QualifiedName table) {
        return new SchemaObject(Kind.DISTRIBUTION, table, null);
    }

    public static SchemaObject member(Kind kind, QualifiedName table, String member) {
        return new SchemaObject(kind, table, member);
    }

    /** How warnings and messages name the object: {@code billing}, {@code public.events}, {@code public.events.notes}. */
    public String display() {
        return switch (kind) {
            case SCHEMA, EXTENSION -> owner.name();
            default -> member == null ? owner.toString() : owner + "." + member;
        };
    }
}
