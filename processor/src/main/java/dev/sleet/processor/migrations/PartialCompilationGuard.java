package dev.sleet.processor.migrations;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.schema.migration.ClasspathLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Tells a partial compilation from a deleted table. IDEs (IntelliJ's incremental build, Eclipse)
 * recompile only the changed files, so the processor sees only some table records; drafting from
 * that would drop every table it did not see. A table listed in the previous {@link TableIndex}
 * but absent from this compilation is <em>not compiled here</em> when its record still resolves
 * (from the class output or class path) as a record that still carries a table annotation; a class
 * that no longer resolves, is no longer a record, or lost its annotation was really deleted.
 */
public final class PartialCompilationGuard {
    private static final int NAMED_IN_MESSAGE = 5;

    private final Elements elements;
    private final List<String> tableAnnotations;

    public PartialCompilationGuard(Elements elements, List<String> tableAnnotations) {
        this.elements = elements;
        this.tableAnnotations = List.copyOf(tableAnnotations);
    }

    /** The previous build's tables that still exist as table records but were not part of this compilation. */
    public List<TableIndex.Entry> notCompiled(TableIndex previous, Set<String> compiledRecords) {
        List<TableIndex.Entry> out = new ArrayList<>();
        for (TableIndex.Entry entry : previous.entries()) {
            if (!compiledRecords.contains(entry.recordClass()) && stillATable(entry.recordClass())) {
                out.add(entry);
            }
        }
        return out;
    }

    private boolean stillATable(String recordClass) {
        TypeElement type = elements.getTypeElement(recordClass);
        if (type == null || type.getKind() != ElementKind.RECORD) {
            return false;
        }
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (tableAnnotations.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The warning text: how many tables were left out, a few by name, why nothing was written and how to refresh it. */
    public static String message(List<TableIndex.Entry> notCompiled, int compiledTables) {
        return warning(notCompiled, compiledTables).text();
    }

    /**
     * The error (SLEET-E070) of a partial compilation whose class output holds DAOs of another processor: the records not
     * compiled here keep DAOs that processor generated.
     */
    public static Message staleDaos(List<TableIndex.Entry> notCompiled, int compiledTables, String previousStamp, String currentStamp) {
        String named = notCompiled.stream().limit(NAMED_IN_MESSAGE)
                .map(e -> e.table().isEmpty() ? e.recordClass() : e.recordClass() + " (" + e.table() + ")")
                .collect(Collectors.joining(", "));
        int more = notCompiled.size() - NAMED_IN_MESSAGE;
        String tables = notCompiled.size() == 1 ? "1 table record" : notCompiled.size() + " table records";
        return Diagnostic.STALE_DAOS.with(tables, notCompiled.size() == 1 ? "was" : "were", compiledTables,
                named + (more > 0 ? " and " + more + " more" : ""), previousStamp, currentStamp);
    }

    /** The coded warning (SLEET-W003) of {@link #message}. */
    public static Message warning(List<TableIndex.Entry> notCompiled, int compiledTables) {
        String named = notCompiled.stream().limit(NAMED_IN_MESSAGE)
                .map(e -> e.table().isEmpty() ? e.recordClass() : e.recordClass() + " (" + e.table() + ")")
                .collect(Collectors.joining(", "));
        int more = notCompiled.size() - NAMED_IN_MESSAGE;
        String tables = notCompiled.size() == 1 ? "1 table record" : notCompiled.size() + " table records";
        return Diagnostic.PARTIAL_COMPILATION.with(tables, notCompiled.size() == 1 ? "was" : "were", compiledTables,
                named + (more > 0 ? " and " + more + " more" : ""), ClasspathLayout.SNAPSHOT);
    }
}
