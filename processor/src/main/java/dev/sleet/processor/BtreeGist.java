package dev.sleet.processor;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.Table;
import java.util.Set;

/**
 * Whether a table needs the {@code btree_gist} extension: PostgreSQL has GiST operator classes for ranges,
 * geometric types, {@code inet} (not as default), {@code tsvector} and arrays only through other extensions,
 * but none for plain scalars ({@code bigint}, {@code uuid}, {@code text}, timestamps, enums, …). A GiST index
 * or exclusion constraint with such a column as a key fails with "data type bigint has no default operator
 * class for access method gist" unless btree_gist is installed.
 */
final class BtreeGist {
    private BtreeGist() {
    }

    /** Base type names (canonical spelling, modifiers removed) that btree_gist gives a GiST operator class. */
    private static final Set<String> SCALARS = Set.of(
            "smallint", "integer", "bigint", "real", "double precision", "numeric", "money", "oid",
            "boolean", "text", "character varying", "character", "bytea", "bit", "bit varying", "uuid",
            "date", "interval", "timestamp with time zone", "timestamp without time zone",
            "time with time zone", "time without time zone", "inet", "cidr", "macaddr", "macaddr8");

    static boolean needed(Table table) {
        for (Index index : table.indexes()) {
            if (index.method() == IndexMethod.GIST
                    && index.keys().stream().filter(IndexKey::isColumn).anyMatch(k -> isScalar(table, k.column()))) {
                return true;
            }
        }
        for (ExclusionConstraint exclusion : table.exclusions()) {
            if (exclusion.method() == IndexMethod.GIST
                    && exclusion.elements().stream().filter(ExclusionElement::isColumn).anyMatch(e -> isScalar(table, e.column()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isScalar(Table table, String columnName) {
        for (Column c : table.columns()) {
            if (c.name().equals(columnName)) {
                return isScalar(c.type());
            }
        }
        return false;
    }

    static boolean isScalar(ColumnType type) {
        if (type instanceof ColumnType.EnumRef e) {
            return !e.array();
        }
        String name = type.sql();
        if (name.endsWith("]")) {
            return false;
        }
        // "numeric(12,2)", "character varying(500)", "timestamp(3) with time zone": the modifier does not matter.
        String base = name.replaceAll("\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\)", "").replaceAll("\\s+", " ").trim();
        return SCALARS.contains(base);
    }
}
