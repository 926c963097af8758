package dev.sleet.processor.bind;

import dev.sleet.processor.bind.JavaTypeMapping.Category;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.processor.scan.views.Attr;
import dev.sleet.processor.scan.views.ColumnAnnotation;
import dev.sleet.processor.scan.views.ComponentAnnotations;
import dev.sleet.processor.scan.views.ReferencesAnnotation;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Binds one record component to its column: name, type (Java mapping, {@code @Column} attributes or an
 * explicit SQL type), nullability, identity and default, and leaves its {@code @References} pending.
 * Sleet's and Jakarta's {@code @Column} are read through one {@link ColumnAnnotation} view, Sleet's first.
 */
final class ColumnBinder {
    private final Elements elements;
    private final EnumBinder enums;

    ColumnBinder(Elements elements, EnumBinder enums) {
        this.elements = elements;
        this.enums = enums;
    }

    /** @param a the component's annotations, from the round's {@link RecordScan} of its record */
    void bind(TableBinding t, RecordComponentElement component, Annotated a) {
        ComponentAnnotations on = new ComponentAnnotations(a);
        Optional<ColumnAnnotation> column = ColumnAnnotation.sleet(a);
        Optional<ColumnAnnotation> jpaColumn = ColumnAnnotation.jakarta(a);
        String componentName = component.getSimpleName().toString();

        // Name
        String name = Naming.snakeCase(componentName);
        ColumnAnnotation nameSource = column.filter(c -> !c.name().value().isEmpty())
                .or(() -> jpaColumn.filter(c -> !c.name().value().isEmpty())).orElse(null);
        if (nameSource != null) {
            name = t.identifier(nameSource.name(), "column name", nameSource.view(), component);
        }
        AnnotationView nameView = nameSource == null ? null : nameSource.view();
        t.checkLength(name, "column name", component, nameView, nameSource == null ? null : nameSource.name().source(),
                "@Column(name = \"...\")");
        if (t.columnsByName.containsKey(name)) {
            t.error(Diagnostic.DUPLICATE_COLUMN.with(componentName, name, t.columnsByName.get(name).componentName()), component,
                    nameView, nameSource == null ? null : nameSource.name().source());
            return;
        }
        TypeMirror javaType = component.asType();
        boolean primitive = javaType.getKind().isPrimitive();
        JavaTypeMapping mapping = TypeMapper.map(javaType).orElse(null);

        // Type: Sleet's @Column(type) first; Jakarta's columnDefinition when Sleet's names none.
        ColumnAnnotation explicitTypeSource = column.orElse(null);
        String explicitType = column.map(c -> c.type().value()).orElse("");
        if (explicitType.isEmpty() && jpaColumn.isPresent() && !jpaColumn.get().type().value().isEmpty()) {
            explicitTypeSource = jpaColumn.get();
            explicitType = explicitTypeSource.type().value();
        }
        if (explicitTypeSource != null && explicitTypeSource.type().written() && explicitType.isBlank()) {
            t.error(Diagnostic.COLUMN_TYPE_BLANK.with(componentName), component, explicitTypeSource.view(), explicitTypeSource.type().source());
            return;
        }
        ColumnType columnType;
        BoundEnum enumBinding = null;
        if (!explicitType.isBlank()) {
            for (ColumnAnnotation sized : List.of(column, jpaColumn).stream().flatMap(Optional::stream).toList()) {
                Map<String, Attr<Integer>> sizes = new java.util.LinkedHashMap<>();
                sizes.put("length", sized.length());
                sizes.put("precision", sized.precision());
                sizes.put("scale", sized.scale());
                for (Map.Entry<String, Attr<Integer>> entry : sizes.entrySet()) {
                    Attr<Integer> size = entry.getValue();
                    if (size.written()) {
                        String attribute = entry.getKey();
                        t.error(Diagnostic.EXPLICIT_TYPE_WITH_SIZE.with("@Column(" + attribute + ")", componentName, explicitType.strip()),
                                component, sized.view(), size.source());
                        return;
                    }
                }
            }
            columnType = ColumnType.builtin(explicitType);
            if (mapping != null && mapping.isEnum()) {
                Optional<BoundEnum> spelledOut = enums.spelledOut(mapping.enumElement());
                if (spelledOut.isEmpty()) {
                    t.invalidate(); // the enum's own error is already reported on the enum
                    return;
                }
                enumBinding = spelledOut.get();
            }
        } else if (mapping == null) {
            t.error(Diagnostic.UNSUPPORTED_TYPE.with(componentName, javaType), component, (AnnotationMirror) null, null);
            return;
        } else if (mapping.isEnum()) {
            TypeElement enumType = mapping.enumElement();
            Optional<AnnotationView> enumerated = on.enumerated();
            if (enums.hasPgEnum(enumType)) {
                if (enumerated.isPresent()) {
                    t.error(Diagnostic.ENUMERATED_WITH_PG_ENUM.with(componentName, enumType.getSimpleName()), component,
                            enumerated.get().mirror(), null);
                    return;
                }
                Optional<BoundEnum> bound = enums.pgEnum(enumType);
                if (bound.isEmpty()) {
                    t.invalidate(); // the enum's own error is already reported on the enum
                    return;
                }
                enumBinding = bound.get();
                columnType = new ColumnType.EnumRef(enumBinding.type().name(), mapping.array());
            } else if (enumerated.isPresent() && ComponentAnnotations.enumeratedAsString(enumerated.get())) {
                enumBinding = enums.asText(enumType);
                columnType = ColumnType.builtin(mapping.array() ? "text[]" : "text");
            } else {
                t.error(Diagnostic.ENUMERATED_ORDINAL.with(componentName, enumType.getSimpleName()), component,
                        enumerated.map(AnnotationView::mirror).orElse(null), enumerated.map(e -> ComponentAnnotations.enumType(e).source()).orElse(null));
                return;
            }
        } else {
            columnType = builtinType(t, component, mapping, column, jpaColumn);
            if (columnType == null) {
                return;
            }
        }

        // Nullability
        Optional<AnnotationView> nullableAnnotation = on.nullable();
        boolean nullable = false;
        if (nullableAnnotation.isPresent()) {
            if (primitive) {
                t.error(Diagnostic.NULLABLE_PRIMITIVE.with(componentName, javaType), component, nullableAnnotation.get(), null);
                return;
            }
            nullable = true;
        } else if (jpaColumn.isPresent() && jpaColumn.get().nullable().written()) {
            nullable = jpaColumn.get().nullable().value() && !primitive;
        }

        boolean id = on.id().isPresent();
        if (id && nullable) {
            t.error(Diagnostic.NULLABLE_KEY.with(componentName), component,
                    nullableAnnotation.orElse(jpaColumn.map(ColumnAnnotation::view).orElse(null)), null);
            return;
        }

        // Identity and defaults
        IdentityKind identity = null;
        String defaultExpression = null;
        Optional<AnnotationView> identityAnnotation = on.identity();
        Optional<AnnotationView> generated = on.generatedValue();
        AnnotationView identitySource = identityAnnotation.or(() -> generated).orElse(null);
        if (identityAnnotation.isPresent()) {
            identity = ComponentAnnotations.always(identityAnnotation.get()) ? IdentityKind.ALWAYS : IdentityKind.BY_DEFAULT;
        } else if (generated.isPresent()) {
            Attr<String> strategy = ComponentAnnotations.strategy(generated.get());
            if (mapping != null && mapping.category() == Category.UUID && !mapping.array()) {
                defaultExpression = "gen_random_uuid()";
            } else if (strategy.value().isEmpty() || strategy.value().equals("IDENTITY") || strategy.value().equals("AUTO")) {
                identity = IdentityKind.BY_DEFAULT;
            } else {
                t.error(Diagnostic.GENERATION_STRATEGY.with(strategy.value(), componentName), component, generated.get(), strategy.source());
                return;
            }
        }
        if (identity != null) {
            boolean integer = mapping != null && mapping.category() == Category.INTEGER && !mapping.array() && explicitType.isBlank();
            if (!integer) {
                t.error(Diagnostic.IDENTITY_NOT_INTEGER.with(componentName, javaType, identitySource.simpleName()), component, identitySource, null);
                return;
            }
            if (nullable) {
                t.error(Diagnostic.NULLABLE_IDENTITY.with(componentName), component, nullableAnnotation.orElse(null), null);
                return;
            }
        }
        Optional<AnnotationView> defaultAnnotation = on.defaultValue();
        Optional<AnnotationView> defaultNow = on.defaultNow();
        if (defaultAnnotation.isPresent() && defaultNow.isPresent()) {
            t.error(Diagnostic.DEFAULT_AND_DEFAULT_NOW.with(componentName), component, defaultNow.get(), null);
            return;
        }
        if (defaultAnnotation.isPresent()) {
            Attr<String> sql = ComponentAnnotations.sql(defaultAnnotation.get());
            if (sql.value().isBlank()) {
                t.error(Diagnostic.DEFAULT_BLANK.with(componentName), component, defaultAnnotation.get(), sql.source());
                return;
            }
            Optional<Message> misfit = DefaultChecker.check(sql.value().strip(), componentName, columnType, nullable, enumBinding);
            if (misfit.isPresent()) {
                t.error(misfit.get(), component, defaultAnnotation.get(), sql.source());
                return;
            }
            defaultExpression = sql.value().strip();
        }
        if (defaultNow.isPresent()) {
            boolean temporal = mapping != null && !mapping.array()
                    && (mapping.category() == Category.TIMESTAMP || mapping.category() == Category.DATE_OR_TIME);
            if (!temporal && explicitType.isBlank()) {
                t.error(Diagnostic.DEFAULT_NOW_NOT_TEMPORAL.with(componentName, javaType), component, defaultNow.get(), null);
                return;
            }
            defaultExpression = "now()";
        }
        if (identity != null && defaultExpression != null) {
            AnnotationView culprit = defaultAnnotation.or(() -> defaultNow).orElse(identitySource);
            t.error(Diagnostic.IDENTITY_WITH_DEFAULT.with(componentName, culprit.simpleName(), identitySource.simpleName()), component, culprit, null);
            return;
        }

        Optional<ReferencesAnnotation> references = ReferencesAnnotation.on(a);
        if (references.isPresent() && !actionsFit(t, component, references.get(), nullable, defaultExpression != null)) {
            return;
        }
        Column model = new Column(name, columnType, nullable, defaultExpression, identity, on.earlierNames());
        BoundColumn bound = new BoundColumn(component, javaType, model, enumBinding);
        t.columns.add(bound);
        t.columnsByName.put(name, bound);
        if (id) {
            t.primaryKeyColumns.add(name);
        }
        if (jpaColumn.isPresent() && jpaColumn.get().unique().value()) {
            String uniqueName = Naming.constraintName(t.tableName, List.of(name), "key");
            if (t.checkLength(uniqueName, "unique constraint name", component, jpaColumn.get().view(), jpaColumn.get().unique().source(),
                    "a @Table(uniqueConstraints = @UniqueConstraint(name = \"...\"))")) {
                t.uniques.add(new UniqueConstraint(uniqueName, List.of(name), false));
                t.names.add(new NamedObject(uniqueName, "unique constraint " + uniqueName, true, true, component,
                        jpaColumn.get().view().mirror(), null));
            }
        }
        references.ifPresent(r -> t.references.add(new PendingReference(bound, r)));
    }

    /** SET_NULL needs a nullable column; SET_DEFAULT a default (else it sets NULL too). */
    private static boolean actionsFit(TableBinding t, RecordComponentElement component, ReferencesAnnotation references,
                                      boolean nullable, boolean hasDefault) {
        boolean ok = true;
        for (String event : List.of("Delete", "Update")) {
            Attr<ReferentialAction> action = event.equals("Delete") ? references.onDelete() : references.onUpdate();
            String what = event.equals("Delete") ? "deletion" : "key update";
            String componentName = component.getSimpleName().toString();
            if (action.value() == ReferentialAction.SET_NULL && !nullable) {
                t.error(Diagnostic.SET_NULL_ON_NOT_NULL.with(event, componentName, what), component, references.view(), action.source());
                ok = false;
            } else if (action.value() == ReferentialAction.SET_DEFAULT && !hasDefault) {
                t.error(Diagnostic.SET_DEFAULT_WITHOUT_DEFAULT.with(event, componentName, what,
                        nullable ? "" : ", which the NOT NULL column refuses"), component, references.view(), action.source());
                ok = false;
            }
        }
        return ok;
    }

    /** The built-in type with {@code length} (String) or {@code precision}/{@code scale} (BigDecimal) applied; null after an error. */
    private static ColumnType builtinType(TableBinding t, RecordComponentElement component, JavaTypeMapping mapping,
                                          Optional<ColumnAnnotation> column, Optional<ColumnAnnotation> jpaColumn) {
        String componentName = component.getSimpleName().toString();
        String base = mapping.builtin();
        ColumnAnnotation lengthSource = column.filter(c -> c.length().written()).orElse(jpaColumn.filter(c -> c.length().written()).orElse(null));
        if (lengthSource != null) {
            Attr<Integer> length = lengthSource.length();
            if (mapping.category() != Category.STRING) {
                t.error(Diagnostic.LENGTH_NOT_STRING.with(componentName, component.asType()), component, lengthSource.view(), length.source());
                return null;
            }
            if (length.value() < 0) {
                t.error(Diagnostic.LENGTH_NEGATIVE.with(length.value(), componentName), component, lengthSource.view(), length.source());
                return null;
            }
            if (length.value() > 0) {
                base = "character varying(" + length.value() + ")";
            }
        }
        ColumnAnnotation precisionSource = column.filter(c -> c.precision().written() || c.scale().written())
                .orElse(jpaColumn.filter(c -> c.precision().written() || c.scale().written()).orElse(null));
        if (precisionSource != null) {
            int precision = precisionSource.precision().value();
            int scale = precisionSource.scale().value();
            javax.lang.model.element.AnnotationValue culprit = precisionSource.precision().written()
                    ? precisionSource.precision().source() : precisionSource.scale().source();
            if (mapping.category() != Category.DECIMAL) {
                t.error(Diagnostic.PRECISION_NOT_DECIMAL.with(componentName, component.asType()), component, precisionSource.view(), culprit);
                return null;
            }
            if (precision < 0 || scale < 0 || (precision == 0 && scale > 0) || scale > precision || precision > 1000) {
                t.error(Diagnostic.PRECISION_INVALID.with(precision, scale, componentName), component, precisionSource.view(), culprit);
                return null;
            }
            if (precision > 0) {
                base = "numeric(" + precision + "," + scale + ")";
            }
        }
        return ColumnType.builtin(mapping.array() ? base + "[]" : base);
    }
}
