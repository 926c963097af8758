package dev.sleet.processor.bind;

import static dev.sleet.processor.scan.AnnotationNames.CHECK;
import static dev.sleet.processor.scan.AnnotationNames.CHECK_LIST;
import static dev.sleet.processor.scan.AnnotationNames.COLUMN;
import static dev.sleet.processor.scan.AnnotationNames.DEFAULT;
import static dev.sleet.processor.scan.AnnotationNames.DEFAULT_NOW;
import static dev.sleet.processor.scan.AnnotationNames.EXCLUSION;
import static dev.sleet.processor.scan.AnnotationNames.EXCLUSION_LIST;
import static dev.sleet.processor.scan.AnnotationNames.ID;
import static dev.sleet.processor.scan.AnnotationNames.IDENTITY;
import static dev.sleet.processor.scan.AnnotationNames.INDEX;
import static dev.sleet.processor.scan.AnnotationNames.INDEX_LIST;
import static dev.sleet.processor.scan.AnnotationNames.JPA_COLUMN;
import static dev.sleet.processor.scan.AnnotationNames.JPA_ENTITY;
import static dev.sleet.processor.scan.AnnotationNames.JPA_ENUMERATED;
import static dev.sleet.processor.scan.AnnotationNames.JPA_GENERATED_VALUE;
import static dev.sleet.processor.scan.AnnotationNames.JPA_ID;
import static dev.sleet.processor.scan.AnnotationNames.JPA_TABLE;
import static dev.sleet.processor.scan.AnnotationNames.NULLABLE_SIMPLE_NAME;
import static dev.sleet.processor.scan.AnnotationNames.REFERENCES;
import static dev.sleet.processor.scan.AnnotationNames.RENAMED_FROM;
import static dev.sleet.processor.scan.AnnotationNames.SOFT_DELETE;
import static dev.sleet.processor.scan.AnnotationNames.TABLE;
import static dev.sleet.processor.scan.AnnotationNames.UNIQUE;
import static dev.sleet.processor.scan.AnnotationNames.UNIQUE_LIST;

import dev.sleet.processor.bind.JavaTypeMapping.Category;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Binds one table record to the schema model: table name, columns, keys, indexes and constraints,
 * reporting every annotation mistake where it was written. Foreign keys are left pending until
 * all tables are bound ({@link ReferenceResolver}).
 */
public final class TableBinder {
    private final Elements elements;
    private final Reporter reporter;
    private final EnumBinder enums;

    public TableBinder(Elements elements, Reporter reporter, EnumBinder enums) {
        this.elements = elements;
        this.reporter = reporter;
        this.enums = enums;
    }

    /** The draft, or empty when the element is not a record at all (reported). */
    public Optional<TableDraft> bind(TypeElement type) {
        return Optional.ofNullable(new Binding(type).run());
    }

    /** The state of binding one record; {@code valid} drops to false with the first error. */
    private final class Binding {
        private final TypeElement type;
        private final Annotated annotations;
        private final AnnotationView tableAnnotation;
        private boolean valid = true;
        private String tableName;
        private final List<BoundColumn> columns = new ArrayList<>();
        private final Map<String, BoundColumn> columnsByName = new LinkedHashMap<>();
        private final List<String> primaryKeyColumns = new ArrayList<>();
        private final List<UniqueConstraint> uniques = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();
        private final List<ExclusionConstraint> exclusions = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<PendingReference> references = new ArrayList<>();
        private final List<NamedObject> names = new ArrayList<>();

        Binding(TypeElement type) {
            this.type = type;
            this.annotations = Annotated.of(type, elements);
            this.tableAnnotation = annotations.get(TABLE)
                    .or(() -> annotations.get(JPA_TABLE))
                    .or(() -> annotations.get(JPA_ENTITY))
                    .orElse(null);
        }

        private void error(Message message, Element element, AnnotationView annotation, AnnotationValue value) {
            reporter.report(message, element, annotation == null ? null : annotation.mirror(), value);
            valid = false;
        }

        private void error(Message message, Element element, AnnotationMirror mirror, AnnotationValue value) {
            reporter.report(message, element, mirror, value);
            valid = false;
        }

        private String recordName() {
            return type.getSimpleName().toString();
        }

        TableDraft run() {
            if (type.getKind() != ElementKind.RECORD) {
                error(Diagnostic.TABLE_NOT_RECORD.with(recordName(), type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')),
                        type, tableAnnotation, null);
                return null;
            }
            String schema = QualifiedName.DEFAULT_SCHEMA;
            tableName = Naming.snakeCase(recordName());
            if (tableAnnotation != null && !tableAnnotation.typeName().equals(JPA_ENTITY)) {
                if (!tableAnnotation.string("name").isEmpty()) {
                    tableName = identifier(tableAnnotation.string("name"), "table name", tableAnnotation, "name", type);
                }
                if (!tableAnnotation.string("schema").isEmpty()) {
                    schema = identifier(tableAnnotation.string("schema"), "schema name", tableAnnotation, "schema", type);
                }
            }
            checkLength(tableName, "table name", type, tableAnnotation, tableAnnotation == null ? null : tableAnnotation.value("name"), "@Table(name = \"...\")");
            checkLength(schema, "schema name", type, tableAnnotation, tableAnnotation == null ? null : tableAnnotation.value("schema"), "@Table(schema = \"...\")");
            QualifiedName name = QualifiedName.of(schema, tableName);
            names.add(new NamedObject(tableName, "table " + name, true, false, type, mirror(tableAnnotation), null));

            List<? extends RecordComponentElement> components = type.getRecordComponents();
            if (components.isEmpty()) {
                error(Diagnostic.NO_COMPONENTS.with(recordName(), name), type, tableAnnotation, null);
            }
            // Indexed once per record: each component's field was otherwise found by scanning every member.
            Map<String, Element> fields = Annotated.fieldsByName(type);
            for (RecordComponentElement component : components) {
                bindColumn(component, fields);
            }
            PrimaryKey primaryKey = null;
            if (!primaryKeyColumns.isEmpty()) {
                primaryKey = new PrimaryKey(Naming.primaryKeyName(tableName), primaryKeyColumns);
                checkLength(primaryKey.name(), "primary key name", type, tableAnnotation, null, "a shorter table name");
                names.add(new NamedObject(primaryKey.name(), "the primary key of " + name, true, true, type, mirror(tableAnnotation), null));
            }
            for (AnnotationView index : annotations.repeatable(INDEX, INDEX_LIST)) {
                bindIndex(index);
            }
            for (AnnotationView unique : annotations.repeatable(UNIQUE, UNIQUE_LIST)) {
                bindUnique(unique);
            }
            bindChecks(annotations.repeatable(CHECK, CHECK_LIST));
            for (AnnotationView exclusion : annotations.repeatable(EXCLUSION, EXCLUSION_LIST)) {
                bindExclusion(exclusion);
            }
            annotations.get(JPA_TABLE).ifPresent(this::bindJakartaTableExtras);
            boolean softDelete = annotations.get(SOFT_DELETE).map(this::checkSoftDelete).isPresent();
            List<String> renamedFrom = annotations.get(RENAMED_FROM).map(r -> r.strings("value")).orElse(List.of());
            if (valid && primaryKey == null && !components.isEmpty()) {
                reporter.report(Diagnostic.NO_PRIMARY_KEY.with(name), type, mirror(tableAnnotation));
            }
            return new TableDraft(type, tableAnnotation, name, columns, primaryKey, uniques, checks, exclusions, indexes,
                    renamedFrom, softDelete, references, names, valid);
        }

        private AnnotationMirror mirror(AnnotationView view) {
            return view == null ? null : view.mirror();
        }

        /** An explicit name attribute: refused when blank. */
        private String identifier(String value, String what, AnnotationView annotation, String attribute, Element element) {
            if (value.isBlank()) {
                error(Diagnostic.NAME_BLANK.with(what), element, annotation, annotation.value(attribute));
            }
            return value;
        }

        /** Names longer than 63 bytes are refused, never truncated (PostgreSQL would cut them silently). */
        private boolean checkLength(String name, String what, Element element, AnnotationView annotation, AnnotationValue value, String fix) {
            if (Naming.fitsIdentifier(name)) {
                return true;
            }
            error(Diagnostic.NAME_TOO_LONG.with(what, name, name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, fix),
                    element, annotation, value);
            return false;
        }

        private void bindColumn(RecordComponentElement component, Map<String, Element> fieldsOfRecord) {
            Annotated a = Annotated.ofComponent(component, fieldsOfRecord, elements);
            Optional<AnnotationView> column = a.get(COLUMN);
            Optional<AnnotationView> jpaColumn = a.get(JPA_COLUMN);
            String componentName = component.getSimpleName().toString();
            String name = Naming.snakeCase(componentName);
            AnnotationView nameSource = null;
            if (column.isPresent() && !column.get().string("name").isEmpty()) {
                nameSource = column.get();
            } else if (jpaColumn.isPresent() && !jpaColumn.get().string("name").isEmpty()) {
                nameSource = jpaColumn.get();
            }
            if (nameSource != null) {
                name = identifier(nameSource.string("name"), "column name", nameSource, "name", component);
            }
            checkLength(name, "column name", component, nameSource, nameSource == null ? null : nameSource.value("name"),
                    "@Column(name = \"...\")");
            if (columnsByName.containsKey(name)) {
                error(Diagnostic.DUPLICATE_COLUMN.with(componentName, name, columnsByName.get(name).componentName()), component, nameSource, nameSource == null ? null : nameSource.value("name"));
                return;
            }
            TypeMirror javaType = component.asType();
            boolean primitive = javaType.getKind().isPrimitive();
            JavaTypeMapping mapping = TypeMapper.map(javaType).orElse(null);

            // Type
            ColumnType columnType;
            BoundEnum enumBinding = null;
            String explicitType = column.map(c -> c.string("type")).orElse("");
            AnnotationView explicitTypeSource = column.orElse(null);
            String explicitTypeAttribute = "type";
            if (explicitType.isEmpty() && jpaColumn.isPresent() && !jpaColumn.get().string("columnDefinition").isEmpty()) {
                explicitType = jpaColumn.get().string("columnDefinition");
                explicitTypeSource = jpaColumn.get();
                explicitTypeAttribute = "columnDefinition";
            }
            if (explicitTypeSource != null && explicitTypeSource.isExplicit(explicitTypeAttribute) && explicitType.isBlank()) {
                error(Diagnostic.COLUMN_TYPE_BLANK.with(componentName), component, explicitTypeSource, explicitTypeSource.value(explicitTypeAttribute));
                return;
            }
            if (!explicitType.isBlank()) {
                columnType = ColumnType.builtin(explicitType);
                if (mapping != null && mapping.isEnum()) {
                    enumBinding = enums.asText(mapping.enumElement());
                }
            } else if (mapping == null) {
                error(Diagnostic.UNSUPPORTED_TYPE.with(componentName, javaType), component, (AnnotationMirror) null, null);
                return;
            } else if (mapping.isEnum()) {
                TypeElement enumType = mapping.enumElement();
                Optional<AnnotationView> enumerated = a.get(JPA_ENUMERATED);
                if (enums.hasPgEnum(enumType)) {
                    Optional<BoundEnum> bound = enums.pgEnum(enumType);
                    if (bound.isEmpty()) {
                        valid = false; // the enum's own error is already reported on the enum
                        return;
                    }
                    enumBinding = bound.get();
                    columnType = new ColumnType.EnumRef(enumBinding.type().name(), mapping.array());
                } else if (enumerated.isPresent() && enumerated.get().enumConstant("value").equals("STRING")) {
                    enumBinding = enums.asText(enumType);
                    columnType = ColumnType.builtin(mapping.array() ? "text[]" : "text");
                } else {
                    error(Diagnostic.ENUMERATED_ORDINAL.with(componentName, enumType.getSimpleName()), component, enumerated.map(AnnotationView::mirror).orElse(null), enumerated.map(e -> e.value("value")).orElse(null));
                    return;
                }
            } else {
                columnType = builtinType(component, mapping, column, jpaColumn);
                if (columnType == null) {
                    return;
                }
            }

            // Nullability
            Optional<AnnotationView> nullableAnnotation = a.bySimpleName(NULLABLE_SIMPLE_NAME);
            boolean nullable = false;
            if (nullableAnnotation.isPresent()) {
                if (primitive) {
                    error(Diagnostic.NULLABLE_PRIMITIVE.with(componentName, javaType), component, nullableAnnotation.get(), null);
                    return;
                }
                nullable = true;
            } else if (jpaColumn.isPresent() && jpaColumn.get().isExplicit("nullable")) {
                nullable = jpaColumn.get().bool("nullable") && !primitive;
            }

            boolean id = a.has(ID) || a.has(JPA_ID);
            if (id && nullable) {
                error(Diagnostic.NULLABLE_KEY.with(componentName), component, nullableAnnotation.orElse(jpaColumn.orElse(null)), null);
                return;
            }

            // Identity and defaults
            IdentityKind identity = null;
            String defaultExpression = null;
            Optional<AnnotationView> identityAnnotation = a.get(IDENTITY);
            Optional<AnnotationView> generated = a.get(JPA_GENERATED_VALUE);
            AnnotationView identitySource = identityAnnotation.or(() -> generated).orElse(null);
            if (identityAnnotation.isPresent()) {
                identity = identityAnnotation.get().bool("always") ? IdentityKind.ALWAYS : IdentityKind.BY_DEFAULT;
            } else if (generated.isPresent()) {
                String strategy = generated.get().enumConstant("strategy");
                if (mapping != null && mapping.category() == Category.UUID && !mapping.array()) {
                    defaultExpression = "gen_random_uuid()";
                } else if (strategy.isEmpty() || strategy.equals("IDENTITY") || strategy.equals("AUTO")) {
                    identity = IdentityKind.BY_DEFAULT;
                } else {
                    error(Diagnostic.GENERATION_STRATEGY.with(strategy, componentName), component,
                            generated.get(), generated.get().value("strategy"));
                    return;
                }
            }
            if (identity != null) {
                boolean integer = mapping != null && mapping.category() == Category.INTEGER && !mapping.array() && explicitType.isBlank();
                if (!integer) {
                    error(Diagnostic.IDENTITY_NOT_INTEGER.with(componentName, javaType, identitySource.simpleName()), component, identitySource, null);
                    return;
                }
                if (nullable) {
                    error(Diagnostic.NULLABLE_IDENTITY.with(componentName), component, nullableAnnotation.orElse(null), null);
                    return;
                }
            }
            Optional<AnnotationView> defaultAnnotation = a.get(DEFAULT);
            Optional<AnnotationView> defaultNow = a.get(DEFAULT_NOW);
            if (defaultAnnotation.isPresent() && defaultNow.isPresent()) {
                error(Diagnostic.DEFAULT_AND_DEFAULT_NOW.with(componentName), component, defaultNow.get(), null);
                return;
            }
            if (defaultAnnotation.isPresent()) {
                String sql = defaultAnnotation.get().string("value");
                if (sql.isBlank()) {
                    error(Diagnostic.DEFAULT_BLANK.with(componentName), component, defaultAnnotation.get(), defaultAnnotation.get().value("value"));
                    return;
                }
                defaultExpression = sql.strip();
            }
            if (defaultNow.isPresent()) {
                boolean temporal = mapping != null && !mapping.array()
                        && (mapping.category() == Category.TIMESTAMP || mapping.category() == Category.DATE_OR_TIME);
                if (!temporal && explicitType.isBlank()) {
                    error(Diagnostic.DEFAULT_NOW_NOT_TEMPORAL.with(componentName, javaType), component, defaultNow.get(), null);
                    return;
                }
                defaultExpression = "now()";
            }
            if (identity != null && defaultExpression != null) {
                AnnotationView culprit = defaultAnnotation.or(() -> defaultNow).orElse(identitySource);
                error(Diagnostic.IDENTITY_WITH_DEFAULT.with(componentName, culprit.simpleName(), identitySource.simpleName()), component, culprit, null);
                return;
            }

            List<String> renamedFrom = a.get(RENAMED_FROM).map(r -> r.strings("value")).orElse(List.of());
            Column model = new Column(name, columnType, nullable, defaultExpression, identity, renamedFrom);
            BoundColumn bound = new BoundColumn(component, javaType, model, enumBinding);
            columns.add(bound);
            columnsByName.put(name, bound);
            if (id) {
                primaryKeyColumns.add(name);
            }
            if (jpaColumn.isPresent() && jpaColumn.get().bool("unique")) {
                String uniqueName = Naming.constraintName(tableName, List.of(name), "key");
                if (checkLength(uniqueName, "unique constraint name", component, jpaColumn.get(), jpaColumn.get().value("unique"),
                        "a @Table(uniqueConstraints = @UniqueConstraint(name = \"...\"))")) {
                    uniques.add(new UniqueConstraint(uniqueName, List.of(name), false));
                    names.add(new NamedObject(uniqueName, "unique constraint " + uniqueName, true, true, component, jpaColumn.get().mirror(), null));
                }
            }
            a.get(REFERENCES).ifPresent(r -> references.add(new PendingReference(bound, r, r.type("table"), r.string("column"),
                    action(r.enumConstant("onDelete")), action(r.enumConstant("onUpdate")), r.string("name"))));
        }

        private ColumnType builtinType(RecordComponentElement component, JavaTypeMapping mapping,
                                       Optional<AnnotationView> column, Optional<AnnotationView> jpaColumn) {
            String componentName = component.getSimpleName().toString();
            String base = mapping.builtin();
            AnnotationView lengthSource = column.filter(c -> c.isExplicit("length")).orElse(jpaColumn.filter(c -> c.isExplicit("length")).orElse(null));
            if (lengthSource != null) {
                int length = lengthSource.integer("length");
                if (mapping.category() != Category.STRING) {
                    error(Diagnostic.LENGTH_NOT_STRING.with(componentName, component.asType()), component, lengthSource, lengthSource.value("length"));
                    return null;
                }
                if (length < 0) {
                    error(Diagnostic.LENGTH_NEGATIVE.with(length, componentName), component, lengthSource, lengthSource.value("length"));
                    return null;
                }
                if (length > 0) {
                    base = "character varying(" + length + ")";
                }
            }
            AnnotationView precisionSource = column.filter(c -> c.isExplicit("precision") || c.isExplicit("scale"))
                    .orElse(jpaColumn.filter(c -> c.isExplicit("precision") || c.isExplicit("scale")).orElse(null));
            if (precisionSource != null) {
                int precision = precisionSource.integer("precision");
                int scale = precisionSource.integer("scale");
                AnnotationValue culprit = precisionSource.isExplicit("precision") ? precisionSource.value("precision") : precisionSource.value("scale");
                if (mapping.category() != Category.DECIMAL) {
                    error(Diagnostic.PRECISION_NOT_DECIMAL.with(componentName, component.asType()), component, precisionSource, culprit);
                    return null;
                }
                if (precision < 0 || scale < 0 || (precision == 0 && scale > 0) || scale > precision || precision > 1000) {
                    error(Diagnostic.PRECISION_INVALID.with(precision, scale, componentName), component, precisionSource, culprit);
                    return null;
                }
                if (precision > 0) {
                    base = "numeric(" + precision + "," + scale + ")";
                }
            }
            return ColumnType.builtin(mapping.array() ? base + "[]" : base);
        }

        private ReferentialAction action(String constant) {
            return constant.isEmpty() ? ReferentialAction.NO_ACTION : ReferentialAction.valueOf(constant);
        }

        /** Checks a column named by an index or constraint; reports and returns false when the table has no such column. */
        private boolean knownColumn(String column, String where, AnnotationView annotation, AnnotationValue value) {
            if (columnsByName.containsKey(column)) {
                return true;
            }
            String known = String.join(", ", columnsByName.keySet());
            Optional<BoundColumn> byComponent = columns.stream().filter(c -> c.componentName().equals(column)).findFirst();
            error(byComponent.isPresent()
                            ? Diagnostic.UNKNOWN_COLUMN_COMPONENT_NAME.with(where, column, tableName, byComponent.get().column().name(), known)
                            : Diagnostic.UNKNOWN_COLUMN.with(where, column, tableName, known),
                    type, annotation, value);
            return false;
        }

        private String objectName(AnnotationView annotation, String derived, String what) {
            String explicit = annotation.string("name");
            String name = explicit.isEmpty() ? derived : identifier(explicit, what, annotation, "name", type);
            checkLength(name, explicit.isEmpty() ? "derived " + what : what, type, annotation, annotation.value("name"),
                    "name = \"...\"");
            return name;
        }

        private void bindIndex(AnnotationView index) {
            List<AnnotationValue> columnValues = index.list("columns");
            List<AnnotationValue> expressionValues = index.list("expressions");
            if (columnValues.isEmpty() && expressionValues.isEmpty()) {
                error(Diagnostic.INDEX_WITHOUT_KEYS.with(recordName()), type, index, null);
                return;
            }
            List<AnnotationValue> orders = index.list("order");
            if (orders.size() > columnValues.size() + expressionValues.size()) {
                error(Diagnostic.ORDER_MISMATCH.with(recordName(), orders.size(), columnValues.size() + expressionValues.size()), type, index, index.value("order"));
                return;
            }
            List<IndexKey> keys = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            boolean ok = true;
            int position = 0;
            for (AnnotationValue value : columnValues) {
                String column = String.valueOf(value.getValue());
                ok &= knownColumn(column, "@Index on " + recordName(), index, value);
                keys.add(new IndexKey(column, null, order(orders, position++)));
                tokens.add(column);
            }
            for (AnnotationValue value : expressionValues) {
                String expression = String.valueOf(value.getValue());
                if (expression.isBlank()) {
                    error(Diagnostic.INDEX_EXPRESSION_BLANK.with(recordName()), type, index, value);
                    ok = false;
                    continue;
                }
                keys.add(new IndexKey(null, expression.strip(), order(orders, position++)));
                tokens.add(Naming.expressionToken(expression));
            }
            String name = objectName(index, Naming.indexName(tableName, tokens), "index name");
            if (!ok) {
                return;
            }
            indexes.add(new Index(name, keys, index.bool("unique"), IndexMethod.valueOf(orDefault(index.enumConstant("using"), "BTREE")),
                    blankToNull(index.string("where"))));
            names.add(new NamedObject(name, "index " + name, true, false, type, index.mirror(), index.value("name")));
        }

        private SortOrder order(List<AnnotationValue> orders, int position) {
            if (position >= orders.size()) {
                return SortOrder.ASC;
            }
            Object constant = orders.get(position).getValue();
            return SortOrder.valueOf(((Element) constant).getSimpleName().toString());
        }

        private void bindUnique(AnnotationView unique) {
            List<AnnotationValue> values = unique.list("columns");
            if (values.isEmpty()) {
                error(Diagnostic.UNIQUE_WITHOUT_COLUMNS.with(recordName()), type, unique, unique.value("columns"));
                return;
            }
            List<String> cols = new ArrayList<>();
            boolean ok = true;
            for (AnnotationValue value : values) {
                String column = String.valueOf(value.getValue());
                ok &= knownColumn(column, "@Unique on " + recordName(), unique, value);
                cols.add(column);
            }
            String name = objectName(unique, Naming.constraintName(tableName, cols, "key"), "unique constraint name");
            if (ok) {
                uniques.add(new UniqueConstraint(name, cols, unique.bool("nullsNotDistinct")));
                names.add(new NamedObject(name, "unique constraint " + name, true, true, type, unique.mirror(), unique.value("name")));
            }
        }

        private void bindChecks(List<AnnotationView> all) {
            int unnamed = 0;
            for (AnnotationView check : all) {
                String expression = check.string("expression");
                if (expression.isBlank()) {
                    error(Diagnostic.CHECK_BLANK.with(recordName()), type, check, check.value("expression"));
                    continue;
                }
                // PostgreSQL's own numbering for unnamed checks: t_check, t_check1, t_check2, ...
                String derived = Naming.constraintName(tableName, List.of(), "check") + (unnamed == 0 ? "" : String.valueOf(unnamed));
                if (check.string("name").isEmpty()) {
                    unnamed++;
                }
                String name = objectName(check, derived, "check constraint name");
                checks.add(new CheckConstraint(name, expression.strip()));
                names.add(new NamedObject(name, "check constraint " + name, false, true, type, check.mirror(), check.value("name")));
            }
        }

        private void bindExclusion(AnnotationView exclusion) {
            List<AnnotationView> elementViews = exclusion.annotations("elements", elements);
            if (elementViews.isEmpty()) {
                error(Diagnostic.EXCLUSION_WITHOUT_ELEMENTS.with(recordName()), type, exclusion, exclusion.value("elements"));
                return;
            }
            List<ExclusionElement> parts = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            boolean ok = true;
            for (AnnotationView element : elementViews) {
                String column = element.string("column");
                String expression = element.string("expression");
                String operator = element.string("operator");
                // A blank column or expression is no element part at all: "   " is as good as left out.
                if (column.isBlank() == expression.isBlank()) {
                    error((column.isBlank() ? Diagnostic.EXCLUSION_ELEMENT_EMPTY : Diagnostic.EXCLUSION_ELEMENT_BOTH).with(recordName()), type, element.mirror(), null);
                    ok = false;
                    continue;
                }
                if (operator.isBlank()) {
                    error(Diagnostic.EXCLUSION_OPERATOR_BLANK.with(recordName()), type, element.mirror(), element.value("operator"));
                    ok = false;
                    continue;
                }
                if (!column.isBlank()) {
                    ok &= knownColumn(column, "@Exclusion on " + recordName(), element, element.value("column"));
                    parts.add(new ExclusionElement(column, null, operator.strip()));
                    tokens.add(column);
                } else {
                    parts.add(new ExclusionElement(null, expression.strip(), operator.strip()));
                    tokens.add(Naming.expressionToken(expression));
                }
            }
            String name = objectName(exclusion, Naming.constraintName(tableName, tokens, "excl"), "exclusion constraint name");
            if (ok) {
                exclusions.add(new ExclusionConstraint(name, IndexMethod.valueOf(orDefault(exclusion.enumConstant("using"), "GIST")),
                        parts, blankToNull(exclusion.string("where"))));
                names.add(new NamedObject(name, "exclusion constraint " + name, true, true, type, exclusion.mirror(), exclusion.value("name")));
            }
        }

        /** {@code jakarta.persistence.Table(indexes, uniqueConstraints)}. */
        private void bindJakartaTableExtras(AnnotationView table) {
            for (AnnotationView index : table.annotations("indexes", elements)) {
                String columnList = index.string("columnList");
                List<IndexKey> keys = new ArrayList<>();
                List<String> tokens = new ArrayList<>();
                boolean ok = true;
                for (String part : columnList.split(",")) {
                    String[] words = part.strip().split("\\s+");
                    if (words[0].isEmpty()) {
                        continue;
                    }
                    ok &= knownColumn(words[0], "@Index(columnList) on " + recordName(), index, index.value("columnList"));
                    boolean descending = words.length > 1 && words[1].equalsIgnoreCase("DESC");
                    keys.add(new IndexKey(words[0], null, descending ? SortOrder.DESC : SortOrder.ASC));
                    tokens.add(words[0]);
                }
                if (keys.isEmpty()) {
                    error(Diagnostic.JAKARTA_INDEX_WITHOUT_KEYS.with(recordName()), type, index, index.value("columnList"));
                    continue;
                }
                String name = objectName(index, Naming.indexName(tableName, tokens), "index name");
                if (ok) {
                    indexes.add(new Index(name, keys, index.bool("unique"), IndexMethod.BTREE, null));
                    names.add(new NamedObject(name, "index " + name, true, false, type, index.mirror(), index.value("name")));
                }
            }
            for (AnnotationView unique : table.annotations("uniqueConstraints", elements)) {
                List<String> cols = new ArrayList<>();
                boolean ok = true;
                for (AnnotationValue value : unique.list("columnNames")) {
                    String column = String.valueOf(value.getValue());
                    ok &= knownColumn(column, "@UniqueConstraint on " + recordName(), unique, value);
                    cols.add(column);
                }
                if (cols.isEmpty()) {
                    error(Diagnostic.JAKARTA_UNIQUE_WITHOUT_COLUMNS.with(recordName()), type, unique, null);
                    continue;
                }
                String name = objectName(unique, Naming.constraintName(tableName, cols, "key"), "unique constraint name");
                if (ok) {
                    uniques.add(new UniqueConstraint(name, cols, false));
                    names.add(new NamedObject(name, "unique constraint " + name, true, true, type, unique.mirror(), unique.value("name")));
                }
            }
        }

        /** {@code @SoftDelete} needs the three archive columns the generated DAO writes. */
        private AnnotationView checkSoftDelete(AnnotationView softDelete) {
            List<String> problems = new ArrayList<>();
            Optional<BoundColumn> isArchived = component("isArchived");
            if (isArchived.isEmpty() || !isArchived.get().column().type().sql().equals("boolean") || isArchived.get().column().nullable()) {
                problems.add("`boolean isArchived`");
            }
            Optional<BoundColumn> archivedAt = component("archivedAt");
            if (archivedAt.isEmpty() || !archivedAt.get().column().nullable()
                    || !archivedAt.get().column().type().sql().startsWith("timestamp")) {
                problems.add("`@Nullable Instant archivedAt`");
            }
            Optional<BoundColumn> archivedBy = component("archivedBy");
            if (archivedBy.isEmpty() || !archivedBy.get().column().nullable()) {
                problems.add("`@Nullable String archivedBy`");
            }
            if (!problems.isEmpty()) {
                error(Diagnostic.SOFT_DELETE_SHAPE.with(recordName(), String.join(", ", problems)), type, softDelete, null);
            }
            return softDelete;
        }

        private Optional<BoundColumn> component(String componentName) {
            return columns.stream().filter(c -> c.componentName().equals(componentName)).findFirst();
        }
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Whether a component's type or its {@code @References(table = ...)} class is still an error type
     * (generated by a later round). Runs for every table in every round, so it reads only those two
     * things rather than building each component's full annotation set.
     */
    public static boolean hasUnresolvedTypes(TypeElement type, Elements elements) {
        if (type.getKind() != ElementKind.RECORD) {
            return false;
        }
        Map<String, Element> fields = null;
        for (RecordComponentElement component : type.getRecordComponents()) {
            if (containsError(component.asType())) {
                return true;
            }
            if (fields == null) {
                fields = Annotated.fieldsByName(type);
            }
            Optional<AnnotationView> references = Annotated.findOnComponent(component, REFERENCES, fields, elements);
            if (references.isPresent()) {
                TypeMirror target = references.get().type("table");
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
