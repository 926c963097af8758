package dev.sleet.cli;

import dev.sleet.testing.devserver.DevServerException;
import dev.sleet.testing.devserver.DevServerState;
import dev.sleet.testing.devserver.DevServerStatus;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sleet dev}: a local PostgreSQL 17 for development, without Docker. The logic is {@code testing.devserver.DevServer}. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"A local PostgreSQL 17 for development, without Docker.",
                "The embedded binaries Sleet tests with, run as a real server that keeps running after the command exits.",
                "Data in .sleet/postgres (--data-dir); listens on 127.0.0.1 only, with a password chosen when the folder is created."},
        synopsisSubcommandLabel = "<command>",
        subcommands = {DevCommand.Start.class, DevCommand.Stop.class, DevCommand.Status.class})
final class DevCommand extends CommandGroup {

    /** The shape of the three: no database URL, a data folder, failures as messages with an exit code. */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin
        DevServerOptions dev;

        @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
        boolean json;

        @Spec
        CommandSpec spec;

        abstract int run(Output output);

        @Override
        public final Integer call() {
            Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
            try {
                return run(output);
            } catch (DevServerException e) {
                return output.failure("dev " + spec.name(), ExitCodes.FAILED, e.getMessage());
            }
        }

        Map<String, Object> document(DevServerStatus status) {
            Map<String, Object> doc = Output.result("dev " + spec.name(), true);
            doc.put("state", status.state().name().toLowerCase().replace('_', ' '));
            doc.put("dataDir", status.dataDir().toString());
            doc.put("port", status.port());
            doc.put("pid", status.pid());
            doc.put("database", status.database());
            doc.put("databaseUrl", status.state() == DevServerState.NOT_CREATED ? null : status.databaseUrl());
            return doc;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start the dev server (creating its cluster on first use) and print its DATABASE_URL.",
                    "Standard output is the one line DATABASE_URL=..., so `export \"$(sleet dev start)\"` works.",
                    "Starting a running server only makes sure --database exists."})
    static final class Start extends Subcommand {
        @Mixin
        DevStartOptions start;

        @Override
        int run(Output output) {
            boolean wasRunning = dev.server().status().running();
            DevServerStatus status = dev.server().start(start.port, start.database);
            output.progress((wasRunning ? "already running" : "started") + ": PostgreSQL 17 on " + DevServerStatus.HOST + ":" + status.port()
                    + ", data in " + status.dataDir());
            output.line("DATABASE_URL=" + status.databaseUrl());
            Map<String, Object> doc = document(status);
            doc.put("alreadyRunning", wasRunning);
            output.document(doc);
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the dev server cleanly (open sessions are ended; data is kept).")
    static final class Stop extends Subcommand {
        @Override
        int run(Output output) {
            boolean stopped = dev.server().stop();
            DevServerStatus status = dev.server().status();
            output.line(stopped ? "stopped the dev server on " + status.dataDir() : "no dev server running on " + status.dataDir());
            Map<String, Object> doc = document(status);
            doc.put("stopped", stopped);
            output.document(doc);
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Say whether the dev server runs, on which port, with which data folder and URL.",
                    "Exit code 0 when it runs, 1 when it is stopped or not created yet."})
    static final class Status extends Subcommand {
        @Override
        int run(Output output) {
            DevServerStatus status = dev.server().status();
            switch (status.state()) {
                case RUNNING -> {
                    output.line("running on " + DevServerStatus.HOST + ":" + status.port() + " (pid " + status.pid() + ")");
                    output.line("data dir: " + status.dataDir());
                    output.line("DATABASE_URL=" + status.databaseUrl());
                }
                case STOPPED -> {
                    output.line("stopped" + (status.port() == 0 ? "" : " (last port " + status.port() + ")"));
                    output.line("data dir: " + status.dataDir());
                    output.line("start it with: sleet dev start");
                }
                case NOT_CREATED -> {
                    output.line("stopped: no dev server created in " + status.dataDir() + " yet");
                    output.line("create and start it with: sleet dev start");
                }
            }
            output.document(document(status));
            return status.running() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
