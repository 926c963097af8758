package dev.sleet.processor.validate;

import dev.sleet.processor.bind.NamedObject;
import dev.sleet.processor.bind.TableDraft;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.schema.model.QualifiedName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catches names PostgreSQL would refuse as duplicates: two records for one table, two constraints
 * of one table with one name, and two relations (tables, indexes, index-backed constraints) or
 * types of one schema with one name. The later declaration is reported, naming the earlier one.
 */
public final class NameValidator {
    private final Reporter reporter;

    public NameValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    public void validate(List<TableDraft> drafts, Map<TableDraft, List<NamedObject>> foreignKeyNames,
                         List<BoundEnum> enums, Set<TableDraft> invalid) {
        Map<QualifiedName, TableDraft> tables = new HashMap<>();
        Map<QualifiedName, NamedObject> relations = new HashMap<>();
        Map<QualifiedName, BoundEnum> types = new HashMap<>();
        for (BoundEnum bound : enums) {
            types.put(bound.type().name(), bound);
        }
        for (TableDraft draft : drafts) {
            TableDraft earlier = tables.putIfAbsent(draft.name(), draft);
            if (earlier != null) {
                reporter.report(Diagnostic.DUPLICATE_TABLE.with(earlier.element().getSimpleName(), draft.element().getSimpleName(), draft.name()),
                        draft.element(),
                        draft.tableAnnotation() == null ? null : draft.tableAnnotation().view().mirror(),
                        draft.tableAnnotation() == null ? null : draft.tableAnnotation().name().source());
                invalid.add(draft);
                continue;
            }
            if (types.containsKey(draft.name())) {
                reporter.report(Diagnostic.TABLE_NAMED_LIKE_ENUM.with(draft.name(), types.get(draft.name()).element().getSimpleName()),
                        draft.element(),
                        draft.tableAnnotation() == null ? null : draft.tableAnnotation().view().mirror(), null);
                invalid.add(draft);
            }
            Map<String, NamedObject> constraints = new HashMap<>();
            List<NamedObject> all = new java.util.ArrayList<>(draft.names());
            all.addAll(foreignKeyNames.getOrDefault(draft, List.of()));
            for (NamedObject named : all) {
                if (named.constraint()) {
                    NamedObject first = constraints.putIfAbsent(named.name(), named);
                    if (first != null) {
                        duplicate(named, first, "table " + draft.name());
                        invalid.add(draft);
                        continue;
                    }
                }
                if (named.relation()) {
                    QualifiedName key = QualifiedName.of(draft.name().schema(), named.name());
                    NamedObject first = relations.putIfAbsent(key, named);
                    if (first != null) {
                        duplicate(named, first, "schema " + draft.name().schema());
                        invalid.add(draft);
                    }
                }
            }
        }
    }

    private void duplicate(NamedObject later, NamedObject first, String scope) {
        reporter.report(Diagnostic.DUPLICATE_NAME.with(later.what(), later.name(), scope, first.what(), first.element().getSimpleName()),
                later.element(), later.mirror(), later.value());
    }
}
