package dev.sleet.studio;

import dev.sleet.runtime.CheckViolation;
import dev.sleet.runtime.ConstraintViolation;
import dev.sleet.runtime.ForeignKeyViolation;
import dev.sleet.runtime.NotNullViolation;
import dev.sleet.runtime.UniqueViolation;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused write in words, for the field it concerns: which kind of constraint, which columns,
 * what PostgreSQL said, and what to do. The words come from the runtime's typed exceptions (the
 * same message an application gets); the studio adds a short headline and, for an exclusion, the
 * rows in the way.
 */
final class ConstraintExplainer {
    private ConstraintExplainer() {
    }

    static String kind(ConstraintViolation v) {
        if (v instanceof UniqueViolation) {
            return "unique";
        } else if (v instanceof ForeignKeyViolation) {
            return "foreign_key";
        } else if (v instanceof NotNullViolation) {
            return "not_null";
        } else if (v instanceof CheckViolation) {
            return "check";
        }
        return "exclusion";
    }

    static String headline(ConstraintViolation v) {
        List<String> columns = v.columns();
        String cols = columns.isEmpty() ? "" : " " + String.join(", ", columns);
        if (v instanceof UniqueViolation) {
            return "Another row already has this" + cols + (columns.size() > 1 ? " combination" : "") + ".";
        } else if (v instanceof ForeignKeyViolation) {
            return "The referenced row does not exist (or other rows still point at this one).";
        } else if (v instanceof NotNullViolation) {
            return "A value is required" + (cols.isEmpty() ? "" : " for" + cols) + ".";
        } else if (v instanceof CheckViolation) {
            return "The values break the check " + v.constraint() + ".";
        }
        return "The row overlaps existing rows under " + v.constraint() + ".";
    }

    /** The error document: {@code kind}, {@code constraint}, {@code columns}, {@code headline}, {@code message}, {@code detail}. */
    static Map<String, Object> explain(ConstraintViolation v) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", kind(v));
        doc.put("constraint", v.constraint());
        doc.put("columns", v.columns());
        doc.put("headline", headline(v));
        doc.put("message", v.getMessage());
        doc.put("detail", v.detail());
        return doc;
    }

    /** The catalog's exclusion constraint named by the violation, if the table has it. */
    static ExclusionConstraint exclusion(Table table, ConstraintViolation v) {
        String name = v.constraint();
        return table.exclusions().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    }
}
