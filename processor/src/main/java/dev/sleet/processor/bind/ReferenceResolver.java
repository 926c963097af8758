package dev.sleet.processor.bind;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Turns every pending {@code @References} into a foreign key once all tables are bound. */
public final class ReferenceResolver {
    private final Reporter reporter;

    public ReferenceResolver(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Foreign keys per draft; drafts with a bad reference are added to {@code invalid}. */
    public Map<TableDraft, List<ForeignKey>> resolve(List<TableDraft> drafts, Set<TableDraft> invalid,
                                                   Map<TableDraft, List<NamedObject>> names) {
        return resolve(drafts, List.of(), invalid, names);
    }

    /**
     * As above, with {@code upstream}: tables owned elsewhere (an overlay's shared tables) that
     * references may point at; they get no foreign keys of their own here.
     */
    public Map<TableDraft, List<ForeignKey>> resolve(List<TableDraft> drafts, List<TableDraft> upstream, Set<TableDraft> invalid,
                                                   Map<TableDraft, List<NamedObject>> names) {
        Map<String, TableDraft> byType = new java.util.HashMap<>();
        for (TableDraft draft : upstream) {
            byType.put(draft.element().getQualifiedName().toString(), draft);
        }
        for (TableDraft draft : drafts) {
            byType.put(draft.element().getQualifiedName().toString(), draft);
        }
        Map<TableDraft, List<ForeignKey>> out = new IdentityHashMap<>();
        for (TableDraft draft : drafts) {
            List<ForeignKey> keys = new ArrayList<>();
            List<NamedObject> keyNames = new ArrayList<>();
            names.put(draft, keyNames);
            for (PendingReference reference : draft.references()) {
                Optional<ForeignKey> key = resolve(draft, reference, byType);
                if (key.isPresent()) {
                    keys.add(key.get());
                    keyNames.add(new NamedObject(key.get().name(), "foreign key " + key.get().name(), false, true,
                            reference.from().component(), reference.annotation().view().mirror(), reference.annotation().name().source()));
                } else if (!invalidTarget(reference, byType)) {
                    invalid.add(draft);
                }
            }
            out.put(draft, keys);
        }
        return out;
    }

    /** A reference to a table that is itself broken is silently skipped: that table's error says why. */
    private static boolean invalidTarget(PendingReference reference, Map<String, TableDraft> byType) {
        TableDraft target = target(reference, byType);
        return target != null && !target.valid();
    }

    private static TableDraft target(PendingReference reference, Map<String, TableDraft> byType) {
        TypeMirror type = reference.annotation().table().value();
        if (type == null || type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        return byType.get(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString());
    }

    private Optional<ForeignKey> resolve(TableDraft draft, PendingReference reference, Map<String, TableDraft> byType) {
        BoundColumn from = reference.from();
        String component = from.componentName();
        TableDraft target = target(reference, byType);
        if (target == null) {
            String typeName = reference.annotation().table().value() == null ? "?" : reference.annotation().table().value().toString();
            boolean isTable = reference.annotation().table().value() != null && reference.annotation().table().value().getKind() == TypeKind.DECLARED
                    && Annotated.isTable((TypeElement) ((DeclaredType) reference.annotation().table().value()).asElement());
            reporter.report((isTable ? Diagnostic.REFERENCE_TO_UNBOUND_TABLE : Diagnostic.REFERENCE_NOT_TABLE).with(component, typeName),
                    from.component(), reference.annotation().view().mirror(), reference.annotation().table().source());
            return Optional.empty();
        }
        if (!target.valid()) {
            return Optional.empty();
        }
        String referencedColumn = reference.annotation().column().value();
        if (referencedColumn.isEmpty()) {
            if (target.primaryKey() == null || target.primaryKey().columns().size() != 1) {
                reporter.report((target.primaryKey() == null ? Diagnostic.REFERENCE_TARGET_WITHOUT_KEY : Diagnostic.REFERENCE_TARGET_COMPOSITE_KEY)
                        .with(component, target.name(), target.element().getSimpleName()), from.component(), reference.annotation().view().mirror(), reference.annotation().table().source());
                return Optional.empty();
            }
            referencedColumn = target.primaryKey().columns().get(0);
        }
        Optional<BoundColumn> to = target.column(referencedColumn);
        if (to.isEmpty()) {
            reporter.report(Diagnostic.REFERENCED_COLUMN_MISSING.with(component, referencedColumn, target.name(),
                            String.join(", ", target.columns().stream().map(c -> c.column().name()).toList())),
                    from.component(), reference.annotation().view().mirror(), reference.annotation().column().source());
            return Optional.empty();
        }
        ColumnType fromType = from.column().type();
        ColumnType toType = to.get().column().type();
        if (!compatible(fromType, toType)) {
            reporter.report(Diagnostic.FOREIGN_KEY_TYPE_MISMATCH.with(from.column().name(), fromType.sql(), target.name(), referencedColumn,
                            toType.sql(), component, target.element().getSimpleName(), to.get().componentName(), to.get().javaType()),
                    from.component(), reference.annotation().view().mirror(), null);
            return Optional.empty();
        }
        if (!isKey(target, referencedColumn)) {
            reporter.report(Diagnostic.REFERENCE_NOT_A_KEY.with(component, target.name(), referencedColumn, target.element().getSimpleName()),
                    from.component(), reference.annotation().view().mirror(), reference.annotation().column().source());
            return Optional.empty();
        }
        String derived = Naming.constraintName(draft.name().name(), List.of(from.column().name()), "fkey");
        String name = reference.annotation().name().value().isEmpty() ? derived : reference.annotation().name().value();
        if (name.isBlank()) {
            reporter.report(Diagnostic.FOREIGN_KEY_NAME_BLANK.with(component, derived), from.component(), reference.annotation().view().mirror(), reference.annotation().name().source());
            return Optional.empty();
        }
        if (!Naming.fitsIdentifier(name)) {
            reporter.report(Diagnostic.FOREIGN_KEY_NAME_TOO_LONG.with(name), from.component(),
                    reference.annotation().view().mirror(), reference.annotation().name().source());
            return Optional.empty();
        }
        return Optional.of(new ForeignKey(name, List.of(from.column().name()), target.name(), List.of(referencedColumn),
                reference.annotation().onDelete().value(), reference.annotation().onUpdate().value()));
    }

    /** PostgreSQL needs a unique constraint or index over exactly the referenced column: the primary key, a @Unique or a plain unique index. */
    private static boolean isKey(TableDraft target, String column) {
        List<String> wanted = List.of(column);
        if (target.primaryKey() != null && target.primaryKey().columns().equals(wanted)) {
            return true;
        }
        if (target.uniques().stream().anyMatch(u -> u.columns().equals(wanted))) {
            return true;
        }
        return target.indexes().stream().anyMatch(i -> i.unique() && i.where() == null && i.keys().size() == 1
                && column.equals(i.keys().get(0).column()));
    }

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    /** PostgreSQL accepts foreign keys between integer widths and between text types; nothing else. */
    static boolean compatible(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from instanceof ColumnType.Builtin f && to instanceof ColumnType.Builtin t) {
            if (INTEGERS.contains(f.name()) && INTEGERS.contains(t.name())) {
                return true;
            }
            return isText(f.name()) && isText(t.name());
        }
        return false;
    }

    private static boolean isText(String type) {
        return type.equals("text") || type.startsWith("character varying");
    }
}
