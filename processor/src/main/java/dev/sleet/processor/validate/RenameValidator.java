package dev.sleet.processor.validate;

import dev.sleet.processor.bind.RecordScan;
import dev.sleet.processor.bind.RecordScans;
import dev.sleet.processor.bind.TableDraft;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.processor.scan.views.Attr;
import dev.sleet.processor.scan.views.Attrs;
import dev.sleet.processor.scan.views.ComponentAnnotations.RenamedFromAnnotation;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * {@code @RenamedFrom} that cannot rename anything: naming the element's own name, an old name two
 * elements claim ({@link #checkClaims}, from the sources alone), and an old name the committed state
 * does not have ({@link #checkAgainst}), which would silently become a drop and an add.
 */
public final class RenameValidator {
    private final Elements elements;
    private final Reporter reporter;

    public RenameValidator(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /** Own names and doubly claimed old names, among tables and among the columns of each table; offenders join {@code invalid}. */
    public void checkClaims(List<TableDraft> drafts, Set<TableDraft> invalid) {
        checkClaims(drafts, invalid, new RecordScans(elements));
    }

    /** @param scans this round's scans of the records, as the binder read them */
    public void checkClaims(List<TableDraft> drafts, Set<TableDraft> invalid, RecordScans scans) {
        Map<QualifiedName, String> tableClaims = new HashMap<>();
        for (TableDraft draft : drafts) {
            RecordScan scan = scans.of(draft.element());
            Optional<Written> tableHints = written(scan.annotations());
            if (tableHints.isPresent()) {
                for (Attr<String> hint : tableHints.get().names().items()) {
                    QualifiedName old = qualified(draft.name(), hint.value());
                    String who = "table " + draft.name() + " (" + draft.element().getSimpleName() + ")";
                    if (old.equals(draft.name())) {
                        report(Diagnostic.RENAMED_FROM_OWN_NAME.with(hint.value(), who), tableHints.get(), hint, invalid, draft);
                    } else if (tableClaims.containsKey(old)) {
                        report(Diagnostic.RENAMED_FROM_CLAIMED_TWICE.with(hint.value(), who, tableClaims.get(old), "table"),
                                tableHints.get(), hint, invalid, draft);
                    } else {
                        tableClaims.put(old, who);
                    }
                }
            }
            Map<String, String> columnClaims = new HashMap<>();
            for (BoundColumn column : draft.columns()) {
                Optional<Written> hints = written(scan.component(column.component()));
                if (hints.isEmpty()) {
                    continue;
                }
                String who = "component " + column.componentName() + " (column " + column.column().name() + ")";
                for (Attr<String> hint : hints.get().names().items()) {
                    if (hint.value().equals(column.column().name())) {
                        report(Diagnostic.RENAMED_FROM_OWN_NAME.with(hint.value(), who), hints.get(), hint, invalid, draft);
                    } else if (columnClaims.containsKey(hint.value())) {
                        report(Diagnostic.RENAMED_FROM_CLAIMED_TWICE.with(hint.value(), who, columnClaims.get(hint.value()), "column"),
                                hints.get(), hint, invalid, draft);
                    } else {
                        columnClaims.put(hint.value(), who);
                    }
                }
            }
        }
    }

    /**
     * Every {@code @RenamedFrom} of a table or column that is not yet in {@code committed} must name
     * something {@code committed} has; renames of a table that is new altogether, and a history with
     * no table at all, are left alone. Returns whether all fit.
     */
    public boolean checkAgainst(List<BoundTable> tables, DatabaseSchema committed, String where) {
        if (committed.tables().isEmpty()) {
            return true;
        }
        Map<QualifiedName, Table> byName = new HashMap<>();
        committed.tables().forEach(t -> byName.put(t.name(), t));
        Set<QualifiedName> current = new LinkedHashSet<>();
        tables.forEach(t -> current.add(t.table().name()));
        boolean ok = true;
        for (BoundTable bound : tables) {
            Table table = bound.table();
            Table before = byName.get(table.name());
            if (before == null) {
                for (String hint : table.renamedFrom()) {
                    before = byName.get(qualified(table.name(), hint));
                    if (before != null) {
                        break;
                    }
                }
            }
            if (before == null && !table.renamedFrom().isEmpty()) {
                Written hints = tableHints(bound.element()).orElseThrow();
                Attr<String> first = hints.names().items().get(0);
                String suggestion = suggestion(first.value(), name -> byName.containsKey(qualified(table.name(), name)),
                        committed.tables().stream().map(Table::name).filter(n -> !current.contains(n)).map(QualifiedName::toString).toList(),
                        "table");
                reporter.report(Diagnostic.RENAMED_FROM_NOTHING.with(first.value(), "table " + table.name(), "table", where, suggestion),
                        bound.element(), hints.view().mirror(), first.source());
                ok = false;
                continue;
            }
            if (before == null) {
                continue; // a new table: nothing to rename its columns from
            }
            Set<String> beforeColumns = new LinkedHashSet<>();
            before.columns().forEach(c -> beforeColumns.add(c.name()));
            Set<String> nowColumns = new LinkedHashSet<>();
            table.columns().forEach(c -> nowColumns.add(c.name()));
            for (BoundColumn column : bound.columns()) {
                Column model = column.column();
                if (model.renamedFrom().isEmpty() || beforeColumns.contains(model.name())
                        || model.renamedFrom().stream().anyMatch(beforeColumns::contains)) {
                    continue;
                }
                Written hints = columnHints(column).orElseThrow();
                Attr<String> first = hints.names().items().get(0);
                List<String> gone = beforeColumns.stream().filter(c -> !nowColumns.contains(c)).toList();
                String suggestion = suggestion(first.value(), beforeColumns::contains, gone, "column of " + before.name());
                reporter.report(Diagnostic.RENAMED_FROM_NOTHING.with(first.value(), "component " + column.componentName() + " (column "
                                + model.name() + ")", "column of table " + before.name(), where, suggestion),
                        column.component(), hints.view().mirror(), first.source());
                ok = false;
            }
        }
        return ok;
    }

    /** "; did you mean "user_id"?" when the snake_case spelling exists, else the candidates the sources dropped. */
    private static String suggestion(String hint, Predicate<String> exists, List<String> candidates, String what) {
        String snake = Naming.snakeCase(hint);
        if (!snake.equals(hint) && exists.test(snake)) {
            return "; did you mean @RenamedFrom(\"" + snake + "\")? (old names are SQL names, not Java names)";
        }
        if (candidates.isEmpty()) {
            return "; every " + what + " of the committed state still exists in the sources, so there is nothing to rename from";
        }
        return "; the " + what + (candidates.size() == 1 ? " that the sources no longer have is " : "s that the sources no longer have are ")
                + String.join(", ", candidates);
    }

    private static QualifiedName qualified(QualifiedName table, String hint) {
        int dot = hint.indexOf('.');
        return dot > 0 && dot < hint.length() - 1 ? QualifiedName.of(hint.substring(0, dot), hint.substring(dot + 1))
                : QualifiedName.of(table.schema(), hint);
    }

    /** A {@code @RenamedFrom} as written, for messages at its values. */
    private record Written(AnnotationView view, Attrs<String> names) {
    }

    private static Optional<Written> written(Annotated annotations) {
        return annotations.get(AnnotationNames.RENAMED_FROM).map(v -> new Written(v, new RenamedFromAnnotation(v).names()));
    }

    private Optional<Written> tableHints(Element type) {
        return written(Annotated.of(type, elements));
    }

    private Optional<Written> columnHints(BoundColumn column) {
        return Annotated.findOnComponent(column.component(), AnnotationNames.RENAMED_FROM,
                        Annotated.fieldsByName((javax.lang.model.element.TypeElement) column.component().getEnclosingElement()), elements)
                .map(v -> new Written(v, new RenamedFromAnnotation(v).names()));
    }

    private void report(dev.sleet.processor.diagnostics.Message message, Written written, Attr<String> hint, Set<TableDraft> invalid,
                        TableDraft draft) {
        reporter.report(message, written.view().element(), written.view().mirror(), hint.source());
        invalid.add(draft);
    }
}
