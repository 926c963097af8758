package dev.sleet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Runs {@code sleet} in-process with a chosen environment and captures what it prints. */
final class Cli {
    private final Map<String, String> env = new HashMap<>();
    private CliEnvironment.Prompter prompter;

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli interactive(CliEnvironment.Prompter answers) {
        this.prompter = answers;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SleetCommand(new CliEnvironment(env::get, Optional.ofNullable(prompter))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
