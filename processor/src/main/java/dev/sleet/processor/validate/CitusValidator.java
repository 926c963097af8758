package dev.sleet.processor.validate;

import dev.sleet.processor.bind.NamedObject;
import dev.sleet.processor.bind.TableDraft;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.scan.views.Attr;
import dev.sleet.processor.scan.views.TableAnnotation;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.Distribution;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Citus's rules, checked at compile time so that a migration never fails on the coordinator:
 * {@code @Table(distributeBy, colocateWith, reference)} must make sense (E060); every key, unique
 * constraint or index and exclusion of a distributed table includes the distribution column, with
 * {@code =} in an exclusion (E061); foreign keys go only where Citus can check them (E062); every
 * constraint of a Citus table is named explicitly (E063). A table with an error is left out of the
 * schema, like any other table with an error.
 *
 * <p>Co-location follows Citus's default: tables distributed by columns of the same type share a
 * colocation group, and {@code colocateWith} (which Citus accepts only between such tables) names
 * the group's table explicitly.
 */
public final class CitusValidator {
    private final Reporter reporter;

    public CitusValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * The Citus placement of each valid table that has one; tables with a Citus error are added to
     * {@code invalid}. {@code foreignKeys} and {@code foreignKeyNames} are the resolver's, per table.
     */
    public Map<TableDraft, Distribution> validate(List<TableDraft> drafts, Map<TableDraft, List<ForeignKey>> foreignKeys,
                                                  Map<TableDraft, List<NamedObject>> foreignKeyNames, Set<TableDraft> invalid) {
        Map<TableDraft, Distribution> placements = new IdentityHashMap<>();
        Map<TableDraft, TypeMirror> colocateTypes = new IdentityHashMap<>();
        for (TableDraft draft : drafts) {
            placement(draft, colocateTypes, invalid).ifPresent(d -> placements.put(draft, d));
        }
        if (placements.isEmpty()) {
            return placements;
        }
        Map<String, TableDraft> byType = new HashMap<>();
        Map<QualifiedName, TableDraft> byName = new HashMap<>();
        for (TableDraft draft : drafts) {
            byType.put(draft.element().getQualifiedName().toString(), draft);
            byName.put(draft.name(), draft);
        }
        colocations(placements, colocateTypes, byType, invalid);
        for (Map.Entry<TableDraft, Distribution> e : placements.entrySet()) {
            TableDraft draft = e.getKey();
            if (e.getValue() instanceof Distribution.Distributed d) {
                keysIncludeColumn(draft, d.column(), invalid);
            }
            namedConstraints(draft, foreignKeyNames.getOrDefault(draft, List.of()), invalid);
        }
        for (TableDraft draft : drafts) {
            List<ForeignKey> keys = foreignKeys.getOrDefault(draft, List.of());
            for (ForeignKey fk : keys) {
                TableDraft target = byName.get(fk.referencedTable());
                if (target != null) {
                    foreignKey(draft, fk, target, placements, foreignKeyNames.getOrDefault(draft, List.of()), invalid);
                }
            }
        }
        placements.keySet().removeIf(invalid::contains);
        return placements;
    }

    /** The placement @Table asks for, before co-location is resolved; empty for a plain table or an error. */
    private Optional<Distribution> placement(TableDraft draft, Map<TableDraft, TypeMirror> colocateTypes, Set<TableDraft> invalid) {
        TableAnnotation table = draft.tableAnnotation();
        if (table == null || !table.isSleetTable()) {
            return Optional.empty();
        }
        Attr<String> distributeBy = table.distributeBy();
        Attr<Boolean> reference = table.reference();
        Attr<TypeMirror> colocateWith = table.colocateWith();
        boolean colocates = colocateWith.value() != null && colocateWith.value().getKind() != TypeKind.VOID;
        String record = draft.element().getSimpleName().toString();
        if (distributeBy.written() && distributeBy.value().isBlank()) {
            return error(draft, table, distributeBy.source(), Diagnostic.CITUS_DISTRIBUTE_BY_BLANK.with(record), invalid);
        }
        String column = distributeBy.value().strip();
        if (reference.value() && !column.isEmpty()) {
            return error(draft, table, reference.source(), Diagnostic.CITUS_REFERENCE_AND_DISTRIBUTED.with(record, column), invalid);
        }
        if (colocates && column.isEmpty()) {
            return error(draft, table, colocateWith.source(),
                    Diagnostic.CITUS_COLOCATE_WITHOUT_DISTRIBUTE.with(record, simpleName(colocateWith.value())), invalid);
        }
        if (reference.value()) {
            return Optional.of(new Distribution.Reference());
        }
        if (column.isEmpty()) {
            return Optional.empty();
        }
        if (draft.column(column).isEmpty()) {
            String known = draft.columns().stream().map(c -> c.column().name()).collect(Collectors.joining(", "));
            return error(draft, table, distributeBy.source(), Diagnostic.CITUS_DISTRIBUTE_BY_UNKNOWN.with(column, record, draft.name(), known),
                    invalid);
        }
        if (colocates) {
            colocateTypes.put(draft, colocateWith.value());
        }
        return Optional.of(new Distribution.Distributed(column, null));
    }

    /** Resolves each {@code colocateWith} to its table: it must be distributed, by a column of the same type. */
    private void colocations(Map<TableDraft, Distribution> placements, Map<TableDraft, TypeMirror> colocateTypes,
                             Map<String, TableDraft> byType, Set<TableDraft> invalid) {
        for (Map.Entry<TableDraft, TypeMirror> e : colocateTypes.entrySet()) {
            TableDraft draft = e.getKey();
            TableAnnotation table = draft.tableAnnotation();
            AnnotationValue source = table.colocateWith().source();
            String record = draft.element().getSimpleName().toString();
            TableDraft target = e.getValue().getKind() == TypeKind.DECLARED
                    ? byType.get(((TypeElement) ((DeclaredType) e.getValue()).asElement()).getQualifiedName().toString())
                    : null;
            String targetName = simpleName(e.getValue());
            if (target == null || target == draft || !(placements.get(target) instanceof Distribution.Distributed targetPlacement)) {
                String why = target == null ? "is not a @Table record"
                        : target == draft ? "is the table itself"
                        : placements.get(target) instanceof Distribution.Reference ? "is a reference table"
                        : invalid.contains(target) ? "has errors of its own" : "is a plain (not distributed) table";
                if (target == null || !invalid.contains(target)) {
                    error(draft, table, source, Diagnostic.CITUS_COLOCATE_NOT_DISTRIBUTED.with(record, targetName, why), invalid);
                } else {
                    invalid.add(draft);
                }
                continue;
            }
            Distribution.Distributed own = (Distribution.Distributed) placements.get(draft);
            ColumnType ownType = columnType(draft, own.column());
            ColumnType targetType = columnType(target, targetPlacement.column());
            if (!ownType.equals(targetType)) {
                error(draft, table, source, Diagnostic.CITUS_COLOCATE_TYPE_MISMATCH.with(record, own.column(), ownType.sql(), targetName,
                        targetPlacement.column(), targetType.sql()), invalid);
                continue;
            }
            placements.put(draft, new Distribution.Distributed(own.column(), target.name()));
        }
    }

    /** Citus enforces keys, unique indexes and exclusions shard by shard: each must hold the distribution column. */
    private void keysIncludeColumn(TableDraft draft, String column, Set<TableDraft> invalid) {
        if (draft.primaryKey() != null && !draft.primaryKey().columns().contains(column)) {
            TableAnnotation table = draft.tableAnnotation();
            error(draft, table, table.distributeBy().source(), Diagnostic.CITUS_PRIMARY_KEY_WITHOUT_COLUMN.with(
                    String.join(", ", draft.primaryKey().columns()), draft.name(), column), invalid);
        }
        for (UniqueConstraint unique : draft.uniques()) {
            if (!unique.columns().contains(column)) {
                reportAt(draft, named(draft, unique.name()), Diagnostic.CITUS_UNIQUE_WITHOUT_COLUMN.with("unique constraint", unique.name(),
                        String.join(", ", unique.columns()), draft.name(), column), invalid);
            }
        }
        for (Index index : draft.indexes()) {
            if (index.unique() && index.keys().stream().noneMatch(k -> column.equals(k.column()))) {
                String keys = index.keys().stream().map(k -> k.column() != null ? k.column() : k.expression()).collect(Collectors.joining(", "));
                reportAt(draft, named(draft, index.name()), Diagnostic.CITUS_UNIQUE_WITHOUT_COLUMN.with("unique index", index.name(), keys,
                        draft.name(), column), invalid);
            }
        }
        for (ExclusionConstraint exclusion : draft.exclusions()) {
            boolean byColumn = exclusion.elements().stream()
                    .anyMatch(e -> column.equals(e.column()) && "=".equals(e.operator().strip()));
            if (!byColumn) {
                reportAt(draft, named(draft, exclusion.name()), Diagnostic.CITUS_EXCLUSION_WITHOUT_COLUMN.with(exclusion.name(), draft.name(),
                        column), invalid);
            }
        }
    }

    /** Every constraint but the primary key (whose name comes from the table) must carry name = "...". */
    private void namedConstraints(TableDraft draft, List<NamedObject> foreignKeyNames, Set<TableDraft> invalid) {
        String primaryKey = draft.primaryKey() == null ? null : draft.primaryKey().name();
        for (NamedObject named : draft.names()) {
            if (named.constraint() && named.value() == null && !named.name().equals(primaryKey)) {
                reportAt(draft, named, Diagnostic.CITUS_UNNAMED_CONSTRAINT.with(capitalised(named.what()), draft.name(), named.name()), invalid);
            }
        }
        for (NamedObject named : foreignKeyNames) {
            if (named.value() == null) {
                reportAt(draft, named, Diagnostic.CITUS_UNNAMED_CONSTRAINT.with(capitalised(named.what()), draft.name(), named.name()), invalid);
            }
        }
    }

    private void foreignKey(TableDraft from, ForeignKey fk, TableDraft to, Map<TableDraft, Distribution> placements,
                            List<NamedObject> foreignKeyNames, Set<TableDraft> invalid) {
        Distribution source = placements.get(from);
        Distribution target = placements.get(to);
        if (source == null && target == null || target instanceof Distribution.Reference && source != null) {
            return; // plain to plain, or a Citus table to a reference table: both fine
        }
        NamedObject at = foreignKeyNames.stream().filter(n -> n.name().equals(fk.name())).findFirst().orElse(null);
        Message problem;
        if (source == null) {
            if (target instanceof Distribution.Reference) {
                return; // a local table may reference a reference table
            }
            problem = Diagnostic.CITUS_FOREIGN_KEY_PLAIN_TO_DISTRIBUTED.with(fk.name(), from.name(), to.name());
        } else if (target == null) {
            problem = Diagnostic.CITUS_FOREIGN_KEY_TO_PLAIN.with(fk.name(), from.name(), to.name());
        } else if (source instanceof Distribution.Reference) {
            problem = Diagnostic.CITUS_FOREIGN_KEY_REFERENCE_TO_DISTRIBUTED.with(fk.name(), from.name(), to.name());
        } else {
            Distribution.Distributed s = (Distribution.Distributed) source;
            Distribution.Distributed t = (Distribution.Distributed) target;
            ColumnType sourceType = columnType(from, s.column());
            ColumnType targetType = columnType(to, t.column());
            if (!sourceType.equals(targetType)) {
                problem = Diagnostic.CITUS_FOREIGN_KEY_NOT_COLOCATED.with(fk.name(), from.name(), to.name(), s.column(), sourceType.sql(),
                        t.column(), targetType.sql());
            } else {
                int position = fk.columns().indexOf(s.column());
                if (position >= 0 && t.column().equals(fk.referencedColumns().get(position))) {
                    return;
                }
                problem = Diagnostic.CITUS_FOREIGN_KEY_OFF_DISTRIBUTION_COLUMN.with(fk.name(), from.name(), String.join(", ", fk.columns()),
                        to.name(), String.join(", ", fk.referencedColumns()), s.column(), t.column());
            }
        }
        reportAt(from, at, problem, invalid);
    }

    private static ColumnType columnType(TableDraft draft, String column) {
        return draft.column(column).map(BoundColumn::column).orElseThrow().type();
    }

    private static NamedObject named(TableDraft draft, String name) {
        return draft.names().stream().filter(n -> n.name().equals(name) && !n.what().startsWith("table ")).findFirst().orElse(null);
    }

    private void reportAt(TableDraft draft, NamedObject at, Message message, Set<TableDraft> invalid) {
        if (at == null) {
            reporter.report(message, draft.element());
        } else {
            Element element = at.element() == null ? draft.element() : at.element();
            reporter.report(message, element, at.mirror(), at.value());
        }
        invalid.add(draft);
    }

    private <T> Optional<T> error(TableDraft draft, TableAnnotation table, AnnotationValue value, Message message, Set<TableDraft> invalid) {
        reporter.report(message, draft.element(), table.view().mirror(), value);
        invalid.add(draft);
        return Optional.empty();
    }

    private static String simpleName(TypeMirror type) {
        if (type instanceof DeclaredType declared) {
            return declared.asElement().getSimpleName().toString();
        }
        return String.valueOf(type);
    }

    private static String capitalised(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
