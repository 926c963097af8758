package dev.sleet.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationFormatException;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest extends OwnSchemaMigratorTest {
    MigratorTest(TestDatabase db) {
        super(db, "app");
    }

    private Migrator migrator(Path dir) {
        return builder(dir).build();
    }

    private boolean tableExists(String table) throws SQLException {
        return db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = '" + app + "' AND tablename = '" + table + "'") == 1;
    }

    @Test
    void appliesInNameOrderOnceAndRecordsHistory(@TempDir Path dir) throws Exception {
        folder(dir)
                .add("20260101_000002_b", "create table {s}.b (id int references {s}.a (id));", "drop table {s}.b;")
                .add("20260101_000001_a", "create table {s}.a (id int primary key);\ninsert into {s}.a values (1), (2);", "drop table {s}.a;");
        Migrator m = migrator(dir);
        MigrationReport first = m.migrate(MigrateOptions.defaults());
        assertThat(first.applied()).extracting(AppliedMigration::name).containsExactly("20260101_000001_a", "20260101_000002_b");
        assertThat(first.applied().get(0).statements()).isEqualTo(2);
        assertThat(db.scalar("SELECT count(*) FROM \"" + app + "\".a")).isEqualTo(2);

        MigrationReport second = m.migrate(MigrateOptions.defaults());
        assertThat(second.upToDate()).isTrue();
        assertThat(second.alreadyApplied()).isEqualTo(2);

        List<HistoryEntry> history = m.history();
        assertThat(history).extracting(HistoryEntry::name).containsExactly("20260101_000001_a", "20260101_000002_b");
        assertThat(history.get(0).appliedBy()).contains("pid " + ProcessHandle.current().pid()).contains(db.user());
        assertThat(history.get(0).downSql()).contains("drop table");
        assertThat(m.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
    }

    @Test
    void failingTransactionalMigrationLeavesNothingBehind(@TempDir Path dir) throws Exception {
        folder(dir)
                .add("20260101_000001_ok", "create table {s}.ok (id int);", null)
                .write("20260101_000002_bad", """
                        -- +migrate Up
                        create table {s}.half (id int);
                        insert into {s}.half values (1);

                        create table {s}.other (
                            id int,
                            broken no_such_type
                        );
                        create table {s}.never (id int);
                        """);
        Migrator m = migrator(dir);
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.fileName()).isEqualTo("20260101_000002_bad.sql");
                    assertThat(e.statementNumber()).isEqualTo(3);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.errorLine()).isEqualTo(7);
                    assertThat(e.sqlState()).isEqualTo("42704");
                    assertThat(e.serverMessage()).contains("no_such_type");
                    assertThat(e.statementFirstLine()).isEqualTo("create table \"" + app + "\".other (");
                    assertThat(e.transactional()).isTrue();
                    assertThat(e.getMessage()).contains("20260101_000002_bad.sql", "statement 3", "line 5", "SQLSTATE 42704",
                            "rolled back");
                });
        assertThat(tableExists("ok")).isTrue();
        assertThat(tableExists("half")).isFalse();
        assertThat(m.history()).extracting(HistoryEntry::name).containsExactly("20260101_000001_ok");
        assertThat(m.status()).extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
    }

    @Test
    void batchedStatementFailureIsAttributedToTheRightStatement(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_x", "create table {s}.x1 (id int);\ncreate table {s}.x2 (id int);\n"
                + "insert into {s}.x1 values (1);\ninsert into {s}.x1 values ('nope');\ncreate table {s}.x3 (id int);", null);
        assertThatThrownBy(() -> migrator(dir).migrate(MigrateOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.statementNumber()).isEqualTo(4);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.sqlState()).isEqualTo("22P02");
                });
        assertThat(tableExists("x1")).isFalse();
    }

    @Test
    void statementsReturningRowsAndFunctionsWithSemicolonsRun(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_fn", """
                create table {s}.t (id int primary key, n text);
                create function {s}.touch() returns trigger language plpgsql as $$
                begin
                    new.n := coalesce(new.n, 'x;y');
                    return new;
                end $$;
                create trigger t_touch before insert on {s}.t for each row execute function {s}.touch();
                select set_config('application_name', 'sleet-test', false);
                insert into {s}.t (id) values (1) returning id;
                do $do$ begin perform 1; end $do$;
                """, null);
        migrator(dir).migrate(MigrateOptions.defaults());
        assertThat(db.scalar("SELECT count(*) FROM \"" + app + "\".t WHERE n = 'x;y'")).isEqualTo(1);
    }

    @Test
    void nonTransactionalCreateIndexConcurrently(@TempDir Path dir) throws Exception {
        folder(dir)
                .add("20260101_000001_t", "create table {s}.big (id int, email text);\ninsert into {s}.big select g, 'u' || g from generate_series(1, 1000) g;", null)
                .add("20260101_000002_idx", "create index concurrently big_email_idx on {s}.big (email);",
                        "drop index concurrently {s}.big_email_idx;");
        Migrator m = migrator(dir);
        MigrationReport r = m.migrate(MigrateOptions.defaults());
        assertThat(r.applied()).extracting(AppliedMigration::transactional).containsExactly(true, false);
        assertThat(db.scalar("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + app + "' AND indexname = 'big_email_idx'")).isEqualTo(1);
        assertThat(db.scalar("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'big_email_idx' AND i.indisvalid"))
                .isEqualTo(1);
        m.rollback(1);
        assertThat(db.scalar("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + app + "' AND indexname = 'big_email_idx'")).isZero();
    }

    @Test
    void nonTransactionalFailureIsRecordedAndResumed(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir);
        f.write("20260101_000001_nt", """
                -- +migrate NoTransaction
                -- +migrate Up
                create table {s}.nt1 (id int);
                create table {s}.nt2 (id int);
                insert into {s}.missing values (1);
                create table {s}.nt3 (id int);
                """);
        Migrator m = migrator(dir);
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.transactional()).isFalse();
                    assertThat(e.statementsCompleted()).isEqualTo(2);
                    assertThat(e.statementNumber()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("resume at statement 3", "repair");
                });
        assertThat(tableExists("nt2")).isTrue();
        MigrationStatus failed = m.status().get(0);
        assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
        assertThat(failed.statementsRun()).isEqualTo(2);

        // The operator fixes the failing statement; migrate resumes where it stopped.
        f.write("20260101_000001_nt", """
                -- +migrate NoTransaction
                -- +migrate Up
                create table {s}.nt1 (id int);
                create table {s}.nt2 (id int);
                create table {s}.missing (id int);
                create table {s}.nt3 (id int);
                """);
        MigrationReport r = m.migrate(MigrateOptions.defaults());
        assertThat(r.applied()).singleElement().satisfies(a -> assertThat(a.resumedFrom()).isEqualTo(2));
        assertThat(tableExists("nt3")).isTrue();
        assertThat(m.status()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(MigrationState.APPLIED));
    }

    @Test
    void repairForgetsFailedAttemptSoMigrateStartsOver(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir);
        f.write("20260101_000001_nt", "-- +migrate NoTransaction\n-- +migrate Up\ncreate table {s}.r1 (id int);\nselect 1/0;\n");
        Migrator m = migrator(dir);
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults())).isInstanceOf(MigrationFailedException.class);
        db.exec("DROP TABLE \"" + app + "\".r1");
        RepairPlan plan = m.planRepair();
        assertThat(plan.removeFailed()).containsExactly("20260101_000001_nt");
        assertThat(m.repair(plan).removeFailed()).containsExactly("20260101_000001_nt");
        assertThat(m.history()).isEmpty();
        f.write("20260101_000001_nt", "-- +migrate NoTransaction\n-- +migrate Up\ncreate table {s}.r1 (id int);\nselect 1;\n");
        assertThat(m.migrate(MigrateOptions.defaults()).applied()).singleElement().satisfies(a -> assertThat(a.resumedFrom()).isZero());
        assertThat(tableExists("r1")).isTrue();
    }

    @Test
    void enumValueAddedInOneMigrationAndUsedInTheNext(@TempDir Path dir) throws Exception {
        folder(dir)
                .add("20260101_000001_enum", "create type {s}.status as enum ('new', 'done');\ncreate table {s}.job (s {s}.status);", null)
                .add("20260101_000002_add", "alter type {s}.status add value 'cancelled';", null)
                .add("20260101_000003_use", "insert into {s}.job values ('cancelled');", null)
                .add("20260101_000004_same_file", "alter type {s}.status add value 'archived';\nupdate {s}.job set s = 'archived';", null);
        MigrationReport r = migrator(dir).migrate(MigrateOptions.defaults());
        assertThat(r.applied()).extracting(AppliedMigration::transactional).containsExactly(true, true, true, false);
        assertThat(db.scalar("SELECT count(*) FROM \"" + app + "\".job WHERE s = 'archived'")).isEqualTo(1);
    }

    @Test
    void editedAppliedMigrationIsRefusedUntilRestoredOrRepaired(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir);
        f.add("20260101_000001_a", "create table {s}.ca (id int);", null);
        Migrator m = migrator(dir);
        m.migrate(MigrateOptions.defaults());
        f.add("20260101_000001_a", "create table {s}.ca (id bigint);", null).add("20260101_000002_b", "create table {s}.cb (id int);", null);
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOfSatisfying(MigrationRefusedException.class, e -> assertThat(e.getMessage())
                        .contains("20260101_000001_a.sql", "changed", "Restore the file", "repair"));
        assertThat(tableExists("cb")).isFalse();
        assertThat(m.status().get(0).state()).isEqualTo(MigrationState.CHECKSUM_MISMATCH);

        RepairPlan plan = m.planRepair();
        assertThat(plan.realign()).extracting(RepairPlan.Realignment::name).containsExactly("20260101_000001_a");
        m.repair(plan);
        assertThat(m.migrate(MigrateOptions.defaults()).applied()).extracting(AppliedMigration::name).containsExactly("20260101_000002_b");
    }

    @Test
    void outOfOrderFileIsRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir);
        f.add("20260101_000001_a", "create table {s}.oa (id int);", null).add("20260101_000003_c", "create table {s}.oc (id int);", null);
        Migrator m = migrator(dir);
        m.migrate(MigrateOptions.defaults());
        f.add("20260101_000002_b", "create table {s}.ob (id int);", null);
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("20260101_000002_b.sql").hasMessageContaining("older than 20260101_000003_c.sql")
                .hasMessageContaining("out-of-order");
        assertThat(m.status()).extracting(MigrationStatus::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED);
        assertThat(m.migrate(MigrateOptions.defaults().withOutOfOrder()).applied()).extracting(AppliedMigration::name)
                .containsExactly("20260101_000002_b");
        assertThat(tableExists("ob")).isTrue();
    }

    @Test
    void missingAppliedFileIsReported(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir);
        f.add("20260101_000001_a", "create table {s}.ma (id int);", null).add("20260101_000002_b", "create table {s}.mb (id int);", null);
        Migrator m = migrator(dir);
        m.migrate(MigrateOptions.defaults());
        f.delete("20260101_000001_a");
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOf(MigrationRefusedException.class).hasMessageContaining("20260101_000001_a.sql").hasMessageContaining("missing");
        assertThat(m.status().get(0).state()).isEqualTo(MigrationState.MISSING_FILE);
        assertThat(m.migrate(MigrateOptions.defaults().withIgnoreMissing()).upToDate()).isTrue();
        m.repair(m.planRepair());
        assertThat(m.history()).extracting(HistoryEntry::name).containsExactly("20260101_000002_b");
    }

    @Test
    void rollbackThenMigrateAgain(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir);
        f.add("20260101_000001_a", "create table {s}.ra (id int primary key);", "drop table {s}.ra;")
                .add("20260101_000002_b", "create table {s}.rb (id int references {s}.ra);", "drop table {s}.rb;")
                .add("20260101_000003_c", "alter table {s}.rb add column note text;", "alter table {s}.rb drop column note;");
        Migrator m = migrator(dir);
        m.migrate(MigrateOptions.defaults());
        // The file's Down changes after applying; rollback uses the recorded one.
        f.add("20260101_000003_c", "alter table {s}.rb add column note text;", "select 1/0;");
        m.repair(new RepairPlan(List.of(), List.of(), List.of())); // an empty confirmed plan changes nothing
        RollbackReport r = m.rollback(2);
        assertThat(r.rolledBack()).extracting(RollbackReport.RolledBack::name).containsExactly("20260101_000003_c", "20260101_000002_b");
        assertThat(tableExists("rb")).isFalse();
        assertThat(tableExists("ra")).isTrue();
        assertThat(m.history()).extracting(HistoryEntry::name).containsExactly("20260101_000001_a");
        assertThat(m.migrate(MigrateOptions.defaults()).applied()).hasSize(2);
        assertThat(db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + app + "' AND table_name = 'rb' AND column_name = 'note'"))
                .isEqualTo(1);
        assertThatThrownBy(() -> m.rollback(4)).isInstanceOf(MigrationRefusedException.class).hasMessageContaining("only 3");
    }

    @Test
    void rollbackRefusesWithoutDownSection(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.nd (id int);", null);
        Migrator m = migrator(dir);
        m.migrate(MigrateOptions.defaults());
        assertThatThrownBy(() -> m.rollback(1)).isInstanceOf(MigrationRefusedException.class).hasMessageContaining("no Down section");
        assertThat(tableExists("nd")).isTrue();
    }

    @Test
    void baselineMarksExistingSchemaAsApplied(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir);
        f.add("20260101_000001_a", "create table {s}.ba (id int);", "drop table {s}.ba;")
                .add("20260101_000002_b", "create table {s}.bb (id int);", null)
                .add("20260101_000003_c", "create table {s}.bc (id int);", null);
        db.exec("CREATE TABLE \"" + app + "\".ba (id int); CREATE TABLE \"" + app + "\".bb (id int)");
        Migrator m = migrator(dir);
        assertThat(m.baseline("20260101_000002_b.sql")).containsExactly("20260101_000001_a", "20260101_000002_b");
        assertThat(m.status()).extracting(MigrationStatus::state)
                .containsExactly(MigrationState.BASELINE, MigrationState.BASELINE, MigrationState.PENDING);
        assertThat(m.migrate(MigrateOptions.defaults()).applied()).extracting(AppliedMigration::name).containsExactly("20260101_000003_c");
        assertThatThrownBy(() -> m.baseline(null)).isInstanceOf(MigrationRefusedException.class).hasMessageContaining("already records 3");
        assertThatThrownBy(() -> m.rollback(3)).isInstanceOf(MigrationRefusedException.class).hasMessageContaining("baseline");
    }

    @Test
    void draftsAreSkippedUnlessIncluded(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.da (id int);", null)
                .write("20260101_000002_draft", "-- sleet:draft — rewritten by every build until you delete this line\n-- +migrate Up\ncreate table {s}.db (id int);\n");
        Migrator m = migrator(dir);
        MigrationReport r = m.migrate(MigrateOptions.defaults());
        assertThat(r.skippedDrafts()).containsExactly("20260101_000002_draft");
        assertThat(tableExists("db")).isFalse();
        assertThat(m.status()).extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED, MigrationState.DRAFT);
        assertThat(m.migrate(MigrateOptions.defaults().withDrafts()).applied()).extracting(AppliedMigration::name)
                .containsExactly("20260101_000002_draft");
        assertThat(tableExists("db")).isTrue();
    }

    @Test
    void truncatedFileIsAClearErrorAndNothingIsApplied(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.tr (id int);", null)
                .write("20260101_000002_cut", "-- +migrate Up\ncreate function f() returns int language sql as $$\n  select 1;\n");
        Migrator m = migrator(dir);
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessageContaining("20260101_000002_cut.sql:2").hasMessageContaining("truncated");
        assertThat(tableExists("tr")).isFalse();
        assertThat(db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = '" + historySchema + "'")).isZero();
    }

    @Test
    void emptyOrMissingFolderIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> migrator(dir).migrate(MigrateOptions.defaults()))
                .isInstanceOf(MigrationRefusedException.class).hasMessageContaining("no migration files");
        assertThatThrownBy(() -> migrator(dir.resolve("nope")).migrate(MigrateOptions.defaults()))
                .isInstanceOf(MigrationSourceException.class).hasMessageContaining("does not exist");
    }

    @Test
    void targetStopsAtTheNamedMigration(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.ta (id int);", null).add("20260101_000002_b", "create table {s}.tb (id int);", null);
        Migrator m = migrator(dir);
        assertThat(m.migrate(MigrateOptions.defaults().withTarget("20260101_000001_a")).applied()).hasSize(1);
        assertThat(tableExists("tb")).isFalse();
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults().withTarget("nope"))).isInstanceOf(MigrationRefusedException.class);
    }

    @Test
    void classpathSourceMergesTheIndexWithTheListing(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("META-INF/sleet/migrations"));
        new MigrationFolder(migrations, app).add("20260101_000001_a", "select 1;", null).add("20260101_000002_b", "select 2;", null)
                .add("20260101_000003_handwritten_after_last_compile", "select 3;", null);
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
            MigrationSource source = new ClasspathMigrationSource("META-INF/sleet/migrations", loader);
            assertThat(source.files()).hasSize(3);
            // a stale index (the processor did not run since the hand-written file was added) loses nothing
            Files.writeString(migrations.resolve("index.txt"), "20260101_000002_b\n20260101_000001_a\n");
            assertThat(source.files()).extracting(MigrationFile::fileName).containsExactly(
                    "20260101_000001_a.sql", "20260101_000002_b.sql", "20260101_000003_handwritten_after_last_compile.sql");
            Files.writeString(migrations.resolve("index.txt"), "20260101_000009_gone\n");
            assertThatThrownBy(source::files).isInstanceOf(MigrationSourceException.class).hasMessageContaining("20260101_000009_gone.sql");
            assertThatThrownBy(() -> new ClasspathMigrationSource("nowhere", loader).files())
                    .isInstanceOf(MigrationSourceException.class).hasMessageContaining("classpath:nowhere");
        }
    }

    @Test
    void classpathSourceListsMigrationsInsideAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("META-INF/", "META-INF/sleet/", "META-INF/sleet/migrations/")) { // as jar tools write them
                out.putNextEntry(new java.util.jar.JarEntry(folder));
                out.closeEntry();
            }
            for (String name : List.of("20260101_000002_b.sql", "20260101_000001_a.sql")) {
                out.putNextEntry(new java.util.jar.JarEntry("META-INF/sleet/migrations/" + name));
                out.write("-- +migrate Up\nselect 1;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/sleet/migrations/nested/ignored.sql"));
            out.closeEntry();
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            assertThat(new ClasspathMigrationSource("META-INF/sleet/migrations", loader).files())
                    .extracting(MigrationFile::fileName).containsExactly("20260101_000001_a.sql", "20260101_000002_b.sql");
        }
    }
}
