package dev.sleet.processor.bind;

import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.scan.views.TableAnnotation;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A table record bound on its own, before foreign keys are resolved against the other tables.
 * {@code valid} is false when an error was reported for it: it is then left out of the schema.
 */
public record TableDraft(TypeElement element, TableAnnotation tableAnnotation, QualifiedName name,
                         List<BoundColumn> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                         List<CheckConstraint> checks, List<ExclusionConstraint> exclusions, List<Index> indexes,
                         List<String> renamedFrom, boolean softDelete, List<PendingReference> references,
                         List<NamedObject> names, boolean valid) {

    public Optional<BoundColumn> column(String name) {
        return columns.stream().filter(c -> c.column().name().equals(name)).findFirst();
    }

    public Table toTable(List<ForeignKey> foreignKeys) {
        return new Table(name, columns.stream().map(BoundColumn::column).toList(), primaryKey, foreignKeys,
                uniques, checks, exclusions, indexes, renamedFrom);
    }
}
