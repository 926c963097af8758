package dev.sleet.processor;

import static dev.sleet.processor.TestClock.T1;
import static dev.sleet.processor.TestClock.T2;
import static dev.sleet.processor.TestClock.T3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.processor.RealJavac.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against IDE-style partial compilations: javac runs as an IDE would, with a real class
 * output directory that is also on the class path, so an earlier compilation's class files and
 * {@code META-INF/sleet/tables.txt} are there when only some records are recompiled.
 */
class PartialCompilationTest {
    @TempDir
    Path dir;
    private RealJavac javac;
    private Path migrations;

    @BeforeEach
    void folders() throws IOException {
        javac = new RealJavac(dir);
        migrations = dir.resolve("migrations");
    }

    @Test
    void aCompilationOfOnlySomeRecordsDraftsNothingAndTheFullBuildCatchesUp() throws IOException {
        source("A", Sources.TABLE_A);
        source("B", Sources.TABLE_B);
        Result full = compile(T1, List.of(), "A", "B");
        assertThat(full.success()).as(full.text()).isTrue();
        assertThat(sqlFiles()).containsExactly("20261122_021500_create_a_b.sql");
        assertThat(read(javac.classes().resolve("META-INF/sleet/tables.txt"))).isEqualTo("app.A public.a\napp.B public.b\n");
        release("20261122_021500_create_a_b.sql");
        String released = read(migrations.resolve("20261122_021500_create_a_b.sql"));
        String snapshot = read(javac.classes().resolve("META-INF/sleet/snapshot.json"));
        String index = read(javac.classes().resolve("META-INF/sleet/tables.txt"));
        String migrationsCopy = read(javac.classes().resolve("META-INF/sleet/migrations/index.txt"));

        // The IDE recompiles only the edited A; B.class is in the class output, which is on the class path.
        source("A", Sources.TABLE_A_WITH_EMAIL);
        Result partial = compile(T2, List.of("-Asleet.daos=true"), "A");
        assertThat(partial.success()).as(partial.text()).isTrue();
        assertThat(partial.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("SLEET-W003: partial compilation: 1 table record of the previous build was not part of this"
                        + " compilation (which saw 1): app.B (public.b)")
                .contains("mvn compile"));
        assertThat(partial.text()).doesNotContain("DS102").doesNotContain("SLEET-W001");
        assertThat(sqlFiles()).containsExactly("20261122_021500_create_a_b.sql");
        assertThat(read(migrations.resolve("20261122_021500_create_a_b.sql"))).isEqualTo(released);
        assertThat(read(javac.classes().resolve("META-INF/sleet/snapshot.json"))).isEqualTo(snapshot).doesNotContain("email");
        assertThat(read(javac.classes().resolve("META-INF/sleet/tables.txt"))).isEqualTo(index);
        assertThat(read(javac.classes().resolve("META-INF/sleet/migrations/index.txt"))).isEqualTo(migrationsCopy);
        // Per-table output still follows the edit: A's DAO was generated from the new A.
        assertThat(read(javac.generated().resolve("app/ADao.java"))).contains("email");

        // The full build (mvn compile) sees both records again and drafts only the real change.
        Result rebuild = compile(T2, List.of(), "A", "B");
        assertThat(rebuild.success()).as(rebuild.text()).isTrue();
        assertThat(rebuild.text()).doesNotContain("SLEET-W003");
        assertThat(sqlFiles()).containsExactly("20261122_021500_create_a_b.sql", "20261122_030000_add_a_email.sql");
        assertThat(read(migrations.resolve("20261122_030000_add_a_email.sql"))).doesNotContain("\"b\"");
        assertThat(read(javac.classes().resolve("META-INF/sleet/snapshot.json"))).contains("email");
    }

    @Test
    void aRecordWhoseClassIsGoneWasDeletedAndIsDroppedAsBefore() throws IOException {
        fullBuildOfAAndBReleased();

        Files.delete(javac.sources().resolve("app/B.java"));
        deleteClassesOf("B");
        Result afterDelete = compile(T3, List.of(), "A");
        assertThat(afterDelete.success()).as(afterDelete.text()).isTrue();
        assertThat(afterDelete.text()).doesNotContain("SLEET-W003").contains("SLEET-W001").contains("DS102");
        assertThat(sqlFiles()).containsExactly("20261122_021500_create_a_b.sql", "20261122_040000_drop_b.sql");
        assertThat(read(migrations.resolve("20261122_040000_drop_b.sql"))).contains("DROP TABLE \"public\".\"b\"");
        assertThat(read(javac.classes().resolve("META-INF/sleet/tables.txt"))).isEqualTo("app.A public.a\n");
    }

    @Test
    void aRecordThatLostItsTableAnnotationIsATableDeleted() throws IOException {
        fullBuildOfAAndBReleased();

        // B stays a record (and its old class file a table record) but its source no longer maps it.
        source("B", "public record B(long id, int size) {}");
        Result result = compile(T3, List.of(), "A", "B");
        assertThat(result.success()).as(result.text()).isTrue();
        assertThat(result.text()).doesNotContain("SLEET-W003");
        assertThat(sqlFiles()).containsExactly("20261122_021500_create_a_b.sql", "20261122_040000_drop_b.sql");
    }

    @Test
    void checkModeSkipsItsComparisonOnAPartialCompilationButNotOnAFullOne() throws IOException {
        fullBuildOfAAndBReleased();

        source("A", Sources.TABLE_A_WITH_EMAIL);
        Result partial = compile(T2, List.of("-Asleet.mode=check"), "A");
        assertThat(partial.success()).as(partial.text()).isTrue();
        assertThat(partial.text()).contains("SLEET-W003").doesNotContain("SLEET-E030");

        Result full = compile(T2, List.of("-Asleet.mode=check"), "A", "B");
        assertThat(full.success()).isFalse();
        assertThat(full.text()).contains("SLEET-E030").contains("email").doesNotContain("SLEET-W003");
    }

    @Test
    void withoutAMigrationsFolderThePartialSnapshotIsNotWrittenEither() throws IOException {
        migrations = null;
        fullBuildOfAAndB();
        String snapshot = read(javac.classes().resolve("META-INF/sleet/snapshot.json"));
        assertThat(snapshot).contains("\"b\"");

        source("A", Sources.TABLE_A_WITH_EMAIL);
        Result partial = compile(T2, List.of(), "A");
        assertThat(partial.text()).contains("SLEET-W003");
        assertThat(read(javac.classes().resolve("META-INF/sleet/snapshot.json"))).isEqualTo(snapshot);
    }

    /** Where most tests start: a full build (mvn compile) of tables a and b. */
    private void fullBuildOfAAndB() {
        source("A", Sources.TABLE_A);
        source("B", Sources.TABLE_B);
        Result full = compile(T1, List.of(), "A", "B");
        assertThat(full.success()).as(full.text()).isTrue();
    }

    /** A full build of tables a and b whose draft the developer has released. */
    private void fullBuildOfAAndBReleased() {
        fullBuildOfAAndB();
        release("20261122_021500_create_a_b.sql");
    }

    /** javac over the named sources of package app, class output {@code classes} (also on the class path), as an IDE runs it. */
    private Result compile(String clock, List<String> extraOptions, String... names) {
        List<String> options = new ArrayList<>(List.of("-Asleet.clock=" + clock, "-Asleet.daos=false"));
        if (migrations != null) {
            options.add("-Asleet.migrations=" + migrations);
        }
        options.addAll(extraOptions); // a later -Asleet.daos wins
        return javac.compile(Stream.of(names).map(n -> javac.sources().resolve("app/" + n + ".java")).toList(), List.of(), options);
    }

    private void source(String name, String body) {
        javac.source("app", name, Sources.IMPORTS + body);
    }

    /** What an IDE does when a source file is deleted: its class files (and the ones generated for it) go too. */
    private void deleteClassesOf(String record) throws IOException {
        try (Stream<Path> s = Files.list(javac.classes().resolve("app"))) {
            for (Path file : s.filter(p -> p.getFileName().toString().startsWith(record)).toList()) {
                Files.delete(file);
            }
        }
    }

    private void release(String file) {
        new Harness(migrations).release(file);
    }

    private List<String> sqlFiles() {
        return TestFiles.sqlFiles(migrations);
    }

    private static String read(Path file) {
        return TestFiles.read(file);
    }
}
