package dev.sleet.cli;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.RollbackReport.RolledBack;
import dev.sleet.runtime.rollback.RollbackLosses;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Undo the n most recently applied migrations (default 1).",
                "Newest first, through the Down sections recorded when they were applied.",
                "When a Down section loses data (drops a table or column, changes a type, deletes rows), asks first",
                "(or needs --yes) and is refused on production-looking databases unless --force-production."})
final class RollbackCommand extends DatabaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "n", defaultValue = "1", description = "How many migrations to undo (default: ${DEFAULT-VALUE}).")
    int count;

    @Mixin
    LockOptions lock;

    @Mixin
    GuardOptions guard;

    @Override
    protected int run(CommandContext context) {
        if (count < 1) {
            throw CliException.usage("rollback needs n >= 1, not " + count);
        }
        if (OwnerCommands.applies(context)) {
            return OwnerCommands.rollback(context, count, lock.timeout(), guard);
        }
        Migrator migrator = Migrations.migrator(context, lock.timeout());
        guardDataLoss(context, guard, RollbackLosses.of(migrator, count));
        return print(context.output(), migrator.rollback(count).rolledBack());
    }

    /** Like reset and nuke: Down sections that lose data (runtime's {@link RollbackLosses}) are refused on production and asked about first (or need --yes). */
    static void guardDataLoss(CommandContext context, GuardOptions guard, List<String> losses) {
        if (!losses.isEmpty()) {
            context.guardDestructive(RollbackLosses.describe(losses), guard);
        }
    }

    /** The undone migrations, newest first: a table (or a line saying there was none) and the JSON document. */
    static int print(Output out, List<RolledBack> rolledBack) {
        if (rolledBack.isEmpty()) {
            out.line("nothing to roll back: no migration is applied");
        } else {
            TextTable table = new TextTable("ROLLED BACK", "STATEMENTS", "TIME");
            rolledBack.forEach(r -> table.row(r.name(), r.statements(), r.durationMs() + " ms"));
            out.table(table);
        }
        Map<String, Object> doc = Output.result("rollback", true);
        doc.put("rolledBack", rolledBack);
        out.document(doc);
        return ExitCodes.OK;
    }
}
