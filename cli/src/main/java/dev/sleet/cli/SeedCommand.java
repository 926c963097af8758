package dev.sleet.cli;

import dev.sleet.runtime.Seeder;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Run the application's seeder.",
                "A dev.sleet.runtime.Seeder, named by --seeder or found through ServiceLoader on --classpath.",
                "Seeders must be idempotent: seeding twice leaves the same rows as seeding once."})
final class SeedCommand extends DatabaseCommand {

    @Option(names = "--seeder", paramLabel = "<class>", description = "Fully qualified class name of the seeder to run.")
    String seeder;

    @Override
    protected int run(CommandContext context) throws Exception {
        List<Seeder> seeders = Seeding.find(context.classLoader(), seeder);
        if (seeders.isEmpty()) {
            throw CliException.usage("no seeder found: register one in META-INF/services/" + Seeder.class.getName()
                    + " or name it with --seeder <class>, and add the application's classes with --classpath");
        }
        List<Seeding.Ran> ran = Seeding.run(context, seeders);
        Output out = context.output();
        TextTable table = new TextTable("SEEDER", "TIME");
        ran.forEach(r -> table.row(r.seeder(), r.millis() + " ms"));
        out.table(table);
        Map<String, Object> doc = Output.result("seed", true);
        doc.put("seeders", ran);
        out.document(doc);
        return ExitCodes.OK;
    }
}
