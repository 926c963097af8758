package dev.sleet.processor.bind;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.processor.scan.views.Attr;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import dev.sleet.schema.sql.SqlExpressions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What the binders of one table record share while they work: the table's name, the columns bound
 * so far, the keys and constraints collected, the names brought into the database, and whether an
 * error was reported ({@code valid} drops to false with the first one). Holds the checks every
 * binder needs: blank and over-long names, columns named by indexes and constraints.
 */
final class TableBinding {
    final TypeElement type;
    final Reporter reporter;
    String tableName;
    final List<BoundColumn> columns = new ArrayList<>();
    final Map<String, BoundColumn> columnsByName = new LinkedHashMap<>();
    final List<String> primaryKeyColumns = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<ExclusionConstraint> exclusions = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<PendingReference> references = new ArrayList<>();
    final List<NamedObject> names = new ArrayList<>();
    private boolean valid = true;

    TableBinding(TypeElement type, Reporter reporter) {
        this.type = type;
        this.reporter = reporter;
    }

    boolean valid() {
        return valid;
    }

    /** Leaves the table out without a message of its own (the cause was reported elsewhere). */
    void invalidate() {
        valid = false;
    }

    String recordName() {
        return type.getSimpleName().toString();
    }

    void error(Message message, Element element, AnnotationView annotation, AnnotationValue value) {
        reporter.report(message, element, annotation == null ? null : annotation.mirror(), value);
        valid = false;
    }

    void error(Message message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        reporter.report(message, element, mirror, value);
        valid = false;
    }

    /** An explicit name attribute: refused when blank. */
    String identifier(Attr<String> value, String what, AnnotationView annotation, Element element) {
        if (value.value().isBlank()) {
            error(Diagnostic.NAME_BLANK.with(what), element, annotation, value.source());
        }
        return value.value();
    }

    /** Names longer than 63 bytes are refused, never truncated (PostgreSQL would cut them silently). */
    boolean checkLength(String name, String what, Element element, AnnotationView annotation, AnnotationValue value, String fix) {
        if (Naming.fitsIdentifier(name)) {
            return true;
        }
        error(Diagnostic.NAME_TOO_LONG.with(what, name, name.getBytes(StandardCharsets.UTF_8).length, fix), element, annotation, value);
        return false;
    }

    /** The explicit name of an index or constraint, or the derived one; either checked. */
    String objectName(AnnotationView annotation, Attr<String> explicit, String derived, String what) {
        String name = explicit.value().isEmpty() ? derived : identifier(explicit, what, annotation, type);
        checkLength(name, explicit.value().isEmpty() ? "derived " + what : what, type, annotation, explicit.source(), "name = \"...\"");
        return name;
    }

    /** Checks a column named by an index or constraint; reports and returns false when the table has no such column. */
    boolean knownColumn(String column, String where, AnnotationView annotation, AnnotationValue value) {
        if (columnsByName.containsKey(column)) {
            return true;
        }
        String known = String.join(", ", columnsByName.keySet());
        Optional<BoundColumn> byComponent = component(column);
        error(byComponent.isPresent()
                        ? Diagnostic.UNKNOWN_COLUMN_COMPONENT_NAME.with(where, column, tableName, byComponent.get().column().name(), known)
                        : Diagnostic.UNKNOWN_COLUMN.with(where, column, tableName, known),
                type, annotation, value);
        return false;
    }

    /**
     * Checks the column names a SQL expression uses ({@link SqlExpressions#columnReferences}, a conservative
     * reading); reports the first the table lacks at the expression and returns false.
     */
    boolean knownColumnsIn(String expression, String where, AnnotationView annotation, AnnotationValue value) {
        for (String name : SqlExpressions.columnReferences(expression)) {
            if (!columnsByName.containsKey(name)) {
                error(Diagnostic.UNKNOWN_COLUMN_IN_EXPRESSION.with(where, name, expression.strip(), tableName,
                        String.join(", ", columnsByName.keySet())), type, annotation, value);
                return false;
            }
        }
        return true;
    }

    /** Reports (E044) and returns false when PostgreSQL would refuse the expression at {@code place} ({@link ExpressionRules}). */
    boolean allowedIn(String expression, ExpressionRules.Place place, String where, AnnotationView annotation, AnnotationValue value) {
        Optional<String> refused = ExpressionRules.refused(expression, place);
        if (refused.isEmpty()) {
            return true;
        }
        error(Diagnostic.EXPRESSION_REFUSED.with(where, refused.get(), expression.strip(), place.text, place.fix), type, annotation, value);
        return false;
    }

    Optional<BoundColumn> component(String componentName) {
        return columns.stream().filter(c -> c.componentName().equals(componentName)).findFirst();
    }
}
