package dev.sleet.cli;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.RollbackReport;
import dev.sleet.runtime.owners.OwnerStatus;
import dev.sleet.runtime.owners.Owners;
import dev.sleet.runtime.rollback.RollbackLosses;
import dev.sleet.runtime.verify.OwnedDrift;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * migrate, status, rollback and verify when the command names overlays ({@code --overlay
 * team-d=team-d/migrations}): the same commands over several owners (docs/OVERLAYS.md). The
 * logic is {@link Owners}'; this class only builds it from the options and prints.
 */
final class OwnerCommands {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private OwnerCommands() {
    }

    static boolean applies(CommandContext context) {
        return !context.options().overlays.isEmpty();
    }

    static Owners owners(CommandContext context, Duration lockTimeout) {
        Owners.Builder builder = Owners.builder(context.dataSource()).historySchema(context.historySchema())
                .listener(Migrations.progress(context)).lockTimeout(lockTimeout)
                .shared(Migrations.source(context));
        try {
            context.options().overlays.forEach((name, location) -> builder.overlay(name, Migrations.source(context, location)));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        return builder.build();
    }

    static int migrate(CommandContext context, MigrateOptions options, Duration lockTimeout) {
        Map<String, MigrationReport> reports = owners(context, lockTimeout).migrate(options, context.options().owner);
        Output out = context.output();
        TextTable table = new TextTable("OWNER", "APPLIED", "STATEMENTS", "TIME");
        List<Map<String, Object>> json = new ArrayList<>();
        reports.forEach((owner, report) -> {
            report.applied().forEach(m -> table.row(owner, m.name(), m.statements(), m.durationMs() + " ms"));
            Map<String, Object> doc = MigrateCommand.json(report);
            doc.put("owner", owner);
            json.add(doc);
        });
        if (reports.values().stream().anyMatch(r -> !r.applied().isEmpty())) {
            out.table(table);
        }
        reports.forEach((owner, report) -> out.line(owner + ": applied " + report.applied().size() + ", " + report.alreadyApplied()
                + " already applied" + (report.skippedDrafts().isEmpty() ? "" : ", skipped draft(s) " + report.skippedDrafts())));
        Map<String, Object> doc = Output.result("migrate", true);
        doc.put("owners", json);
        out.document(doc);
        return ExitCodes.OK;
    }

    static int status(CommandContext context, boolean check) {
        List<OwnerStatus> statuses = owners(context, null).status(context.options().owner);
        Output out = context.output();
        TextTable table = new TextTable("OWNER", "MIGRATION", "STATE", "APPLIED AT (UTC)", "HISTORY");
        boolean upToDate = true;
        List<Map<String, Object>> json = new ArrayList<>();
        for (OwnerStatus owner : statuses) {
            for (MigrationStatus s : owner.migrations()) {
                table.row(owner.owner(), s.name(), s.state().name().toLowerCase().replace('_', ' '),
                        s.appliedAt() == null ? "" : TIME.format(s.appliedAt()), owner.history());
                upToDate &= s.state() == MigrationState.APPLIED || s.state() == MigrationState.BASELINE;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("owner", owner.owner());
            row.put("history", owner.history());
            row.put("migrations", owner.migrations().stream().map(s -> Map.of("name", s.name(), "state",
                    s.state().name().toLowerCase())).toList());
            json.add(row);
        }
        out.table(table);
        statuses.forEach(o -> o.migrations().stream().filter(s -> s.detail() != null)
                .forEach(s -> out.line(o.owner() + " " + s.name() + ": " + s.detail())));
        Map<String, Object> doc = Output.result("status", true);
        doc.put("upToDate", upToDate);
        doc.put("owners", json);
        out.document(doc);
        return check && !upToDate ? ExitCodes.FAILED : ExitCodes.OK;
    }

    static int rollback(CommandContext context, int count, Duration lockTimeout, GuardOptions guard) {
        Owners owners = owners(context, lockTimeout);
        // Ask as plain rollback does when Down sections lose data; over all owners, each owner's newest count are weighed.
        List<String> losses = new ArrayList<>();
        for (var owner : context.options().owner == null ? owners.owners() : List.of(owners.owner(context.options().owner))) {
            RollbackLosses.of(owner.migrator(), count).forEach(loss -> losses.add(owner.name() + " " + loss));
        }
        RollbackCommand.guardDataLoss(context, guard, losses);
        List<RollbackReport> reports = owners.rollback(count, context.options().owner);
        return RollbackCommand.print(context.output(), reports.stream().flatMap(r -> r.rolledBack().stream()).toList());
    }

    static int verify(CommandContext context, boolean drafts) throws Exception {
        Map<String, DatabaseSchema> expected = schemas(context, drafts);
        List<OwnedDrift> drift = owners(context, null).verify(expected);
        Output out = context.output();
        String database = context.connection().database();
        if (drift.isEmpty()) {
            out.line("no drift: " + database + " matches the owners " + expected.keySet());
        } else {
            out.line("drift: " + database + " differs from the owners " + expected.keySet() + " in " + drift.size() + " place(s):");
            drift.forEach(d -> out.line("  " + (d.owner() == null ? "(no owner)" : d.owner()) + ": " + d.drift().message()));
        }
        Map<String, Object> doc = Output.result("verify", drift.isEmpty());
        doc.put("drift", drift.stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("owner", d.owner());
            row.put("message", d.drift().message());
            return row;
        }).toList());
        out.document(doc);
        return drift.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Each owner's schema by owner name, shared first: what verify compares with and reset empties. */
    static Map<String, DatabaseSchema> schemas(CommandContext context, boolean drafts) {
        Map<String, DatabaseSchema> schemas = new LinkedHashMap<>();
        schemas.put(HistoryTableName.SHARED_OWNER, context.requireSnapshot(drafts));
        context.options().overlays.forEach((name, location) -> schemas.put(name, overlaySchema(context, name, location, drafts)));
        return schemas;
    }

    /** An overlay's committed state: its folder's meta/, or its snapshot under META-INF/sleet/overlays/<name>/ on --classpath. */
    private static DatabaseSchema overlaySchema(CommandContext context, String name, String location, boolean drafts) {
        if (!location.startsWith(ClasspathLayout.CLASSPATH_PREFIX)) {
            Optional<DatabaseSchema> committed = CommittedState.read(Path.of(location), drafts);
            if (committed.isPresent()) {
                return committed.get();
            }
        }
        String resource = ClasspathLayout.overlayRoot(name) + "/snapshot.json";
        try (InputStream in = context.classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw CliException.usage("no schema for overlay " + name + ": neither " + location + "/meta nor " + resource
                        + " on --classpath; build the overlay module");
            }
            return SnapshotJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CliException.usage("cannot read " + resource + ": " + e.getMessage());
        }
    }
}
