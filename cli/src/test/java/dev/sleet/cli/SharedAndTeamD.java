package dev.sleet.cli;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The overlay fixture of the CLI tests: a shared owner and the overlay {@code team-d}, one migration
 * each, in folders under a test's temporary directory, and the options every command then takes
 * ({@code --overlay team-d=...}, {@code --snapshot}, {@code --classpath}). After a migrate,
 * {@link #shipSnapshots} writes each owner's schema where its build would ship it.
 */
final class SharedAndTeamD {
    private final Path dir;
    private final Path classes;
    private final List<String> options;

    private SharedAndTeamD(Path dir, Path classes, List<String> options) {
        this.dir = dir;
        this.classes = classes;
        this.options = options;
    }

    /** Writes {@code sharedMigration} into {@code dir/shared} and {@code teamDMigration} into {@code dir/team-d} ({@code name.sql}, content). */
    static SharedAndTeamD write(Path dir, TestDatabase db, String sharedName, String sharedMigration, String teamDName, String teamDMigration)
            throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve(sharedName + ".sql"), sharedMigration, StandardCharsets.UTF_8);
        Path teamD = Files.createDirectories(dir.resolve("team-d"));
        Files.writeString(teamD.resolve(teamDName + ".sql"), teamDMigration, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        return new SharedAndTeamD(dir, classes, List.of("--url", db.url(), "--migrations", shared.toString(), "--overlay", "team-d=" + teamD,
                "--snapshot", dir.resolve("shared.json").toString(), "--classpath", classes.toString()));
    }

    /** {@code command}, the owner options, then {@code more}. */
    String[] args(String command, String... more) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(options);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * Reads the migrated database and writes each owner's schema as its build ships it: the shared
     * table into {@code shared.json} (the {@code --snapshot}), team-d's table under team-d's overlay
     * folder on the {@code --classpath}.
     */
    void shipSnapshots(TestDatabase db, String sharedTable, String teamDTable) throws IOException, SQLException {
        DatabaseSchema live = Introspector.read(db.dataSource());
        Files.writeString(dir.resolve("shared.json"), SnapshotJson.write(only(live, sharedTable)), StandardCharsets.UTF_8);
        Path overlaySnapshot = classes.resolve(ClasspathLayout.overlayRoot("team-d") + "/snapshot.json");
        Files.createDirectories(overlaySnapshot.getParent());
        Files.writeString(overlaySnapshot, SnapshotJson.write(only(live, teamDTable)), StandardCharsets.UTF_8);
    }

    private static DatabaseSchema only(DatabaseSchema schema, String table) {
        return new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), List.of(),
                schema.tables().stream().filter(t -> t.name().name().equals(table)).toList());
    }
}
