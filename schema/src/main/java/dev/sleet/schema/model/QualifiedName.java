package dev.sleet.schema.model;

import dev.sleet.schema.sql.Sql;
import java.util.Objects;

/** A schema-qualified object name, e.g. {@code billing.invoices}. Names are stored exactly as PostgreSQL stores them. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    public static final String DEFAULT_SCHEMA = "public";

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema == null || schema.isEmpty() ? DEFAULT_SCHEMA : schema, name);
    }

    /** The quoted SQL form, e.g. {@code "billing"."invoices"}. */
    public String sql() {
        return Sql.quote(schema) + "." + Sql.quote(name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        int c = schema.compareTo(other.schema);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
