package dev.sleet.processor;

import dev.sleet.processor.bind.EnumBinder;
import dev.sleet.processor.bind.NamedObject;
import dev.sleet.processor.bind.RecordScans;
import dev.sleet.processor.bind.ReferenceResolver;
import dev.sleet.processor.bind.TableBinder;
import dev.sleet.processor.bind.TableDraft;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.processor.validate.CitusValidator;
import dev.sleet.processor.ownership.OverlayOwnership;
import dev.sleet.processor.validate.NameValidator;
import dev.sleet.processor.validate.RenameValidator;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Distribution;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The model steps in order: bind each record → resolve references → check names → assemble the
 * schema. A table with an error is dropped; the others carry on.
 */
public final class ModelBuilder {
    private final Elements elements;
    private final Reporter reporter;

    public ModelBuilder(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    public SchemaModel build(List<TypeElement> tableTypes, List<TypeElement> declaredEnums) {
        return build(tableTypes, declaredEnums, null);
    }

    /**
     * @param overlay in an overlay module, what the shared module owns (its tables are referenced,
     *                never redefined, and stay out of the schema); null in every other module
     */
    public SchemaModel build(List<TypeElement> tableTypes, List<TypeElement> declaredEnums, OverlayOwnership overlay) {
        return build(tableTypes, declaredEnums, overlay, new RecordScans(elements));
    }

    /** @param scans this round's scans of the records (the processor's check for unresolved types made them already) */
    public SchemaModel build(List<TypeElement> tableTypes, List<TypeElement> declaredEnums, OverlayOwnership overlay, RecordScans scans) {
        EnumBinder enums = new EnumBinder(elements, reporter);
        for (TypeElement declared : declaredEnums) {
            enums.pgEnum(declared);
        }
        TableBinder binder = new TableBinder(elements, reporter, enums, scans);
        List<TableDraft> drafts = new ArrayList<>();
        for (TypeElement type : tableTypes) {
            binder.bind(type).ifPresent(drafts::add);
        }
        Set<TableDraft> invalid = Collections.newSetFromMap(new IdentityHashMap<>());
        drafts.stream().filter(d -> !d.valid()).forEach(invalid::add);
        List<TableDraft> upstream = List.of();
        if (overlay != null) {
            overlay.refuseRedefinitions(drafts, invalid);
            Set<String> compiled = new java.util.HashSet<>();
            tableTypes.forEach(t -> compiled.add(t.getQualifiedName().toString()));
            upstream = overlay.referencedSharedTables(drafts, compiled, binder);
        }

        Map<TableDraft, List<NamedObject>> foreignKeyNames = new IdentityHashMap<>();
        Map<TableDraft, List<ForeignKey>> foreignKeys = new ReferenceResolver(reporter).resolve(drafts, upstream, invalid, foreignKeyNames);
        List<TableDraft> bindable = drafts.stream().filter(d -> !invalid.contains(d)).toList();
        new NameValidator(reporter).validate(bindable, foreignKeyNames, enums.all(), invalid);
        new RenameValidator(elements, reporter).checkClaims(bindable, invalid, scans);
        Map<TableDraft, Distribution> placements = new CitusValidator(reporter)
                .validate(drafts.stream().filter(d -> !invalid.contains(d)).toList(), foreignKeys, foreignKeyNames, invalid);

        List<BoundTable> bound = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (TableDraft draft : drafts) {
            if (invalid.contains(draft)) {
                continue;
            }
            Table table = draft.toTable(foreignKeys.getOrDefault(draft, List.of())).withDistribution(placements.get(draft));
            tables.add(table);
            bound.add(new BoundTable(draft.element(), table, draft.columns(), draft.softDelete()));
        }
        List<EnumType> enumTypes = enums.all().stream().map(BoundEnum::type).toList();
        DatabaseSchema schema = assemble(tables, enumTypes);
        if (overlay == null) {
            return new SchemaModel(schema, bound);
        }
        // Shared tables the overlay references get many-to-one relations from its tables, towards the metamodel the
        // shared module generated: only those whose metamodel is on the class path (a shared build with DAOs).
        List<BoundTable> shared = new ArrayList<>();
        for (TableDraft draft : upstream) {
            if (draft.valid() && elements.getTypeElement(metamodelName(draft.element())) != null) {
                shared.add(new BoundTable(draft.element(), draft.toTable(List.of()), draft.columns(), draft.softDelete()));
            }
        }
        return new SchemaModel(overlay.ownedPart(schema, enums.all()), bound, shared);
    }

    /** {@code shared.User} → {@code shared.UserTable}: the generated metamodel stands next to its record. */
    private static String metamodelName(TypeElement record) {
        javax.lang.model.element.Element enclosing = record.getEnclosingElement();
        String outer = enclosing instanceof TypeElement type ? type.getQualifiedName().toString()
                : ((javax.lang.model.element.PackageElement) enclosing).getQualifiedName().toString();
        return (outer.isEmpty() ? "" : outer + ".") + record.getSimpleName() + "Table";
    }

    /** Schemas are every non-public namespace used; btree_gist comes with a scalar column key in a GiST index or exclusion. */
    static DatabaseSchema assemble(List<Table> tables, List<EnumType> enums) {
        Set<String> schemas = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        for (Table table : tables) {
            schemas.add(table.name().schema());
            if (BtreeGist.needed(table)) {
                extensions.add("btree_gist");
            }
        }
        enums.forEach(e -> schemas.add(e.name().schema()));
        schemas.remove(QualifiedName.DEFAULT_SCHEMA);
        return new DatabaseSchema(new TreeSet<>(schemas), new TreeSet<>(extensions), enums, tables);
    }
}
