package dev.sleet.cli;

import dev.sleet.runtime.Seeder;
import dev.sleet.runtime.migrate.MigrationReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fresh", mixinStandardHelpOptions = true,
        description = {"Start over: nuke, then migrate, then seed (when a seeder is found).",
                "Refused on production-looking databases; needs confirmation (or --yes)."})
final class FreshCommand extends DatabaseCommand {

    @Mixin
    GuardOptions guard;

    @Option(names = "--drafts", description = "Apply drafts too.")
    boolean drafts;

    @Mixin
    LockOptions lock;

    @Option(names = "--seeder", paramLabel = "<class>", description = "Seeder class to run; default: those registered through ServiceLoader.")
    String seeder;

    @Override
    protected int run(CommandContext context) throws Exception {
        context.guardDestructive("drops every application schema and the migration history, then migrates and seeds", guard);
        // Resolve everything that can fail on a typo before anything is dropped.
        Migrations.source(context);
        Duration lockTimeout = lock.timeout();
        List<Seeder> seeders = Seeding.find(context.classLoader(), seeder);

        Output out = context.output();
        List<String> dropped = Nuke.run(context);
        out.progress("dropped schema(s): " + (dropped.isEmpty() ? "none" : String.join(", ", dropped)));
        MigrationReport report = MigrateCommand.migrate(context, MigrateCommand.options(drafts, false, null), lockTimeout);
        out.line("applied " + report.applied().size() + " migration(s) in " + report.elapsedMs() + " ms");
        List<Seeding.Ran> ran = Seeding.run(context, seeders);
        out.line(ran.isEmpty() ? "no seeder found; nothing seeded" : "seeded with " + String.join(", ", ran.stream().map(Seeding.Ran::seeder).toList()));

        Map<String, Object> doc = Output.result("fresh", true);
        doc.put("droppedSchemas", dropped);
        doc.put("migrate", MigrateCommand.json(report));
        doc.put("seeders", ran);
        out.document(doc);
        return ExitCodes.OK;
    }
}
