package dev.sleet.runtime.promote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.diff.ScriptRenderer;
import dev.sleet.schema.journal.Journal;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.MigrationDirective;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.migration.OwnershipHeader;
import dev.sleet.schema.migration.SharedRequirement;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code sleet promote}: moves overlay tables into the shared module (docs/OVERLAYS.md).
 * {@link #plan} reads both modules and computes everything, refusing with every problem before
 * anything is written; {@link #apply} writes it. Three things happen:
 * <ol>
 *   <li>the table records move to the shared module's package; only their {@code package} line and
 *       the imports that name them (in the moved files and in the overlay's other sources) change;</li>
 *   <li>the shared module gets a migration that creates the tables where they are missing and
 *       <em>adopts</em> them where they exist as expected ({@code -- sleet:adopts}, {@code -- sleet:expects});</li>
 *   <li>the overlay gets a migration that <em>releases</em> them from its snapshot, running nothing.</li>
 * </ol>
 * A module is a folder holding {@code migrations/} and {@code src/main/java/}.
 */
public final class Promoter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Promoter() {
    }

    /**
     * @param tables        table names ({@code teamd_projects} or {@code public.teamd_projects})
     * @param targetPackage the package the records move to; null: the package of the shared module's table records
     */
    public static PromotionPlan plan(Path overlayModule, Path sharedModule, List<String> tables, String targetPackage, Instant now) {
        List<String> problems = new ArrayList<>();
        ModuleFiles overlay = ModuleFiles.at(overlayModule);
        ModuleFiles shared = ModuleFiles.at(sharedModule);
        for (ModuleFiles module : List.of(overlay, shared)) {
            if (!Files.isDirectory(module.migrations())) {
                problems.add(module.root() + " has no migrations/ folder; pass the module folder (the one holding migrations/ and src/)");
            }
        }
        if (!problems.isEmpty()) {
            throw new PromotionRefusedException(problems);
        }
        MigrationsFolder overlayFolder = MigrationsFolder.at(overlay.migrations());
        MigrationsFolder sharedFolder = MigrationsFolder.at(shared.migrations());
        for (MigrationsFolder folder : List.of(overlayFolder, sharedFolder)) {
            for (MigrationFile file : folder.migrations()) {
                if (file.draft()) {
                    problems.add(folder.dir().resolve(file.fileName()) + " is an unreleased draft; release it (delete its first line)"
                            + " or build again until it is gone, so that the promotion starts from committed state");
                }
            }
        }
        if (tables.isEmpty()) {
            problems.add("no table named; pass --table with one of " + tableNames(overlayFolder));
        }
        if (!problems.isEmpty()) {
            throw new PromotionRefusedException(problems);
        }
        Journal overlayJournal = overlayFolder.journal();
        Journal sharedJournal = sharedFolder.journal();
        DatabaseSchema overlayState = overlayJournal.state();
        DatabaseSchema sharedState = sharedJournal.state();

        List<Table> moving = new ArrayList<>();
        for (String requested : tables) {
            QualifiedName name = OwnershipHeader.name(requested);
            Optional<Table> table = overlayState.table(name);
            if (table.isEmpty()) {
                problems.add(name + " is not a table of the overlay's committed state; its tables are " + tableNames(overlayFolder));
                continue;
            }
            Optional<Table> already = sharedState.table(name);
            if (already.isPresent()) {
                List<Drift> differences = Drift.between(only(overlayState, List.of(name)), only(sharedState, List.of(name)));
                problems.add(name + " is already a table of the shared module" + (differences.isEmpty() ? "" : ", with another definition:\n    "
                        + String.join("\n    ", differences.stream().map(Drift::toString).toList())));
                continue;
            }
            moving.add(table.get());
        }
        Set<QualifiedName> movingNames = new TreeSet<>();
        moving.forEach(t -> movingNames.add(t.name()));
        for (Table table : moving) {
            for (ForeignKey key : table.foreignKeys()) {
                if (!movingNames.contains(key.referencedTable()) && sharedState.table(key.referencedTable()).isEmpty()) {
                    problems.add(table.name() + " references " + key.referencedTable() + " (" + key.name() + "), which the shared module"
                            + " does not own; the shared module cannot depend on an overlay: promote " + key.referencedTable() + " too");
                }
            }
        }
        // The overlay's enum types that promoted tables use move with them (the shared module cannot depend on an
        // overlay's type); one that a table staying in the overlay uses too cannot move, since that table needs it.
        Map<QualifiedName, EnumType> movingEnums = new TreeMap<>();
        for (Table table : moving) {
            for (Column column : table.columns()) {
                if (column.type() instanceof ColumnType.EnumRef ref && sharedState.enumType(ref.enumName()).isEmpty()) {
                    Optional<EnumType> own = overlayState.enumType(ref.enumName());
                    if (own.isPresent()) {
                        movingEnums.put(ref.enumName(), own.get());
                    } else {
                        problems.add(table.name() + "." + column.name() + " has type " + ref.enumName() + ", which neither the"
                                + " overlay's committed state nor the shared module's declares; build the overlay so its state is current");
                    }
                }
            }
        }
        for (Table staying : overlayState.tables()) {
            if (movingNames.contains(staying.name())) {
                continue;
            }
            for (Column column : staying.columns()) {
                if (column.type() instanceof ColumnType.EnumRef ref && movingEnums.containsKey(ref.enumName())) {
                    List<String> users = moving.stream().filter(t -> t.columns().stream().anyMatch(c -> c.type() instanceof ColumnType.EnumRef r
                            && r.enumName().equals(ref.enumName()))).map(t -> t.name().toString()).toList();
                    problems.add("type " + ref.enumName() + " would move to the shared module with " + String.join(", ", users)
                            + ", but " + staying.name() + "." + column.name() + " stays in the overlay and uses it; promote "
                            + staying.name() + " too, or give it a type of its own first");
                }
            }
        }
        String overlayName = overlay.overlayName();
        List<RecordSource> records = new ArrayList<>();
        for (Table table : moving) {
            List<RecordSource> found = overlay.records().stream().filter(r -> r.table().equals(table.name())).toList();
            if (found.size() != 1) {
                problems.add(found.isEmpty()
                        ? "no record in " + overlay.sources() + " declares " + table.name() + "; promote moves the record with its table"
                        : table.name() + " is declared by " + found.size() + " records: " + found.stream().map(r -> r.file().toString()).toList());
            } else {
                records.add(found.get(0));
            }
        }
        List<RecordSource> enumSources = new ArrayList<>();
        for (EnumType type : movingEnums.values()) {
            List<RecordSource> found = overlay.enums().stream().filter(r -> r.table().equals(type.name())).toList();
            if (found.size() != 1) {
                problems.add(found.isEmpty()
                        ? "no @PgEnum enum in " + overlay.sources() + " declares type " + type.name() + "; promote moves the enum with its type"
                        : "type " + type.name() + " is declared by " + found.size() + " enums: " + found.stream().map(r -> r.file().toString()).toList());
            } else {
                enumSources.add(found.get(0));
            }
        }
        String pkg = targetPackage != null ? targetPackage
                : shared.records().stream().map(RecordSource::packageName).findFirst().orElse(null);
        if (pkg == null) {
            problems.add("the shared module " + shared.root() + " has no table record to take the package from; pass --package");
        }
        if (!problems.isEmpty()) {
            throw new PromotionRefusedException(problems);
        }

        SourceMoves moves = SourceMoves.plan(overlay, shared, records, enumSources, pkg, problems);
        if (!problems.isEmpty()) {
            throw new PromotionRefusedException(problems);
        }

        // The shared migration: create where missing, adopt where present.
        List<EnumType> enums = new ArrayList<>(movingEnums.values());
        DatabaseSchema sharedAfter = with(sharedState, moving, enums);
        DatabaseSchema expected = new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), enums, moving);
        String slug = String.join("_", moving.stream().map(t -> t.name().name()).toList());
        String sharedName = MigrationNames.timestampAfter(now, newest(sharedFolder)) + "_promote_" + slug;
        // Types first: an adopted table's columns need their type. A name is a table or a type, never both (PostgreSQL
        // gives every table a row type of its name), so the ownership lines need not say which.
        List<QualifiedName> adopted = new ArrayList<>(movingEnums.keySet());
        adopted.addAll(movingNames);
        StringBuilder sharedHeader = new StringBuilder();
        for (QualifiedName name : adopted) {
            sharedHeader.append(new OwnershipHeader.Adoption(name, overlayName).line()).append('\n');
        }
        sharedHeader.append(OwnershipHeader.expectsLine(compact(SnapshotJson.write(expected)))).append('\n');
        MigrationPlan up = SchemaDiffer.diff(sharedState, sharedAfter);
        MigrationPlan down = SchemaDiffer.diff(sharedAfter, sharedState);
        String sharedSql = sharedHeader + MigrationDirective.render(false, ScriptRenderer.render(up), ScriptRenderer.render(down));
        PromotionPlan.NewMigration sharedMigration = new PromotionPlan.NewMigration(sharedFolder.dir(), sharedName, sharedSql,
                new MigrationMeta(sharedName, sharedJournal.heads(), sharedAfter));

        // The overlay migration: the tables leave its snapshot; nothing runs.
        DatabaseSchema overlayAfter = without(overlayState, movingNames, movingEnums.keySet());
        String overlayName2 = MigrationNames.timestampAfter(now, newest(overlayFolder)) + "_release_" + slug;
        StringBuilder overlayHeader = new StringBuilder(new SharedRequirement(SharedRequirement.SHARED, sharedName).line()).append('\n');
        for (QualifiedName name : adopted) {
            overlayHeader.append(new OwnershipHeader.Release(name, SharedRequirement.SHARED).line()).append('\n');
        }
        String names = String.join(", ", adopted.stream().map(QualifiedName::toString).toList());
        String overlaySql = overlayHeader + MigrationDirective.render(false,
                "-- " + names + " now belong to the shared module (" + sharedName + "); no statement runs here\n",
                "-- giving " + names + " back to " + overlayName + " runs no statement either\n");
        PromotionPlan.NewMigration overlayMigration = new PromotionPlan.NewMigration(overlayFolder.dir(), overlayName2, overlaySql,
                new MigrationMeta(overlayName2, overlayJournal.heads(), overlayAfter, sharedName));

        return new PromotionPlan(overlayName, new ArrayList<>(movingNames), new ArrayList<>(movingEnums.keySet()), moves.written(),
                moves.removed(), sharedMigration, overlayMigration);
    }

    /** Writes the plan: sources first, then the shared migration, then the overlay's. */
    public static void apply(PromotionPlan plan) {
        try {
            for (PromotionPlan.SourceFile file : plan.sources()) {
                Files.createDirectories(file.path().getParent());
                Files.writeString(file.path(), file.content(), StandardCharsets.UTF_8);
            }
            for (Path removed : plan.removed()) {
                Files.deleteIfExists(removed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the moved sources: " + e.getMessage(), e);
        }
        for (PromotionPlan.NewMigration m : List.of(plan.sharedMigration(), plan.overlayMigration())) {
            MigrationsFolder.at(m.folder()).write(m.name(), m.sql(), m.meta());
        }
    }

    /** The overlay's tables, for messages and the interactive choice. */
    public static List<String> tableNames(Path overlayModule) {
        return tableNames(MigrationsFolder.at(ModuleFiles.at(overlayModule).migrations()));
    }

    private static List<String> tableNames(MigrationsFolder folder) {
        return folder.journal().state().tables().stream().map(t -> t.name().toString()).toList();
    }

    private static String newest(MigrationsFolder folder) {
        List<MigrationFile> files = folder.migrations();
        return files.isEmpty() ? null : files.get(files.size() - 1).name();
    }

    private static DatabaseSchema only(DatabaseSchema schema, List<QualifiedName> tables) {
        return new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), List.of(),
                schema.tables().stream().filter(t -> tables.contains(t.name())).toList());
    }

    private static DatabaseSchema with(DatabaseSchema schema, List<Table> tables, List<EnumType> types) {
        List<Table> all = new ArrayList<>(schema.tables());
        all.addAll(tables);
        List<EnumType> enums = new ArrayList<>(schema.enums());
        enums.addAll(types);
        enums.sort(java.util.Comparator.comparing(EnumType::name));
        Set<String> namespaces = new TreeSet<>(schema.schemas());
        tables.stream().map(t -> t.name().schema()).filter(s -> !s.equals(QualifiedName.DEFAULT_SCHEMA)).forEach(namespaces::add);
        types.stream().map(t -> t.name().schema()).filter(s -> !s.equals(QualifiedName.DEFAULT_SCHEMA)).forEach(namespaces::add);
        return new DatabaseSchema(new TreeSet<>(namespaces), new TreeSet<>(schema.extensions()), enums, all);
    }

    private static DatabaseSchema without(DatabaseSchema schema, Set<QualifiedName> tables, Set<QualifiedName> types) {
        List<Table> kept = schema.tables().stream().filter(t -> !tables.contains(t.name())).toList();
        Set<String> namespaces = new TreeSet<>();
        kept.forEach(t -> namespaces.add(t.name().schema()));
        List<EnumType> enums = schema.enums().stream().filter(e -> !types.contains(e.name())).toList();
        enums.forEach(e -> namespaces.add(e.name().schema()));
        namespaces.remove(QualifiedName.DEFAULT_SCHEMA);
        return new DatabaseSchema(new TreeSet<>(namespaces), new TreeSet<>(schema.extensions()), enums, kept);
    }

    private static String compact(String json) {
        try {
            return JSON.readTree(json).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A table record found in a module's sources. */
    record RecordSource(Path file, String packageName, String recordName, QualifiedName table, String content) {
    }

    /** Where a module keeps what promote reads. */
    record ModuleFiles(Path root) {
        static ModuleFiles at(Path root) {
            return new ModuleFiles(root.toAbsolutePath().normalize());
        }

        Path migrations() {
            return root.resolve("migrations");
        }

        Path sources() {
            return root.resolve("src/main/java");
        }

        /** The overlay's owner name as its build gives it ({@code -Asleet.overlay=...} in its pom), else the folder's name. */
        String overlayName() {
            Path pom = root.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("sleet\\.overlay=([a-z][a-z0-9_-]*)").matcher(read(pom));
                if (m.find()) {
                    return m.group(1);
                }
            }
            return root.getFileName().toString();
        }

        /** Main sources: where table records live. */
        List<Path> javaFiles() {
            return javaFiles(sources());
        }

        /** Main and test sources: every file whose imports may name a moved type. */
        List<Path> allJavaFiles() {
            List<Path> out = new ArrayList<>(javaFiles());
            out.addAll(javaFiles(root.resolve("src/test/java")));
            return out;
        }

        private static List<Path> javaFiles(Path folder) {
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<RecordSource> records() {
            List<RecordSource> out = new ArrayList<>();
            for (Path file : javaFiles()) {
                JavaSource.tableRecord(file, read(file)).ifPresent(out::add);
            }
            return out;
        }

        /** The {@code @PgEnum} enums, each with the type it declares (in {@link RecordSource#table()}). */
        List<RecordSource> enums() {
            List<RecordSource> out = new ArrayList<>();
            for (Path file : javaFiles()) {
                JavaSource.pgEnum(file, read(file)).ifPresent(out::add);
            }
            return out;
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
