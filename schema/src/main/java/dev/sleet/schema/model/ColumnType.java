package dev.sleet.schema.model;

import dev.sleet.schema.sql.TypeNames;

/** The type of a column: a built-in PostgreSQL type or a user enum type. */
public sealed interface ColumnType permits ColumnType.Builtin, ColumnType.EnumRef {

    /** SQL to write in DDL. */
    String sql();

    /**
     * A built-in type in PostgreSQL's canonical spelling (as {@code format_type} prints it:
     * {@code bigint}, {@code character varying(500)}, {@code timestamp with time zone}, {@code text[]}).
     */
    record Builtin(String name) implements ColumnType {
        public Builtin {
            name = TypeNames.canonical(name);
        }

        @Override
        public String sql() {
            return name;
        }
    }

    /** A column of a {@link EnumType}; {@code array} for {@code enum[]}. */
    record EnumRef(QualifiedName enumName, boolean array) implements ColumnType {
        @Override
        public String sql() {
            return enumName.sql() + (array ? "[]" : "");
        }
    }

    static ColumnType builtin(String name) {
        return new Builtin(name);
    }
}
