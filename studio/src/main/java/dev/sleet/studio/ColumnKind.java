package dev.sleet.studio;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;

/** How the page edits and filters a column: which input, which operators. */
enum ColumnKind {
    ENUM, BOOLEAN, NUMBER, TEXT, TIMESTAMP, DATE, TIME, JSON, OTHER;

    static ColumnKind of(Column column, Catalog catalog) {
        if (catalog.enumOf(column).isPresent()) {
            return ENUM;
        }
        if (!(column.type() instanceof ColumnType.Builtin b) || b.name().endsWith("]")) {
            return OTHER;
        }
        String n = b.name();
        if (n.equals("boolean")) {
            return BOOLEAN;
        }
        if (n.equals("smallint") || n.equals("integer") || n.equals("bigint") || n.startsWith("numeric") || n.equals("real")
                || n.equals("double precision")) {
            return NUMBER;
        }
        if (n.equals("text") || n.startsWith("character") || n.equals("uuid") || n.equals("citext")) {
            return TEXT;
        }
        if (n.startsWith("timestamp")) {
            return TIMESTAMP;
        }
        if (n.equals("date")) {
            return DATE;
        }
        if (n.startsWith("time")) {
            return TIME;
        }
        if (n.equals("json") || n.equals("jsonb")) {
            return JSON;
        }
        return OTHER;
    }
}
