package dev.sleet.processor.ownership;

import dev.sleet.processor.bind.PendingReference;
import dev.sleet.processor.bind.TableBinder;
import dev.sleet.processor.bind.TableDraft;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The overlay's side of ownership while the model is built: records that redefine a shared table
 * are refused, shared tables the overlay references are bound from their records on the class path
 * (so {@code @References(table = User.class)} resolves to a foreign key), and the overlay's schema
 * keeps only what it owns, so its drafts never create, alter or drop a shared object.
 */
public record OverlayOwnership(SharedSchema shared, String overlay, Reporter reporter) {
    /** Reports (SLEET-E050) and marks invalid every overlay record whose table the shared module owns. */
    public void refuseRedefinitions(List<TableDraft> drafts, Set<TableDraft> invalid) {
        for (TableDraft draft : drafts) {
            if (shared.ownsTable(draft.name())) {
                reporter.report(Diagnostic.OVERLAY_REDEFINES_SHARED_TABLE.with(draft.element().getSimpleName(), draft.name(),
                        shared.origin(), overlay), draft.element());
                invalid.add(draft);
            }
        }
    }

    /**
     * The shared tables the overlay's {@code @References} point at, bound from their records (which
     * come from the shared jar, not from this compilation). A referenced record whose table the shared
     * snapshot does not hold is left out: the reference resolver then reports it as unbound.
     */
    public List<TableDraft> referencedSharedTables(List<TableDraft> drafts, Set<String> compiled, TableBinder binder) {
        Map<String, TableDraft> out = new LinkedHashMap<>();
        for (TableDraft draft : drafts) {
            for (PendingReference reference : draft.references()) {
                TypeMirror target = reference.annotation().table().value();
                if (target == null || target.getKind() != TypeKind.DECLARED) {
                    continue;
                }
                TypeElement type = (TypeElement) ((DeclaredType) target).asElement();
                String name = type.getQualifiedName().toString();
                if (compiled.contains(name) || out.containsKey(name) || !Annotated.isTable(type)) {
                    continue;
                }
                Optional<TableDraft> bound = binder.bind(type);
                if (bound.isPresent() && bound.get().valid() && shared.ownsTable(bound.get().name())) {
                    out.put(name, bound.get());
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The part of {@code all} this overlay owns: its tables, and the enum types, schemas and
     * extensions the shared module does not already hold. An enum type of the shared module bound
     * here (a shared enum used by an overlay column) is dropped when identical, refused when not.
     */
    public DatabaseSchema ownedPart(DatabaseSchema all, List<BoundEnum> enums) {
        List<EnumType> owned = new ArrayList<>();
        for (EnumType type : all.enums()) {
            Optional<EnumType> theirs = shared.schema().enumType(type.name());
            if (theirs.isEmpty()) {
                owned.add(type);
            } else if (!theirs.get().equals(type)) {
                TypeElement element = enums.stream().filter(e -> type.equals(e.type())).map(BoundEnum::element).findFirst().orElse(null);
                reporter.report(Diagnostic.OVERLAY_REDEFINES_SHARED_ENUM.with(element == null ? type.name() : element.getSimpleName(),
                        type.name(), type.values(), shared.origin(), theirs.get().values(), overlay), element);
            }
        }
        Set<String> schemas = new TreeSet<>(all.schemas());
        schemas.removeAll(shared.schema().schemas());
        Set<String> extensions = new TreeSet<>(all.extensions());
        extensions.removeAll(shared.schema().extensions());
        return new DatabaseSchema(new TreeSet<>(schemas), new TreeSet<>(extensions), owned, all.tables());
    }
}
