package dev.sleet.processor.dao;

import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * A test-only processor standing in for the real scanner: binds the fixture records to the
 * hand-written models of {@link DaoFixtures} (components and columns in the same order) and calls
 * {@link DaoGenerator}, exactly as SleetProcessor does once per table.
 */
final class DaoTestProcessor extends AbstractProcessor {
    private final Map<String, Table> tables;
    private boolean done;

    DaoTestProcessor(Map<String, Table> tables) {
        this.tables = tables;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done) {
            return false;
        }
        done = true;
        DaoGenerator generator = new DaoGenerator(processingEnv);
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            TypeElement record = processingEnv.getElementUtils().getTypeElement(entry.getKey());
            if (record == null) {
                continue;
            }
            generator.generate(bind(record, entry.getValue()), DaoFixtures.schema());
        }
        return false;
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
