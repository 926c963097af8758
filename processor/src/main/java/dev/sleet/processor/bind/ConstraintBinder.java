package dev.sleet.processor.bind;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.scan.views.Attr;
import dev.sleet.processor.scan.views.Attrs;
import dev.sleet.processor.scan.views.CheckAnnotation;
import dev.sleet.processor.scan.views.ExclusionAnnotation;
import dev.sleet.processor.scan.views.IndexAnnotation;
import dev.sleet.processor.scan.views.UniqueAnnotation;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a table's {@code @Index}, {@code @Unique}, {@code @Check} and {@code @Exclusion} annotations,
 * once its columns are bound: every column they name must exist, every name fit, nothing be blank.
 * Exclusion elements stay structured (a column or an expression, and its operator).
 */
final class ConstraintBinder {
    private ConstraintBinder() {
    }

    static void bindIndex(TableBinding t, IndexAnnotation index) {
        Attrs<String> columnValues = index.columns();
        Attrs<String> expressionValues = index.expressions();
        if (columnValues.isEmpty() && expressionValues.isEmpty()) {
            t.error(Diagnostic.INDEX_WITHOUT_KEYS.with(t.recordName()), t.type, index.view(), null);
            return;
        }
        Attrs<SortOrder> orders = index.order();
        int keyCount = columnValues.size() + expressionValues.size();
        if (orders.size() > keyCount) {
            t.error(Diagnostic.ORDER_MISMATCH.with(t.recordName(), orders.size(), keyCount), t.type, index.view(), orders.source());
            return;
        }
        List<IndexKey> keys = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        boolean ok = true;
        int position = 0;
        for (Attr<String> column : columnValues.items()) {
            ok &= t.knownColumn(column.value(), "@Index on " + t.recordName(), index.view(), column.source());
            keys.add(new IndexKey(column.value(), null, order(orders, position++)));
            tokens.add(column.value());
        }
        for (Attr<String> expression : expressionValues.items()) {
            if (expression.value().isBlank()) {
                t.error(Diagnostic.INDEX_EXPRESSION_BLANK.with(t.recordName()), t.type, index.view(), expression.source());
                ok = false;
                continue;
            }
            // What PostgreSQL refuses first: a subquery's words would otherwise read as unknown columns.
            ok &= t.allowedIn(expression.value(), ExpressionRules.Place.INDEX_KEY, "@Index on " + t.recordName(), index.view(),
                    expression.source())
                    && t.knownColumnsIn(expression.value(), "@Index on " + t.recordName(), index.view(), expression.source());
            keys.add(new IndexKey(null, expression.value().strip(), order(orders, position++)));
            tokens.add(Naming.expressionToken(expression.value()));
        }
        ok &= t.allowedIn(index.where().value(), ExpressionRules.Place.INDEX_PREDICATE, "@Index(where) on " + t.recordName(),
                index.view(), index.where().source())
                && t.knownColumnsIn(index.where().value(), "@Index(where) on " + t.recordName(), index.view(), index.where().source());
        ok &= methodFits(t, index, keys.size(), orders);
        String name = t.objectName(index.view(), index.name(), Naming.indexName(t.tableName, tokens), "index name");
        if (!ok) {
            return;
        }
        t.indexes.add(new Index(name, keys, index.unique(), index.using().value(), blankToNull(index.where().value())));
        t.names.add(new NamedObject(name, "index " + name, true, false, t.type, index.view().mirror(), index.name().source()));
    }

    private static SortOrder order(Attrs<SortOrder> orders, int position) {
        return position >= orders.size() ? SortOrder.ASC : orders.items().get(position).value();
    }

    static void bindUnique(TableBinding t, UniqueAnnotation unique) {
        Attrs<String> values = unique.columns();
        if (values.isEmpty()) {
            t.error(Diagnostic.UNIQUE_WITHOUT_COLUMNS.with(t.recordName()), t.type, unique.view(), values.source());
            return;
        }
        boolean ok = true;
        for (Attr<String> column : values.items()) {
            ok &= t.knownColumn(column.value(), "@Unique on " + t.recordName(), unique.view(), column.source());
        }
        List<String> columns = values.values();
        String name = t.objectName(unique.view(), unique.name(), Naming.constraintName(t.tableName, columns, "key"), "unique constraint name");
        if (ok) {
            t.uniques.add(new UniqueConstraint(name, columns, unique.nullsNotDistinct()));
            t.names.add(new NamedObject(name, "unique constraint " + name, true, true, t.type, unique.view().mirror(), unique.name().source()));
        }
    }

    static void bindChecks(TableBinding t, List<CheckAnnotation> all) {
        int unnamed = 0;
        for (CheckAnnotation check : all) {
            Attr<String> expression = check.expression();
            if (expression.value().isBlank()) {
                t.error(Diagnostic.CHECK_BLANK.with(t.recordName()), t.type, check.view(), expression.source());
                continue;
            }
            // PostgreSQL's own numbering for unnamed checks: t_check, t_check1, t_check2, ...
            String derived = Naming.constraintName(t.tableName, List.of(), "check") + (unnamed == 0 ? "" : String.valueOf(unnamed));
            if (check.name().value().isEmpty()) {
                unnamed++;
            }
            String name = t.objectName(check.view(), check.name(), derived, "check constraint name");
            if (!t.allowedIn(expression.value(), ExpressionRules.Place.CHECK, "@Check on " + t.recordName(), check.view(),
                    expression.source())
                    || !t.knownColumnsIn(expression.value(), "@Check on " + t.recordName(), check.view(), expression.source())) {
                continue;
            }
            t.checks.add(new CheckConstraint(name, expression.value().strip()));
            t.names.add(new NamedObject(name, "check constraint " + name, false, true, t.type, check.view().mirror(), check.name().source()));
        }
    }

    static void bindExclusion(TableBinding t, ExclusionAnnotation exclusion) {
        List<ExclusionAnnotation.Element> elementViews = exclusion.elements();
        if (elementViews.isEmpty()) {
            t.error(Diagnostic.EXCLUSION_WITHOUT_ELEMENTS.with(t.recordName()), t.type, exclusion.view(), exclusion.elementsSource());
            return;
        }
        List<ExclusionElement> parts = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        boolean ok = true;
        for (ExclusionAnnotation.Element element : elementViews) {
            Attr<String> column = element.column();
            String expression = element.expression().value();
            Attr<String> operator = element.operator();
            // A blank column or expression is no element part at all: "   " is as good as left out.
            if (column.value().isBlank() == expression.isBlank()) {
                t.error((column.value().isBlank() ? Diagnostic.EXCLUSION_ELEMENT_EMPTY : Diagnostic.EXCLUSION_ELEMENT_BOTH).with(t.recordName()),
                        t.type, element.view().mirror(), null);
                ok = false;
                continue;
            }
            if (operator.value().isBlank()) {
                t.error(Diagnostic.EXCLUSION_OPERATOR_BLANK.with(t.recordName()), t.type, element.view().mirror(), operator.source());
                ok = false;
                continue;
            }
            if (!column.value().isBlank()) {
                ok &= t.knownColumn(column.value(), "@Exclusion on " + t.recordName(), element.view(), column.source());
                parts.add(new ExclusionElement(column.value(), null, operator.value().strip()));
                tokens.add(column.value());
            } else {
                ok &= t.allowedIn(expression, ExpressionRules.Place.EXCLUSION, "@Exclusion on " + t.recordName(), element.view(),
                        element.expression().source())
                        && t.knownColumnsIn(expression, "@Exclusion on " + t.recordName(), element.view(), element.expression().source());
                parts.add(new ExclusionElement(null, expression.strip(), operator.value().strip()));
                tokens.add(Naming.expressionToken(expression));
            }
        }
        ok &= t.allowedIn(exclusion.where().value(), ExpressionRules.Place.EXCLUSION, "@Exclusion(where) on " + t.recordName(),
                exclusion.view(), exclusion.where().source())
                && t.knownColumnsIn(exclusion.where().value(), "@Exclusion(where) on " + t.recordName(), exclusion.view(),
                exclusion.where().source());
        IndexMethod method = exclusion.using().value();
        if (method == IndexMethod.GIN || method == IndexMethod.BRIN || (method == IndexMethod.HASH && parts.size() > 1)) {
            t.error(Diagnostic.EXCLUSION_METHOD.with(t.recordName(), method), t.type, exclusion.view(), exclusion.using().source());
            ok = false;
        }
        String name = t.objectName(exclusion.view(), exclusion.name(), Naming.constraintName(t.tableName, tokens, "excl"),
                "exclusion constraint name");
        if (ok) {
            t.exclusions.add(new ExclusionConstraint(name, exclusion.using().value(), parts, blankToNull(exclusion.where().value())));
            t.names.add(new NamedObject(name, "exclusion constraint " + name, true, true, t.type, exclusion.view().mirror(),
                    exclusion.name().source()));
        }
    }

    /** Only BTREE indexes are unique or ordered, and HASH takes one key (PostgreSQL refuses the rest when the migration runs). */
    private static boolean methodFits(TableBinding t, IndexAnnotation index, int keys, Attrs<SortOrder> orders) {
        IndexMethod method = index.using().value();
        if (method == IndexMethod.BTREE) {
            return true;
        }
        if (method == IndexMethod.HASH && keys > 1) {
            t.error(Diagnostic.INDEX_METHOD_MULTICOLUMN.with(t.recordName(), method, keys), t.type, index.view(), index.using().source());
            return false;
        }
        if (index.unique()) {
            t.error(Diagnostic.INDEX_METHOD_UNIQUE.with(t.recordName(), method), t.type, index.view(), index.using().source());
            return false;
        }
        if (!orders.isEmpty()) {
            t.error(Diagnostic.INDEX_METHOD_ORDER.with(t.recordName(), method), t.type, index.view(), orders.source());
            return false;
        }
        return true;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
