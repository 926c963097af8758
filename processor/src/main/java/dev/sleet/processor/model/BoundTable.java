package dev.sleet.processor.model;

import dev.sleet.schema.model.Table;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Table} record as the code generators see it: the schema model of the table plus the
 * Java side of each column (component name and type), in record component order.
 */
public record BoundTable(TypeElement element, Table table, List<BoundColumn> columns, boolean softDelete) {
    public BoundTable {
        columns = List.copyOf(columns);
    }
}
