package dev.sleet.schema.diff;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.sql.SqlExpressions;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Equality the way PostgreSQL means it: expressions through {@link SqlExpressions#equivalent},
 * absent method/action/order as PostgreSQL's default, and source-only hints ({@code renamedFrom})
 * ignored, so a snapshot and the database it was applied to compare equal.
 */
final class Equivalence {
    private Equivalence() {
    }

    static boolean sameDefault(Column a, Column b) {
        return SqlExpressions.equivalent(a.defaultExpression(), b.defaultExpression());
    }

    static boolean check(CheckConstraint a, CheckConstraint b) {
        return a.name().equals(b.name()) && SqlExpressions.equivalent(a.expression(), b.expression());
    }

    static boolean foreignKey(ForeignKey a, ForeignKey b) {
        return a.name().equals(b.name()) && a.columns().equals(b.columns())
                && a.referencedTable().equals(b.referencedTable()) && a.referencedColumns().equals(b.referencedColumns())
                && Ddl.action(a.onDelete()) == Ddl.action(b.onDelete()) && Ddl.action(a.onUpdate()) == Ddl.action(b.onUpdate());
    }

    static boolean exclusion(ExclusionConstraint a, ExclusionConstraint b) {
        return a.name().equals(b.name()) && Ddl.method(a.method()) == Ddl.method(b.method())
                && SqlExpressions.equivalent(a.where(), b.where())
                && sameList(a.elements(), b.elements(), Equivalence::exclusionElement);
    }

    private static boolean exclusionElement(ExclusionElement a, ExclusionElement b) {
        return Objects.equals(a.column(), b.column()) && SqlExpressions.equivalent(a.expression(), b.expression())
                && Objects.equals(trim(a.operator()), trim(b.operator()));
    }

    static boolean index(Index a, Index b) {
        return a.name().equals(b.name()) && a.unique() == b.unique() && Ddl.method(a.method()) == Ddl.method(b.method())
                && SqlExpressions.equivalent(a.where(), b.where())
                && sameList(a.keys(), b.keys(), Equivalence::indexKey);
    }

    private static boolean indexKey(IndexKey a, IndexKey b) {
        return Objects.equals(a.column(), b.column()) && SqlExpressions.equivalent(a.expression(), b.expression())
                && Ddl.order(a.order()) == Ddl.order(b.order());
    }

    private static <T> boolean sameList(List<T> a, List<T> b, BiPredicate<T, T> same) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same.test(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
