package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static dev.sleet.processor.TestClock.T2;
import static dev.sleet.processor.TestClock.T3;
import static dev.sleet.processor.TestClock.T4;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts over a developer's day: rewrite in place, release, check mode, strict mode, merges, broken folders. */
class DraftLifecycleTest {
    private static final String CREATE_USERS = "20261122_021500_create_users.sql";

    @TempDir
    Path dir;

    private static JavaFileObject users(String components) {
        return Sources.of("User", """
                @Table(name = "users")
                public record User(@Id @Identity long id, %s) {}
                """.formatted(components));
    }

    /** A folder holding the released migration that creates users (id, name), and its harness. */
    private Harness usersReleased(Path folder) {
        return Harness.withoutDaos(folder).released(T1, CREATE_USERS, users("String name"));
    }

    /** What git merge does with a migration made on another branch: its file and its meta file land in this folder. */
    private static void merge(Path branch, Path into, String migration) throws IOException {
        Files.copy(branch.resolve(migration + ".sql"), into.resolve(migration + ".sql"));
        Files.copy(branch.resolve("meta/" + migration + ".json"), into.resolve("meta/" + migration + ".json"));
    }

    private static List<String> metaFiles(Path folder) throws IOException {
        Path meta = folder.resolve("meta");
        if (!Files.isDirectory(meta)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(meta)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recompilingRewritesTheDraftInPlaceAndRenamesItWhenTheSlugChanges() throws IOException {
        Harness h = Harness.withoutDaos(dir);
        assertThat(h.compile(T1, users("String name"))).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql");

        // Same sources again: the file is left alone (same bytes, same modification time).
        Path draft = dir.resolve("20261122_021500_create_users.sql");
        Files.setLastModifiedTime(draft, FileTime.fromMillis(0));
        assertThat(h.compile(T2, users("String name"))).succeeded();
        assertThat(Files.getLastModifiedTime(draft).toMillis()).isZero();

        // A change while the draft is unreleased: still one draft, same timestamp, new content.
        assertThat(h.compile(T2, users("String name, @Nullable String email"))).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql");
        assertThat(h.read("20261122_021500_create_users.sql")).contains("\"email\" text").doesNotContain("ADD COLUMN");
        assertThat(metaFiles(dir)).containsExactly("20261122_021500_create_users.json");

        h.release(CREATE_USERS);
        assertThat(h.compile(T2, users("String name, @Nullable String email, @Nullable String phone"))).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql", "20261122_030000_add_users_phone.sql");

        // The slug follows the change: the draft is renamed, keeping its timestamp.
        assertThat(h.compile(T3, users("String name, @Nullable String email, @Nullable String mobile"))).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql", "20261122_030000_add_users_mobile.sql");
        assertThat(metaFiles(dir)).containsExactly("20261122_021500_create_users.json", "20261122_030000_add_users_mobile.json");

        // Back to the released state: the draft is no longer needed and disappears with its meta.
        assertThat(h.compile(T3, users("String name, @Nullable String email"))).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql");
        assertThat(metaFiles(dir)).containsExactly("20261122_021500_create_users.json");
    }

    @Test
    void aReleasedDraftIsNeverRewrittenAndAFixedClockStillOrdersNewFilesAfterIt() throws IOException {
        Harness h = usersReleased(dir);
        String released = h.read("20261122_021500_create_users.sql");
        assertThat(h.compile(T1, users("String name, boolean admin"))).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql", "20261122_021501_add_users_admin.sql");
        assertThat(h.read("20261122_021500_create_users.sql")).isEqualTo(released);
        assertThat(h.read("20261122_021501_add_users_admin.sql"))
                .contains("ALTER TABLE \"public\"\".\"users\" ADD COLUMN \"admin\" boolean NOT NULL".replace("\"\"", "\""));
    }

    @Test
    void checkModeFailsWhileSourcesAreAheadOrADraftExistsAndNeverWrites() throws IOException {
        Harness generate = Harness.withoutDaos(dir);
        Harness check = Harness.withoutDaos(dir, "-Asleet.mode=check");
        assertThat(generate.compile(T1, users("String name"))).succeeded();

        Compilation pending = check.compile(T2, users("String name"));
        Harness.assertRefused(pending, "SLEET-E031", "migration 20261122_021500_create_users in " + dir);

        generate.release(CREATE_USERS);
        assertThat(check.compile(T2, users("String name"))).succeeded();

        Compilation ahead = check.compile(T2, users("String name, @Nullable String email"));
        Harness.assertRefused(ahead, "SLEET-E030", "email");
        assertThat(generate.files()).containsExactly("20261122_021500_create_users.sql");
    }

    @Test
    void destructiveChangesWarnOnTheRecordAndStrictModeRefusesThem() throws IOException {
        Harness h = Harness.withoutDaos(dir).released(T1, CREATE_USERS, users("String name, @Nullable String email"));

        JavaFileObject withoutEmail = users("String name");
        Compilation strict = Harness.withoutDaos(dir, "-Asleet.strict=true").compile(T2, withoutEmail);
        Harness.assertRefused(strict, withoutEmail, 7, "SLEET-E032", "DS103");
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql");

        Compilation relaxed = h.compile(T2, withoutEmail);
        assertThat(relaxed).succeeded();
        assertThat(relaxed).hadWarningContaining("SLEET-W001: DS103").inFile(withoutEmail).onLine(7);
        assertThat(h.read("20261122_030000_drop_users_email.sql"))
                .contains("-- WARNING DS103: drops a column and its values (public.users.email)\nALTER TABLE");
    }

    @Test
    void twoBranchesAddingMigrationsFromOneParentMergeWithoutSpuriousDrops(@TempDir Path branchB) throws IOException {
        Harness main = usersReleased(dir);
        copyFolder(dir, branchB);

        // Branch A adds a column; branch B adds a table.
        main.released(T2, "20261122_030000_add_users_email.sql", users("String name, @Nullable String email"));
        JavaFileObject posts = Sources.of("Post", """
                @Table(name = "posts")
                public record Post(@Id @Identity long id, @References(table = User.class) long userId, String body) {}
                """);
        Harness other = Harness.withoutDaos(branchB);
        other.released(T3, "20261122_040000_create_posts.sql", users("String name"), posts);

        // git merge: both new migration files and meta files land in one folder.
        merge(branchB, dir, "20261122_040000_create_posts");
        JavaFileObject mergedUsers = users("String name, @Nullable String email");

        assertThat(Harness.withoutDaos(dir, "-Asleet.mode=check").compile(T3, mergedUsers, posts)).succeeded();
        Compilation merged = main.compile(T3, mergedUsers, posts);
        assertThat(merged).succeeded();
        assertThat(main.files()).containsExactly("20261122_021500_create_users.sql", "20261122_030000_add_users_email.sql",
                "20261122_040000_create_posts.sql");

        // The next change after the merge names both heads as parents and drops nothing.
        assertThat(main.compile(T4, users("String name, @Nullable String email, @Nullable String phone"), posts))
                .succeeded();
        String next = main.read("20261122_050000_add_users_phone.sql");
        assertThat(next.substring(0, next.indexOf("-- +migrate Down"))).doesNotContain("DROP");
        String meta = Files.readString(dir.resolve("meta/20261122_050000_add_users_phone.json"), StandardCharsets.UTF_8);
        assertThat(meta).contains("\"parents\": [\"20261122_030000_add_users_email\", \"20261122_040000_create_posts\"]");
    }

    @Test
    void twoBranchesChangingOneColumnDifferentlyFailNamingBothMigrations(@TempDir Path branchB) throws IOException {
        Harness main = usersReleased(dir);
        copyFolder(dir, branchB);

        main.released(T2, "20261122_030000_alter_users_name.sql", users("@Column(length = 10) String name"));
        Harness other = Harness.withoutDaos(branchB);
        other.released(T3, "20261122_040000_alter_users_name.sql", users("@Nullable String name"));
        merge(branchB, dir, "20261122_040000_alter_users_name");

        Compilation conflict = main.compile(T3, users("@Nullable @Column(length = 10) String name"));
        Harness.assertRefused(conflict, "SLEET-E029", "20261122_030000_alter_users_name", "20261122_040000_alter_users_name",
                "column public.users.name");
        assertThat(main.files()).hasSize(3);
    }

    @Test
    void handWrittenMigrationsTakeTheirPlaceWithoutChangingTheState() throws IOException {
        Harness h = usersReleased(dir);
        Files.writeString(dir.resolve("20261122_023000_seed_admin.sql"),
                "-- +migrate Up\nINSERT INTO users (name) VALUES ('admin');\n-- +migrate Down\nDELETE FROM users WHERE name = 'admin';\n");

        Compilation compilation = h.compile(T2, users("String name"));
        assertThat(compilation).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql", "20261122_023000_seed_admin.sql");
        assertThat(Harness.resource(compilation, "META-INF/sleet/migrations/index.txt"))
                .isEqualTo("20261122_021500_create_users\n20261122_023000_seed_admin\n");
        assertThat(Harness.resource(compilation, "META-INF/sleet/migrations/20261122_023000_seed_admin.sql"))
                .isEqualTo(h.read("20261122_023000_seed_admin.sql"));
        assertThat(Harness.resource(compilation, "META-INF/sleet/snapshot.json")).contains("\"users\"");

        // A draft after a hand-written file sorts after it.
        assertThat(h.compile(T1, users("String name, boolean admin"))).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql", "20261122_023000_seed_admin.sql",
                "20261122_023001_add_users_admin.sql");
    }

    @Test
    void corruptedMetaIsAnErrorNamingTheFileAndNothingIsWritten() throws IOException {
        Harness h = usersReleased(dir);
        Path meta = dir.resolve("meta/20261122_021500_create_users.json");
        Files.writeString(meta, "{ \"format\": 1, \"migration\": ");

        Compilation compilation = h.compile(T2, users("String name, boolean admin"));
        Harness.assertRefused(compilation, "SLEET-E028", "meta/20261122_021500_create_users.json is corrupted");
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql");
    }

    @Test
    void metaNamingAMissingParentIsAnError() throws IOException {
        Harness h = usersReleased(dir);
        h.released(T2, "20261122_030000_add_users_admin.sql", users("String name, boolean admin"));
        Files.delete(dir.resolve("meta/20261122_021500_create_users.json"));

        Compilation compilation = h.compile(T3, users("String name, boolean admin, boolean banned"));
        Harness.assertRefused(compilation, "SLEET-E028", "names parent 20261122_021500_create_users");
        assertThat(h.files()).hasSize(2);
    }

    @Test
    void withoutAMigrationsFolderOnlyTheSnapshotIsWritten() {
        Compilation compilation = Harness.withoutDaos(null).compile(T1, users("String name"));
        assertThat(compilation).succeeded();
        assertThat(Harness.resource(compilation, "META-INF/sleet/snapshot.json")).contains("\"users\"");
        assertThat(Harness.hasResource(compilation, "META-INF/sleet/migrations/index.txt")).isFalse();
    }

    @Test
    void offModeWritesNoDraftButCopiesTheMigrations() throws IOException {
        Harness h = Harness.withoutDaos(dir);
        assertThat(h.compile(T1, users("String name"))).succeeded();
        Compilation off = Harness.withoutDaos(dir, "-Asleet.mode=off").compile(T2, users("String name, boolean admin"));
        assertThat(off).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql");
        assertThat(Harness.resource(off, "META-INF/sleet/migrations/index.txt")).isEqualTo("20261122_021500_create_users\n");
    }

    @Test
    void aCompilationWithoutTablesLeavesTheFolderAlone() throws IOException {
        Harness h = usersReleased(dir);
        Compilation enumsOnly = h.compile(T2, Sources.of("Mood", "@PgEnum public enum Mood { HAPPY }\n"));
        assertThat(enumsOnly).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_users.sql");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
