package dev.sleet.maven;

import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn sleet:status}: every migration with its state and when it was applied (as {@code sleet status}). */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractSleetMojo {

    public StatusMojo() {
        super("status");
    }
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * Fail the build when any migration is pending, an unapplied draft, failed, out of order, missing
     * or changed: a deploy gate.
     */
    @Parameter(property = "sleet.check", defaultValue = "false")
    boolean check;

    @Override
    protected void run() throws Exception {
        List<MigrationStatus> statuses = migrator().status();
        if (statuses.isEmpty()) {
            getLog().info("no migrations in " + migrations + " and none applied");
        }
        for (MigrationStatus s : statuses) {
            String state = s.state().name().toLowerCase().replace('_', ' ');
            getLog().info(s.name() + "  " + state + (s.appliedAt() == null ? "" : "  " + TIME.format(s.appliedAt()) + " UTC"));
            if (s.detail() != null) {
                getLog().warn(s.name() + ": " + s.detail());
            }
        }
        Map<MigrationState, Long> counts = statuses.stream()
                .collect(Collectors.groupingBy(MigrationStatus::state, LinkedHashMap::new, Collectors.counting()));
        if (!counts.isEmpty()) {
            getLog().info(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', ' '))
                    .collect(Collectors.joining(", ")));
        }
        boolean upToDate = MigrationStatus.upToDate(statuses);
        if (check && !upToDate) {
            throw new MojoFailureException("the database is not up to date with " + migrations + " (see the states above); run sleet:migrate");
        }
    }
}
