package dev.sleet.cli;

import dev.sleet.runtime.Seeder;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.testing.devserver.DevServerException;
import dev.sleet.testing.devserver.DevServerStatus;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sleet setup}: the first-time flow in one command, through the same code as dev start, migrate and seed. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Start the dev server (sleet dev start), apply the migrations (sleet migrate) and run the seeders (sleet seed) on it.",
                "A fresh clone to a working database in one command; prints the DATABASE_URL.",
                "Without a seeder on --classpath the seeding step is skipped and said so. --url does not apply."})
final class SetupCommand extends DatabaseCommand {

    @Mixin
    DevServerOptions dev;

    @Mixin
    DevStartOptions start;

    @Option(names = "--drafts", description = "Apply drafts too, as migrate --drafts does.")
    boolean drafts;

    @Option(names = "--seeder", paramLabel = "<class>", description = "Fully qualified class name of the seeder to run (default: every registered one).")
    String seeder;

    @Mixin
    LockOptions lock;

    @Override
    protected int run(CommandContext context) {
        if (context.options().url != null) {
            throw CliException.usage("setup works on the dev server it starts, so --url does not apply; "
                    + "to migrate and seed another database run 'sleet migrate' and 'sleet seed' with --url");
        }
        DevServerStatus server;
        try {
            server = dev.server().start(start.port, start.database);
        } catch (DevServerException e) {
            throw new CliException(ExitCodes.FAILED, e.getMessage(), e);
        }
        Output out = context.output();
        out.progress("dev server: PostgreSQL 17 on " + DevServerStatus.HOST + ":" + server.port() + ", data in " + server.dataDir());
        context.options().url = server.databaseUrl();

        MigrationReport report = MigrateCommand.migrate(context, MigrateCommand.options(drafts, false, null), lock.timeout());
        if (!report.applied().isEmpty()) {
            TextTable applied = new TextTable("APPLIED", "STATEMENTS", "TIME");
            report.applied().forEach(m -> applied.row(m.name(), m.statements(), m.durationMs() + " ms"));
            out.table(applied);
        }
        out.line(report.applied().isEmpty()
                ? "migrations: up to date (" + report.alreadyApplied() + " already applied)"
                : "migrations: applied " + report.applied().size() + " (" + report.alreadyApplied() + " already applied)");

        List<Seeder> seeders = Seeding.find(context.classLoader(), seeder);
        List<Seeding.Ran> ran = seeders.isEmpty() ? List.of() : Seeding.run(context, seeders);
        out.line(seeders.isEmpty()
                ? "seed: skipped, no seeder found (register one in META-INF/services/" + Seeder.class.getName() + " on --classpath)"
                : "seed: ran " + String.join(", ", ran.stream().map(Seeding.Ran::seeder).toList()));
        out.line("DATABASE_URL=" + server.databaseUrl());

        Map<String, Object> doc = Output.result("setup", true);
        doc.put("databaseUrl", server.databaseUrl());
        doc.put("dataDir", server.dataDir().toString());
        doc.put("port", server.port());
        doc.put("migrate", MigrateCommand.json(report));
        doc.put("seeders", ran);
        out.document(doc);
        return ExitCodes.OK;
    }
}
