package dev.sleet.runtime.pull;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.diff.ScriptRenderer;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.MigrationDirective;
import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.model.DatabaseSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code sleet pull}: a live database → annotated records, a baseline migration and a review file.
 *
 * <ol>
 *   <li>introspect with the {@link Introspector} verify uses;</li>
 *   <li>split what records can say from what they cannot ({@link RecordPlanner}, {@link CatalogExtras});</li>
 *   <li>write one record per table and one {@code @PgEnum} per enum type ({@link RecordSources});</li>
 *   <li>write the first migration, generated like a processor draft but released, whose meta state is
 *       exactly what the records compile to, so the first build writes no draft; around it, hand-written
 *       files with what records cannot hold: sequences before the tables, then views, functions,
 *       triggers and the parts of tables the annotations cannot say;</li>
 *   <li>record them all as applied on the pulled database ({@link Migrator#baseline}), so {@code migrate}
 *       creates them on fresh databases only.</li>
 * </ol>
 * The CLI's {@code sleet pull} and the Maven plugin's {@code sleet:pull} are thin faces over {@link #pull}.
 */
public final class Puller {
    static final String BASELINE_SLUG = "pulled_baseline";
    static final String PRELUDE_SLUG = "pulled_prelude";
    static final String REVIEW_SLUG = "pulled_objects_to_review";

    private Puller() {
    }

    /** Reads the database and says what a pull would write, without writing anything. */
    public static PullPlan plan(DataSource dataSource, Set<String> schemas, Set<String> tables) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return plan(c, schemas, tables).plan();
        }
    }

    private record Found(PullPlan plan, List<CatalogExtras.Extra> extras) {
    }

    private static Found plan(Connection c, Set<String> schemas, Set<String> tables) throws SQLException {
        DatabaseSchema live = new Introspector().introspect(c, Set.of());
        PullPlan model = RecordPlanner.plan(live, schemas, tables);
        List<CatalogExtras.Extra> extras = CatalogExtras.read(c, model.scoped().schemas(), tables);
        List<Leftover> leftovers = new ArrayList<>(model.leftovers());
        extras.forEach(e -> leftovers.add(e.leftover()));
        return new Found(new PullPlan(model.scoped(), model.expressed(), leftovers), extras);
    }

    public static PullResult pull(DataSource dataSource, PullOptions options) throws SQLException {
        Found found;
        try (Connection c = dataSource.getConnection()) {
            found = plan(c, options.schemas(), options.tables());
        }
        PullPlan plan = found.plan();
        if (plan.expressed().tables().isEmpty() && plan.expressed().enums().isEmpty()) {
            throw new PullRefusedException(PullRefusedException.Reason.NOTHING_TO_PULL, "nothing to pull: no table" + (options.schemas().isEmpty() ? "" : " in schema(s) "
                    + String.join(", ", options.schemas())) + (options.tables().isEmpty() ? "" : " named " + String.join(", ", options.tables()))
                    + " in the database; check the schemas and tables asked for");
        }
        MigrationsFolder folder = options.migrations() == null ? null : MigrationsFolder.at(options.migrations());
        if (folder != null && Files.isDirectory(options.migrations()) && !folder.migrations().isEmpty()) {
            throw new PullRefusedException(PullRefusedException.Reason.MIGRATIONS_EXIST, "cannot pull into " + options.migrations() + ": it already holds "
                    + folder.migrations().size() + " migration(s) (newest " + folder.newest().get().name() + "); pull writes the first "
                    + "migration of a project");
        }
        List<Path> written = writeSources(plan, options);
        List<String> migrations = new ArrayList<>();
        List<String> recorded = List.of();
        String review = null;
        if (folder != null) {
            review = writeMigrations(folder, plan, found.extras(), options, migrations);
            if (options.recordApplied()) {
                recorded = Migrator.builder(dataSource).source(options.migrations().toString())
                        .historyTable(options.historySchema(), options.historyTable()).build()
                        .baseline(migrations.get(migrations.size() - 1));
            }
        }
        return new PullResult(plan, written, migrations, recorded, review);
    }

    private static List<Path> writeSources(PullPlan plan, PullOptions options) {
        Map<String, String> sources = RecordSources.render(plan.expressed(), options.packageName());
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = options.sourceRoot().resolve(source.getKey());
            try {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(source.getValue())) {
                    Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }

    /** Writes prelude (when needed), baseline and review file (when needed); returns the review file's name or null. */
    private static String writeMigrations(MigrationsFolder folder, PullPlan plan, List<CatalogExtras.Extra> extras, PullOptions options,
                                          List<String> names) {
        String first = MigrationNames.timestamp(options.now());
        String prelude = preludeText(extras);
        String timestamp = first;
        if (prelude != null) {
            String name = timestamp + "_" + PRELUDE_SLUG;
            writeHandWritten(folder, name, prelude);
            names.add(name);
            timestamp = MigrationNames.timestampAfter(options.now(), name);
        }
        String baseline = timestamp + "_" + BASELINE_SLUG;
        MigrationPlan up = SchemaDiffer.diff(DatabaseSchema.EMPTY, plan.expressed());
        MigrationPlan down = SchemaDiffer.diff(plan.expressed(), DatabaseSchema.EMPTY);
        folder.write(baseline, MigrationDirective.render(false, ScriptRenderer.render(up), ScriptRenderer.render(down)),
                new MigrationMeta(baseline, List.of(), plan.expressed()));
        names.add(baseline);
        String review = reviewText(plan, extras);
        if (review == null) {
            return null;
        }
        String name = MigrationNames.timestampAfter(options.now(), baseline) + "_" + REVIEW_SLUG;
        writeHandWritten(folder, name, review);
        names.add(name);
        return name;
    }

    private static void writeHandWritten(MigrationsFolder folder, String name, String text) {
        Path file = folder.sqlFile(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String preludeText(List<CatalogExtras.Extra> extras) {
        List<CatalogExtras.Extra> before = extras.stream().filter(CatalogExtras.Extra::beforeTables).toList();
        if (before.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        text.append("-- Written by sleet pull: objects the tables of the baseline need first, which records cannot hold.\n");
        text.append("-- Recorded as applied on the pulled database; fresh databases run it before the baseline.\n");
        comments(text, before.stream().map(CatalogExtras.Extra::leftover).toList());
        return text + sections(before, "", "");
    }

    private static String reviewText(PullPlan plan, List<CatalogExtras.Extra> extras) {
        List<CatalogExtras.Extra> after = extras.stream().filter(e -> !e.beforeTables()).toList();
        List<Leftover> modelLeftovers = plan.leftovers().stream().filter(l -> extras.stream().noneMatch(e -> e.leftover() == l)).toList();
        if (after.isEmpty() && modelLeftovers.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        text.append("-- Written by sleet pull for review: what the pulled database holds that records cannot express.\n");
        text.append("-- Recorded as applied on the pulled database; fresh databases run it after the baseline.\n");
        text.append("-- Keep, edit or delete each statement before you commit it; nothing below is in the records.\n");
        List<Leftover> listed = new ArrayList<>(modelLeftovers);
        after.forEach(e -> listed.add(e.leftover()));
        comments(text, listed);
        // The parts of tables the records leave out come back as the differ's statements from records to database.
        MigrationPlan up = SchemaDiffer.diff(plan.expressed(), plan.scoped());
        MigrationPlan down = SchemaDiffer.diff(plan.scoped(), plan.expressed());
        return text + sections(after, ScriptRenderer.render(up), ScriptRenderer.render(down));
    }

    private static void comments(StringBuilder text, List<Leftover> leftovers) {
        for (Leftover l : leftovers) {
            text.append("--   ").append(l.describe().replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
    }

    /**
     * The Up and Down sections for {@code extras}: Up is {@code upFirst}, then each extra's create in order;
     * Down drops them in the reverse order, then ends with {@code downLast}.
     */
    private static String sections(List<CatalogExtras.Extra> extras, String upFirst, String downLast) {
        StringBuilder up = new StringBuilder(upFirst);
        StringBuilder down = new StringBuilder();
        for (CatalogExtras.Extra e : extras) {
            if (e.create() != null) {
                up.append(e.create()).append('\n');
            }
        }
        for (int i = extras.size() - 1; i >= 0; i--) {
            if (extras.get(i).drop() != null) {
                down.append(extras.get(i).drop()).append('\n');
            }
        }
        down.append(downLast);
        return MigrationDirective.render(false, up.toString(), down.toString());
    }
}
