package dev.sleet.runtime.pull;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the Java sources of a schema: one {@code @PgEnum} enum per enum type and one annotated record
 * per table, in package {@code base} for {@code public} and {@code base.<schema>} for other schemas.
 * Plain string building, deterministic: names are assigned in sorted order, imports are sorted, and
 * every list comes from the canonical model order, so the same schema always gives the same bytes.
 */
final class RecordSources {
    private final String basePackage;
    private final Map<QualifiedName, String> typeNames = new HashMap<>();
    private final Map<QualifiedName, String> packages = new HashMap<>();
    private final Map<QualifiedName, Table> tables = new HashMap<>();

    private RecordSources(String basePackage) {
        this.basePackage = basePackage;
    }

    /** Source text by path relative to the source root ({@code com/acme/db/Event.java}), sorted by path. */
    static Map<String, String> render(DatabaseSchema schema, String basePackage) {
        RecordSources sources = new RecordSources(basePackage);
        sources.assignNames(schema);
        Map<String, String> out = new TreeMap<>();
        for (EnumType e : schema.enums()) {
            out.put(sources.path(e.name()), sources.enumSource(e));
        }
        for (Table t : schema.tables()) {
            out.put(sources.path(t.name()), sources.recordSource(t));
        }
        return out;
    }

    // ------------------------------------------------------------------ names

    private void assignNames(DatabaseSchema schema) {
        schema.tables().forEach(t -> tables.put(t.name(), t));
        Map<String, String> packageOfSchema = new TreeMap<>();
        Set<String> usedPackages = new HashSet<>();
        TreeSet<String> namespaces = new TreeSet<>();
        schema.enums().forEach(e -> namespaces.add(e.name().schema()));
        schema.tables().forEach(t -> namespaces.add(t.name().schema()));
        if (namespaces.remove(QualifiedName.DEFAULT_SCHEMA)) {
            packageOfSchema.put(QualifiedName.DEFAULT_SCHEMA, basePackage);
            usedPackages.add(basePackage);
        }
        for (String namespace : namespaces) {
            String candidate = basePackage + "." + JavaNames.packageSegment(namespace);
            String name = candidate;
            for (int n = 2; usedPackages.contains(name); n++) {
                name = candidate + n;
            }
            usedPackages.add(name);
            packageOfSchema.put(namespace, name);
        }
        Map<String, Set<String>> takenByPackage = new HashMap<>();
        // Enums first, then tables, each in canonical order: the same schema always gives the same names.
        List<QualifiedName> order = new ArrayList<>();
        schema.enums().forEach(e -> order.add(e.name()));
        schema.tables().forEach(t -> order.add(t.name()));
        for (QualifiedName name : order) {
            String pkg = packageOfSchema.get(name.schema());
            Set<String> taken = takenByPackage.computeIfAbsent(pkg, k -> new HashSet<>());
            boolean table = tables.containsKey(name);
            String base = JavaNames.typeName(name.name());
            String chosen = base;
            for (int n = 2; clashes(chosen, table, taken); n++) {
                chosen = base + n;
            }
            taken.add(chosen);
            if (table) {
                // the processor writes these next to the record
                taken.add(chosen + "Dao");
                taken.add(chosen + "Table");
                taken.add("New" + chosen);
            }
            typeNames.put(name, chosen);
            packages.put(name, pkg);
        }
    }

    private static boolean clashes(String name, boolean table, Set<String> taken) {
        return taken.contains(name) || JavaNames.RESERVED_TYPES.contains(name)
                || table && (taken.contains(name + "Dao") || taken.contains(name + "Table") || taken.contains("New" + name)
                || JavaNames.RESERVED_TYPES.contains(name + "Dao") || JavaNames.RESERVED_TYPES.contains(name + "Table"));
    }

    private String path(QualifiedName name) {
        return packages.get(name).replace('.', '/') + "/" + typeNames.get(name) + ".java";
    }

    /** The simple name when {@code target} is in {@code pkg}, else the qualified name (never an import: no clashes). */
    private String reference(QualifiedName target, String pkg) {
        String pkgOfTarget = packages.get(target);
        return pkgOfTarget.equals(pkg) ? typeNames.get(target) : pkgOfTarget + "." + typeNames.get(target);
    }

    // ------------------------------------------------------------------ enums

    private String enumSource(EnumType e) {
        String name = typeNames.get(e.name());
        Set<String> imports = new TreeSet<>();
        imports.add("dev.sleet.annotations.PgEnum");
        List<String> attributes = new ArrayList<>();
        if (!Naming.snakeCase(name).equals(e.name().name())) {
            attributes.add("name = " + JavaNames.literal(e.name().name()));
        }
        if (!e.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
            attributes.add("schema = " + JavaNames.literal(e.name().schema()));
        }
        List<String> constants = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String label : e.values()) {
            String base = JavaNames.constantName(label);
            String constant = base;
            for (int n = 2; used.contains(constant); n++) {
                constant = base + "_" + n;
            }
            used.add(constant);
            if (constant.toLowerCase(java.util.Locale.ROOT).equals(label)) {
                constants.add(constant);
            } else {
                imports.add("dev.sleet.annotations.EnumValue");
                constants.add("@EnumValue(" + JavaNames.literal(label) + ") " + constant);
            }
        }
        StringBuilder body = new StringBuilder();
        body.append("@PgEnum").append(attributes.isEmpty() ? "" : "(" + String.join(", ", attributes) + ")").append('\n');
        body.append("public enum ").append(name).append(" {\n");
        for (int i = 0; i < constants.size(); i++) {
            body.append("    ").append(constants.get(i)).append(i + 1 < constants.size() ? ",\n" : "\n");
        }
        body.append("}\n");
        return header(packages.get(e.name()), imports, "the enum type " + e.name()) + body;
    }

    // ------------------------------------------------------------------ records

    private String recordSource(Table t) {
        String pkg = packages.get(t.name());
        String name = typeNames.get(t.name());
        Set<String> imports = new TreeSet<>();
        StringBuilder body = new StringBuilder();

        imports.add("dev.sleet.annotations.Table");
        List<String> tableAttributes = new ArrayList<>();
        if (!JavaNames.derivesTable(name, t.name().name())) {
            tableAttributes.add("name = " + JavaNames.literal(t.name().name()));
        }
        if (!t.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
            tableAttributes.add("schema = " + JavaNames.literal(t.name().schema()));
        }
        body.append("@Table").append(tableAttributes.isEmpty() ? "" : "(" + String.join(", ", tableAttributes) + ")").append('\n');
        for (Index index : t.indexes()) {
            body.append(index(t, index, imports)).append('\n');
        }
        for (UniqueConstraint unique : t.uniques()) {
            body.append(unique(t, unique, imports)).append('\n');
        }
        for (CheckConstraint check : t.checks()) {
            imports.add("dev.sleet.annotations.Check");
            body.append("@Check(name = ").append(JavaNames.literal(check.name())).append(", expression = ")
                    .append(JavaNames.literal(check.expression())).append(")\n");
        }
        for (ExclusionConstraint exclusion : t.exclusions()) {
            body.append(exclusion(t, exclusion, imports)).append('\n');
        }
        body.append("public record ").append(name).append("(\n");
        Map<String, ForeignKey> keyOfColumn = new LinkedHashMap<>();
        t.foreignKeys().forEach(fk -> keyOfColumn.put(fk.columns().get(0), fk));
        Set<String> components = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (Column c : t.columns()) {
            String base = JavaNames.componentName(c.name());
            String component = base;
            for (int n = 2; components.contains(component); n++) {
                component = base + n;
            }
            components.add(component);
            lines.add("        " + component(t, c, component, keyOfColumn.get(c.name()), pkg, imports));
        }
        body.append(String.join(",\n", lines)).append(") {\n}\n");
        return header(pkg, imports, "the table " + t.name()) + body;
    }

    private String component(Table t, Column c, String component, ForeignKey fk, String pkg, Set<String> imports) {
        List<String> annotations = new ArrayList<>();
        boolean key = t.primaryKeyOpt().map(pk -> pk.columns().contains(c.name())).orElse(false);
        if (key) {
            imports.add("dev.sleet.annotations.Id");
            annotations.add("@Id");
        }
        if (c.identity() != null) {
            imports.add("dev.sleet.annotations.Identity");
            annotations.add(c.identity() == IdentityKind.ALWAYS ? "@Identity(always = true)" : "@Identity");
        }
        if (fk != null) {
            annotations.add(references(t, fk, pkg, imports));
        }
        JavaTypeChoice type = JavaTypeChoice.of(c, this::enumReference, pkg);
        imports.addAll(type.imports());
        List<String> columnAttributes = new ArrayList<>();
        if (!JavaNames.derivesColumn(component, c.name())) {
            columnAttributes.add("name = " + JavaNames.literal(c.name()));
        }
        columnAttributes.addAll(type.columnAttributes());
        if (!columnAttributes.isEmpty()) {
            imports.add("dev.sleet.annotations.Column");
            annotations.add("@Column(" + String.join(", ", columnAttributes) + ")");
        }
        if (c.defaultExpression() != null) {
            if (c.defaultExpression().equals("now()") && type.temporal()) {
                imports.add("dev.sleet.annotations.DefaultNow");
                annotations.add("@DefaultNow");
            } else {
                imports.add("dev.sleet.annotations.Default");
                annotations.add("@Default(" + JavaNames.literal(c.defaultExpression()) + ")");
            }
        }
        if (c.nullable()) {
            imports.add("dev.sleet.annotations.Nullable");
            annotations.add("@Nullable");
        }
        String javaType = c.nullable() ? type.boxed() : type.primitiveOrBoxed();
        return (annotations.isEmpty() ? "" : String.join(" ", annotations) + " ") + javaType + " " + component;
    }

    private String enumReference(QualifiedName enumName, String pkg) {
        return reference(enumName, pkg);
    }

    private String references(Table t, ForeignKey fk, String pkg, Set<String> imports) {
        imports.add("dev.sleet.annotations.References");
        List<String> attributes = new ArrayList<>();
        attributes.add("table = " + reference(fk.referencedTable(), pkg) + ".class");
        Table target = tables.get(fk.referencedTable());
        String referenced = fk.referencedColumns().get(0);
        boolean toKey = target.primaryKeyOpt().map(pk -> pk.columns().equals(List.of(referenced))).orElse(false);
        if (!toKey) {
            attributes.add("column = " + JavaNames.literal(referenced));
        }
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            imports.add("dev.sleet.annotations.Action");
            attributes.add("onDelete = Action." + fk.onDelete().name());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            imports.add("dev.sleet.annotations.Action");
            attributes.add("onUpdate = Action." + fk.onUpdate().name());
        }
        if (!fk.name().equals(Naming.constraintName(t.name().name(), fk.columns(), "fkey"))) {
            attributes.add("name = " + JavaNames.literal(fk.name()));
        }
        return "@References(" + String.join(", ", attributes) + ")";
    }

    private static String index(Table t, Index index, Set<String> imports) {
        imports.add("dev.sleet.annotations.Index");
        List<String> attributes = new ArrayList<>();
        // the processor's derivation: idx_<table>_<column or expression token>...
        List<String> tokens = index.keys().stream().map(k -> k.isColumn() ? k.column() : Naming.expressionToken(k.expression())).toList();
        if (!index.name().equals(Naming.indexName(t.name().name(), tokens))) {
            attributes.add("name = " + JavaNames.literal(index.name()));
        }
        List<String> columns = index.keys().stream().filter(IndexKey::isColumn).map(k -> JavaNames.literal(k.column())).toList();
        List<String> expressions = index.keys().stream().filter(k -> !k.isColumn()).map(k -> JavaNames.literal(k.expression())).toList();
        if (!columns.isEmpty()) {
            attributes.add("columns = " + array(columns));
        }
        if (!expressions.isEmpty()) {
            attributes.add("expressions = " + array(expressions));
        }
        if (index.unique()) {
            attributes.add("unique = true");
        }
        if (index.method() != IndexMethod.BTREE) {
            imports.add("dev.sleet.annotations.IndexMethod");
            attributes.add("using = IndexMethod." + index.method().name());
        }
        if (index.where() != null) {
            attributes.add("where = " + JavaNames.literal(index.where()));
        }
        if (index.keys().stream().anyMatch(k -> k.order() != SortOrder.ASC)) {
            imports.add("dev.sleet.annotations.SortOrder");
            attributes.add("order = " + array(index.keys().stream().map(k -> "SortOrder." + k.order().name()).toList()));
        }
        return "@Index(" + String.join(", ", attributes) + ")";
    }

    private static String unique(Table t, UniqueConstraint unique, Set<String> imports) {
        imports.add("dev.sleet.annotations.Unique");
        List<String> attributes = new ArrayList<>();
        if (!unique.name().equals(Naming.constraintName(t.name().name(), unique.columns(), "key"))) {
            attributes.add("name = " + JavaNames.literal(unique.name()));
        }
        attributes.add("columns = " + array(unique.columns().stream().map(JavaNames::literal).toList()));
        if (unique.nullsNotDistinct()) {
            attributes.add("nullsNotDistinct = true");
        }
        return "@Unique(" + String.join(", ", attributes) + ")";
    }

    private static String exclusion(Table t, ExclusionConstraint exclusion, Set<String> imports) {
        imports.add("dev.sleet.annotations.Exclusion");
        List<String> tokens = exclusion.elements().stream()
                .map(e -> e.isColumn() ? e.column() : Naming.expressionToken(e.expression())).toList();
        List<String> attributes = new ArrayList<>();
        if (!exclusion.name().equals(Naming.constraintName(t.name().name(), tokens, "excl"))) {
            attributes.add("name = " + JavaNames.literal(exclusion.name()));
        }
        StringBuilder out = new StringBuilder("@Exclusion(");
        if (exclusion.method() != IndexMethod.GIST) {
            imports.add("dev.sleet.annotations.IndexMethod");
            attributes.add("using = IndexMethod." + exclusion.method().name());
        }
        if (exclusion.where() != null) {
            attributes.add("where = " + JavaNames.literal(exclusion.where()));
        }
        attributes.add("elements = {\n");
        out.append(String.join(", ", attributes));
        List<String> elements = new ArrayList<>();
        for (ExclusionElement element : exclusion.elements()) {
            elements.add("        @Exclusion.Element(" + (element.isColumn()
                    ? "column = " + JavaNames.literal(element.column())
                    : "expression = " + JavaNames.literal(element.expression()))
                    + ", operator = " + JavaNames.literal(element.operator()) + ")");
        }
        return out.append(String.join(",\n", elements)).append("})").toString();
    }

    private static String array(List<String> items) {
        return items.size() == 1 ? items.get(0) : "{" + String.join(", ", items) + "}";
    }

    private static String header(String pkg, Set<String> imports, String what) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n");
        for (String i : imports) {
            out.append("import ").append(i).append(";\n");
        }
        // Only printable ASCII in the comment: a backslash-u there would be read as a Unicode escape.
        String safe = what.chars().mapToObj(ch -> ch >= 0x20 && ch < 0x7f && ch != '\\' ? String.valueOf((char) ch) : "?")
                .collect(Collectors.joining()).replace("*/", "* /");
        out.append("\n/** Pulled from ").append(safe).append(" by sleet pull. */\n");
        return out.toString();
    }
}
