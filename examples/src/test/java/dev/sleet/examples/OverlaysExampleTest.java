package dev.sleet.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.examples.FirstHourExampleTest.Run;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds {@code examples/overlays} (a shared module with users, Team D's overlay with
 * teamd_projects and teamd_tasks) as its users would, then tells the promotion story end to end with
 * the sleet command line: both owners migrate Team D's database, which gets rows; teamd_projects is
 * promoted; the project builds again with the record in the shared module; Team D's database adopts
 * the table (rows kept, no drift) and a fresh database gets it from the shared module.
 */
class OverlaysExampleTest {
    /** Every sleet command run and what it printed, kept in target/work for the README's "Teams and overlays". */
    private final StringBuilder transcript = new StringBuilder();

    @Test
    void sharedAndOverlayBuildMigrateAndPromote() throws Exception {
        FirstHourExampleTest.stageSleetArtifacts();
        Path project = copyOfTheExample();
        Path shared = project.resolve("shared");
        Path teamD = project.resolve("team-d");

        Run build = FirstHourExampleTest.maven(project, "verify");
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("Tests run: 1, Failures: 0, Errors: 0");
        Path sharedDraft = onlyMigration(shared);
        Path teamDDraft = onlyMigration(teamD);
        assertThat(Files.readString(teamDDraft)).contains("-- sleet:requires shared " + name(sharedDraft) + "\n")
                .contains("CREATE TABLE \"public\".\"teamd_projects\"").doesNotContain("CREATE TABLE \"public\".\"users\"");
        release(sharedDraft);
        release(teamDDraft);

        try (TestDatabase teamDb = PostgresServer.shared().createDatabase("overlays_team_d");
             TestDatabase fresh = PostgresServer.shared().createDatabase("overlays_fresh")) {
            Run migrated = sleet(project, "migrate", "--url", teamDb.url(), "--migrations", shared.resolve("migrations").toString(),
                    "--overlay", "team-d=" + teamD.resolve("migrations"));
            assertThat(migrated.exitCode()).as(migrated.output()).isZero();
            teamDb.exec("INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada');"
                    + "INSERT INTO teamd_projects (owner_id, title) VALUES (1, 'launch'), (1, 'party')");

            Run promoted = sleet(project, "promote", "--from", teamD.toString(), "--to", shared.toString(), "--table", "teamd_projects");
            assertThat(promoted.exitCode()).as(promoted.output()).isZero();
            assertThat(shared.resolve("src/main/java/com/example/shared/TeamdProject.java")).exists();
            assertThat(Files.readString(teamD.resolve("src/main/java/com/example/teamd/TeamdTask.java")))
                    .contains("import com.example.shared.TeamdProject;");

            Run rebuild = FirstHourExampleTest.maven(project, "verify");
            assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
            assertThat(rebuild.output()).contains("Tests run: 1, Failures: 0, Errors: 0");
            assertThat(sqlFiles(shared)).as("the moved record matches the promotion: no new draft").hasSize(2);
            assertThat(sqlFiles(teamD)).hasSize(2);

            Run adopted = sleet(project, "migrate", "--url", teamDb.url(), "--migrations", shared.resolve("migrations").toString(),
                    "--overlay", "team-d=" + teamD.resolve("migrations"));
            assertThat(adopted.exitCode()).as(adopted.output()).isZero();
            assertThat(teamDb.scalar("SELECT count(*) FROM teamd_projects")).isEqualTo(2);
            assertThat(teamDb.scalar("SELECT statements_run FROM sleet.migration_history WHERE name LIKE '%promote_teamd_projects'")).isZero();
            Run verified = sleet(project, "verify", "--url", teamDb.url(), "--migrations", shared.resolve("migrations").toString(),
                    "--overlay", "team-d=" + teamD.resolve("migrations"));
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("no drift");

            Run created = sleet(project, "migrate", "--url", fresh.url(), "--migrations", shared.resolve("migrations").toString(),
                    "--overlay", "team-d=" + teamD.resolve("migrations"));
            assertThat(created.exitCode()).as(created.output()).isZero();
            assertThat(fresh.scalar("SELECT statements_run FROM sleet.migration_history WHERE name LIKE '%promote_teamd_projects'"))
                    .isPositive();
            Run status = sleet(project, "status", "--url", fresh.url(), "--migrations", shared.resolve("migrations").toString(),
                    "--overlay", "team-d=" + teamD.resolve("migrations"));
            assertThat(status.output()).contains("\"sleet\".\"migration_history_team_d\"");
        }
    }

    private Run sleet(Path project, String... args) throws Exception {
        Run run = FirstHourExampleTest.java(project, Map.of(), "dev.sleet.cli.SleetCommand", args);
        transcript.append("$ sleet ").append(String.join(" ", args).replace(project + "/", "")).append('\n')
                .append(run.output().substring(run.output().indexOf('\n') + 1)).append('\n');
        Files.writeString(Path.of(System.getProperty("sleet.work"), "overlays-transcript.txt"), transcript, StandardCharsets.UTF_8);
        return run;
    }

    private static String name(Path migration) {
        String file = migration.getFileName().toString();
        return file.substring(0, file.length() - ".sql".length());
    }

    private static List<Path> sqlFiles(Path module) throws IOException {
        try (Stream<Path> files = Files.list(module.resolve("migrations"))) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static Path onlyMigration(Path module) throws IOException {
        List<Path> sql = sqlFiles(module);
        assertThat(sql).as(module + "/migrations").hasSize(1);
        return sql.get(0);
    }

    private static void release(Path draft) throws IOException {
        String text = Files.readString(draft, StandardCharsets.UTF_8);
        assertThat(text).startsWith("-- sleet:draft");
        Files.writeString(draft, text.substring(text.indexOf('\n') + 1), StandardCharsets.UTF_8);
    }

    private static Path copyOfTheExample() throws IOException {
        // every module's build output and generated migrations are left behind: the test makes them again
        return FirstHourExampleTest.copyOfExample("overlays", relative -> {
            for (Path part : relative) {
                if (part.toString().equals("target")) {
                    return true;
                }
            }
            return relative.toString().contains("migrations");
        });
    }
}
