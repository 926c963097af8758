package dev.sleet.processor.bind;

import static dev.sleet.processor.scan.AnnotationNames.REFERENCES;
import static dev.sleet.processor.scan.AnnotationNames.SOFT_DELETE;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.processor.scan.views.CheckAnnotation;
import dev.sleet.processor.scan.views.ComponentAnnotations.RenamedFromAnnotation;
import dev.sleet.processor.scan.views.ExclusionAnnotation;
import dev.sleet.processor.scan.views.IndexAnnotation;
import dev.sleet.processor.scan.views.JakartaTableAnnotations;
import dev.sleet.processor.scan.views.ReferencesAnnotation;
import dev.sleet.processor.scan.views.TableAnnotation;
import dev.sleet.processor.scan.views.UniqueAnnotation;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Binds one table record to the schema model, in order: the table's name, its columns
 * ({@link ColumnBinder}), the primary key, indexes and constraints ({@link ConstraintBinder}), the
 * Jakarta table-level keys ({@link JakartaTableBinder}) and {@code @SoftDelete}, reporting every
 * annotation mistake where it was written. Foreign keys are left pending until all tables are bound
 * ({@link ReferenceResolver}).
 */
public final class TableBinder {
    private final Elements elements;
    private final Reporter reporter;
    private final ColumnBinder columns;
    private final RecordScans scans;

    public TableBinder(Elements elements, Reporter reporter, EnumBinder enums) {
        this(elements, reporter, enums, new RecordScans(elements));
    }

    /** @param scans this round's scans of the records, shared with the other readers of their annotations */
    public TableBinder(Elements elements, Reporter reporter, EnumBinder enums, RecordScans scans) {
        this.elements = elements;
        this.reporter = reporter;
        this.columns = new ColumnBinder(elements, enums);
        this.scans = scans;
    }

    /** The draft, or empty when the element is not a record at all (reported). */
    public Optional<TableDraft> bind(TypeElement type) {
        RecordScan scan = scans.of(type);
        Annotated annotations = scan.annotations();
        TableAnnotation table = TableAnnotation.on(annotations).orElse(null);
        AnnotationView tableView = table == null ? null : table.view();
        TableBinding t = new TableBinding(type, reporter);
        if (type.getKind() != ElementKind.RECORD) {
            t.error(Diagnostic.TABLE_NOT_RECORD.with(t.recordName(), type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')),
                    type, tableView, null);
            return Optional.empty();
        }
        String schema = QualifiedName.DEFAULT_SCHEMA;
        t.tableName = Naming.snakeCase(t.recordName());
        if (table != null && table.namesTable()) {
            if (!table.name().value().isEmpty()) {
                t.tableName = t.identifier(table.name(), "table name", tableView, type);
            }
            if (!table.schema().value().isEmpty()) {
                schema = t.identifier(table.schema(), "schema name", tableView, type);
            }
        }
        t.checkLength(t.tableName, "table name", type, tableView, table == null ? null : table.name().source(), "@Table(name = \"...\")");
        t.checkLength(schema, "schema name", type, tableView, table == null ? null : table.schema().source(), "@Table(schema = \"...\")");
        QualifiedName name = QualifiedName.of(schema, t.tableName);
        t.names.add(new NamedObject(t.tableName, "table " + name, true, false, type, mirror(tableView), null));

        List<? extends RecordComponentElement> components = type.getRecordComponents();
        if (components.isEmpty()) {
            t.error(Diagnostic.NO_COMPONENTS.with(t.recordName(), name), type, tableView, null);
        }
        for (RecordComponentElement component : components) {
            columns.bind(t, component, scan.component(component));
        }
        PrimaryKey primaryKey = null;
        if (!t.primaryKeyColumns.isEmpty()) {
            primaryKey = new PrimaryKey(Naming.primaryKeyName(t.tableName), t.primaryKeyColumns);
            t.checkLength(primaryKey.name(), "primary key name", type, tableView, null, "a shorter table name");
            t.names.add(new NamedObject(primaryKey.name(), "the primary key of " + name, true, true, type, mirror(tableView), null));
        }
        for (IndexAnnotation index : IndexAnnotation.allOn(annotations)) {
            ConstraintBinder.bindIndex(t, index);
        }
        for (UniqueAnnotation unique : UniqueAnnotation.allOn(annotations)) {
            ConstraintBinder.bindUnique(t, unique);
        }
        ConstraintBinder.bindChecks(t, CheckAnnotation.allOn(annotations));
        for (ExclusionAnnotation exclusion : ExclusionAnnotation.allOn(annotations, elements)) {
            ConstraintBinder.bindExclusion(t, exclusion);
        }
        JakartaTableAnnotations.on(annotations, elements).ifPresent(jakarta -> JakartaTableBinder.bind(t, jakarta));
        boolean softDelete = annotations.get(SOFT_DELETE).map(s -> checkSoftDelete(t, s)).isPresent();
        List<String> renamedFrom = annotations.get(dev.sleet.processor.scan.AnnotationNames.RENAMED_FROM)
                .map(r -> new RenamedFromAnnotation(r).names().values()).orElse(List.of());
        if (t.valid() && primaryKey == null && !components.isEmpty()) {
            reporter.report(Diagnostic.NO_PRIMARY_KEY.with(name), type, mirror(tableView));
        }
        return Optional.of(new TableDraft(type, table, name, t.columns, primaryKey, t.uniques, t.checks, t.exclusions, t.indexes,
                renamedFrom, softDelete, t.references, t.names, t.valid()));
    }

    private static AnnotationMirror mirror(AnnotationView view) {
        return view == null ? null : view.mirror();
    }

    /** {@code @SoftDelete} needs the three archive columns the generated DAO writes. */
    private static AnnotationView checkSoftDelete(TableBinding t, AnnotationView softDelete) {
        List<String> problems = new ArrayList<>();
        Optional<BoundColumn> isArchived = t.component("isArchived");
        if (isArchived.isEmpty() || !isArchived.get().column().type().sql().equals("boolean") || isArchived.get().column().nullable()) {
            problems.add("`boolean isArchived`");
        }
        Optional<BoundColumn> archivedAt = t.component("archivedAt");
        if (archivedAt.isEmpty() || !archivedAt.get().column().nullable()
                || !archivedAt.get().column().type().sql().startsWith("timestamp")) {
            problems.add("`@Nullable Instant archivedAt`");
        }
        Optional<BoundColumn> archivedBy = t.component("archivedBy");
        if (archivedBy.isEmpty() || !archivedBy.get().column().nullable()) {
            problems.add("`@Nullable String archivedBy`");
        }
        if (!problems.isEmpty()) {
            t.error(Diagnostic.SOFT_DELETE_SHAPE.with(t.recordName(), String.join(", ", problems)), t.type, softDelete, null);
        }
        return softDelete;
    }

    /**
     * Whether a component's type or its {@code @References(table = ...)} class is still an error type
     * (generated by a later round). Runs for every table in every round; it reads the components'
     * annotations through the round's {@link RecordScan}, which the binder then reuses.
     */
    public static boolean hasUnresolvedTypes(RecordScan scan) {
        TypeElement type = scan.type();
        if (type.getKind() != ElementKind.RECORD) {
            return false;
        }
        for (RecordComponentElement component : type.getRecordComponents()) {
            if (containsError(component.asType())) {
                return true;
            }
        }
        for (RecordComponentElement component : type.getRecordComponents()) {
            Optional<AnnotationView> references = scan.component(component).get(REFERENCES);
            if (references.isPresent()) {
                TypeMirror target = new ReferencesAnnotation(references.get()).table().value();
                if (target == null || target.getKind() == TypeKind.ERROR) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsError(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return containsError(((javax.lang.model.type.ArrayType) type).getComponentType());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            return ((javax.lang.model.type.DeclaredType) type).getTypeArguments().stream().anyMatch(TableBinder::containsError);
        }
        return false;
    }
}
