package dev.sleet.processor.dao;

import dev.sleet.processor.FirstRoundProcessor;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * A test-only processor standing in for the real scanner: binds the fixture records to the
 * hand-written models of {@link DaoFixtures} (components and columns in the same order) and calls
 * {@link DaoGenerator}, exactly as SleetProcessor does once per table.
 */
final class DaoTestProcessor extends FirstRoundProcessor {
    private final Map<String, Table> tables;

    DaoTestProcessor(Map<String, Table> tables) {
        this.tables = tables;
    }

    @Override
    protected void firstRound(RoundEnvironment round) {
        DaoGenerator generator = new DaoGenerator(processingEnv);
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            TypeElement record = processingEnv.getElementUtils().getTypeElement(entry.getKey());
            if (record == null) {
                continue;
            }
            generator.generate(bind(record, entry.getValue()), DaoFixtures.schema());
        }
    }

    private BoundTable bind(TypeElement record, Table table) {
        List<BoundColumn> columns = new ArrayList<>();
        List<? extends RecordComponentElement> components = record.getRecordComponents();
        for (int i = 0; i < components.size(); i++) {
            RecordComponentElement component = components.get(i);
            BoundEnum enumBinding = null;
            if (component.asType() instanceof DeclaredType declared
                    && declared.asElement().getKind() == ElementKind.ENUM) {
                enumBinding = new BoundEnum((TypeElement) declared.asElement(), DaoFixtures.EVENT_STATUS_TYPE,
                        DaoFixtures.EVENT_STATUS_LABELS);
            }
            columns.add(new BoundColumn(component, component.asType(), table.columns().get(i), enumBinding));
        }
        boolean softDelete = record.getAnnotationMirrors().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("dev.sleet.annotations.SoftDelete"));
        return new BoundTable(record, table, columns, softDelete);
    }
}
