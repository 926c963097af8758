package dev.sleet.cli;

import dev.sleet.runtime.migrate.MigrationRefusedException;
import dev.sleet.runtime.verify.OwnerSchemas;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Empty every application table, keeping the schema and the migration history.",
                "Runs TRUNCATE … RESTART IDENTITY CASCADE on the tables of the application's schemas.",
                "With --overlay and --owner <name>: empty only that owner's tables (refused when another owner's table references them).",
                "Refused on production-looking databases; needs confirmation (or --yes)."})
final class ResetCommand extends DatabaseCommand {

    @Mixin
    GuardOptions guard;

    @Override
    protected int run(CommandContext context) throws Exception {
        String owner = context.options().owner;
        if (owner != null && !OwnerCommands.applies(context)) {
            // Ignoring --owner here would empty every owner's tables: the opposite of what was asked.
            throw CliException.usage("--owner " + owner + " needs the owners: pass --overlay <name>=<migrations> for each overlay"
                    + " (--migrations is then the shared owner's)");
        }
        if (owner != null && !owner.equals(HistoryTableName.SHARED_OWNER) && !context.options().overlays.containsKey(owner)) {
            throw CliException.usage("--owner " + owner + " is not an owner here; the owners are " + HistoryTableName.SHARED_OWNER
                    + " and the --overlay names " + context.options().overlays.keySet());
        }
        context.guardDestructive(owner == null ? "deletes every row of every application table"
                : "deletes every row of owner " + owner + "'s tables", guard);
        List<QualifiedName> tables;
        if (!OwnerCommands.applies(context)) {
            tables = Reset.run(context, context.snapshot());
        } else {
            Map<String, DatabaseSchema> schemas = OwnerCommands.schemas(context, true);
            if (owner == null) {
                tables = Reset.run(context, Optional.of(OwnerSchemas.union(schemas.values())));
            } else {
                try {
                    tables = OwnerCommands.owners(context, null).reset(owner, schemas);
                } catch (MigrationRefusedException e) {
                    throw CliException.refused(e.getMessage());
                }
            }
        }
        Output out = context.output();
        out.line(tables.isEmpty() ? "no application tables to empty" : "emptied " + tables.size() + " table(s)"
                + (owner == null ? "" : " of " + owner) + ":");
        tables.forEach(t -> out.line("  " + t));
        Map<String, Object> doc = Output.result("reset", true);
        if (owner != null) {
            doc.put("owner", owner);
        }
        doc.put("tables", tables.stream().map(QualifiedName::toString).toList());
        out.document(doc);
        return ExitCodes.OK;
    }
}
