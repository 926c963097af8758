package dev.sleet.processor;

import com.google.auto.service.AutoService;
import dev.sleet.processor.bind.RecordScans;
import dev.sleet.processor.bind.TableBinder;
import dev.sleet.processor.dao.DaoGenerator;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.migrations.ClasspathExport;
import dev.sleet.processor.migrations.MigrationStep;
import dev.sleet.processor.migrations.PartialCompilationGuard;
import dev.sleet.processor.migrations.TableIndex;
import dev.sleet.processor.dao.ProcessorStamp;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.processor.ownership.OverlayClaims;
import dev.sleet.processor.ownership.OverlayOwnership;
import dev.sleet.processor.ownership.SharedSchemaReader;
import dev.sleet.processor.validate.MisplacedAnnotations;
import dev.sleet.processor.validate.RenameValidator;
import dev.sleet.processor.scan.AnnotationNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;

/**
 * Sleet's javac processor: gathers every table record (across rounds), builds and validates the
 * schema once all of them are resolvable, generates DAOs, and in the final round writes the
 * snapshot and the migration draft. Aggregating: the schema needs every table at once.
 */
@AutoService(Processor.class)
public final class SleetProcessor extends AbstractProcessor {
    private static final List<String> TABLE_ANNOTATIONS =
            List.of(AnnotationNames.TABLE, AnnotationNames.JPA_TABLE, AnnotationNames.JPA_ENTITY);

    private final Set<String> tableTypes = new LinkedHashSet<>();
    private final Set<String> enumTypes = new LinkedHashSet<>();
    private final Set<String> daosGenerated = new HashSet<>();
    private ProcessorOptions options;
    private Reporter reporter;
    private MisplacedAnnotations misplaced;
    private SchemaModel model;
    private boolean modelStale;
    /** In an overlay module: what the shared module owns, read once from the class path. */
    private OverlayOwnership overlay;
    private boolean overlayRead;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        reporter = new Reporter(processingEnv);
        misplaced = new MisplacedAnnotations(processingEnv.getElementUtils(), reporter);
        options = ProcessorOptions.parse(processingEnv.getOptions());
        for (Message problem : options.problems()) {
            reporter.report(problem, null);
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.sleet.annotations.*", AnnotationNames.JPA_TABLE, AnnotationNames.JPA_ENTITY);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return ProcessorOptions.ALL;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            gather(round);
            // This round's one read of each record's annotations, shared by the resolvability check and the binder.
            RecordScans scans = new RecordScans(processingEnv.getElementUtils());
            if (!round.processingOver()) {
                if (modelStale && allResolvable(scans)) {
                    buildModel(false, scans);
                    generateDaos();
                }
            } else {
                if (modelStale || model == null) {
                    buildModel(true, scans);
                    generateDaos();
                }
                finish(round);
            }
        } catch (Throwable t) {
            // Never let an exception escape into javac: it would hide the user's real errors.
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            reporter.report(Diagnostic.PROCESSOR_FAILED.with(t, trace), null);
        }
        return false;
    }

    /**
     * One scan of the round's elements for every annotation the processor looks at per round (javac
     * walks every root element and its members per {@code getElementsAnnotatedWith...} call): the
     * misplaced-annotation check and the gathering of tables and enums share it. The tables are then
     * split by annotation in the order the separate scans gave: tables by annotation in
     * {@link #TABLE_ANNOTATIONS} order, then enums. None of these annotations is {@code @Inherited}, so
     * the ones written on the type are the ones javac matched.
     */
    private void gather(RoundEnvironment round) {
        List<String> wantedNames = new ArrayList<>(TABLE_ANNOTATIONS);
        wantedNames.add(AnnotationNames.PG_ENUM);
        Set<Name> wanted = new HashSet<>(); // javax Names: cheap to hash and compare, unlike Strings made per mirror
        Set<TypeElement> scanFor = new LinkedHashSet<>();
        for (String name : wantedNames) {
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
            if (annotation != null) {
                wanted.add(processingEnv.getElementUtils().getName(name));
                scanFor.add(annotation);
            }
        }
        for (String name : MisplacedAnnotations.annotationNames()) {
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
            if (annotation != null) {
                scanFor.add(annotation);
            }
        }
        Set<? extends Element> scanned = scanFor.isEmpty() ? Set.of()
                : round.getElementsAnnotatedWithAny(scanFor.toArray(new TypeElement[0]));
        misplaced.check(scanned);
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, List<TypeElement>> byAnnotation = new HashMap<>();
        for (Element element : scanned) {
            if (!(element instanceof TypeElement type) || !carriesAny(type, wanted)) {
                continue; // in the scan for the misplaced-annotation check only
            }
            for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
                String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
                if (wantedNames.contains(name)) {
                    byAnnotation.computeIfAbsent(name, n -> new ArrayList<>()).add(type);
                }
            }
        }
        for (String name : TABLE_ANNOTATIONS) {
            for (TypeElement type : byAnnotation.getOrDefault(name, List.of())) {
                if (tableTypes.add(type.getQualifiedName().toString())) {
                    modelStale = true;
                }
            }
        }
        for (TypeElement type : byAnnotation.getOrDefault(AnnotationNames.PG_ENUM, List.of())) {
            if (type.getKind() == ElementKind.ENUM && enumTypes.add(type.getQualifiedName().toString())) {
                modelStale = true;
            }
        }
    }

    /** Whether a scan for {@code names} alone would have matched the type (javac matches on all its annotations). */
    private boolean carriesAny(TypeElement type, Set<Name> names) {
        for (AnnotationMirror mirror : processingEnv.getElementUtils().getAllAnnotationMirrors(type)) {
            if (names.contains(((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName())) {
                return true;
            }
        }
        return false;
    }

    private boolean allResolvable(RecordScans scans) {
        for (TypeElement type : types(tableTypes)) {
            if (TableBinder.hasUnresolvedTypes(scans.of(type))) {
                return false;
            }
        }
        return true;
    }

    /** In the final round, types still unresolved are reported and left out. */
    private void buildModel(boolean finalRound, RecordScans scans) {
        List<TypeElement> tables = new ArrayList<>();
        for (TypeElement type : types(tableTypes)) {
            if (finalRound && TableBinder.hasUnresolvedTypes(scans.of(type))) {
                reporter.report(Diagnostic.UNRESOLVED_TYPE.with(type.getSimpleName()), type);
                continue;
            }
            tables.add(type);
        }
        model = new ModelBuilder(processingEnv.getElementUtils(), reporter).build(tables, types(enumTypes), overlay(), scans);
        modelStale = false;
    }

    /** Null outside an overlay, and when the shared schema could not be read (reported once). */
    private OverlayOwnership overlay() {
        if (!overlayRead && options.isOverlay()) {
            overlayRead = true;
            overlay = new SharedSchemaReader(processingEnv.getFiler(), reporter).read(options.overlay())
                    .map(shared -> new OverlayOwnership(shared, options.overlay(), reporter)).orElse(null);
        }
        return overlay;
    }

    private List<TypeElement> types(Set<String> names) {
        List<TypeElement> out = new ArrayList<>();
        for (String name : names) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                out.add(type);
            }
        }
        return out;
    }

    private void generateDaos() {
        DaoGenerator generator = new DaoGenerator(processingEnv); // one per round: it indexes the relations once
        List<BoundTable> relatable = model.relatable(); // one list, so the generator's index is built once for it
        for (BoundTable table : model.tables()) {
            if (options.daos() && daosGenerated.add(table.element().getQualifiedName().toString())) {
                try {
                    generator.generate(table, model.schema(), relatable);
                } catch (RuntimeException e) {
                    // One table's DAO failing must not hide the others' or the schema's diagnostics.
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    reporter.report(Diagnostic.DAO_GENERATION_FAILED.with(table.element().getSimpleName(), e, trace), table.element());
                }
            }
        }
    }

    private void finish(RoundEnvironment round) throws java.io.IOException {
        if (overlay != null) {
            new OverlayClaims(processingEnv.getFiler(), reporter, options.overlay()).check(model.tables());
        }
        if (reporter.errorCount() > 0 || round.errorRaised()) {
            return; // nothing partial: no snapshot, no draft while any error stands
        }
        if (tableTypes.isEmpty()) {
            // A compilation without tables (a test source set compiled with the same options, a module
            // holding only enums) must not read as "every table was deleted".
            return;
        }
        ClasspathExport export = new ClasspathExport(processingEnv.getFiler(), options.overlay());
        Optional<TableIndex> previous = export.previousTables();
        Optional<String> previousStamp = export.previousProcessorStamp();
        if (previous.isPresent()) {
            List<TableIndex.Entry> notCompiled = new PartialCompilationGuard(processingEnv.getElementUtils(), TABLE_ANNOTATIONS)
                    .notCompiled(previous.get(), tableTypes);
            if (!notCompiled.isEmpty() && options.daos() && !previousStamp.orElse("").equals(ProcessorStamp.current())) {
                // The records not compiled here keep DAOs another processor generated: never let them pass silently.
                reporter.report(PartialCompilationGuard.staleDaos(notCompiled, tableTypes.size(),
                        previousStamp.orElse("an earlier Sleet processor that did not record itself"), ProcessorStamp.current()), null);
                return;
            }
            if (!notCompiled.isEmpty()) {
                // An IDE recompiled only some records: the schema of this compilation is not the schema of the sources.
                // DAOs of the compiled records were generated above; every whole-schema output is left alone.
                reporter.report(PartialCompilationGuard.warning(notCompiled, tableTypes.size()), null);
                return;
            }
        }
        new MigrationStep(options, reporter, export, new RenameValidator(processingEnv.getElementUtils(), reporter),
                overlay == null ? null : overlay.shared()).run(model);
    }
}
