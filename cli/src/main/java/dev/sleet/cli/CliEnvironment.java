package dev.sleet.cli;

import java.io.Console;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the CLI reads from the world outside its arguments: environment variables and, when a
 * person sits at a terminal, a way to ask them a question. Tests pass their own.
 *
 * @param variables looks up an environment variable, null when unset
 * @param prompter  asks a question and returns the answer; empty for non-interactive runs
 */
public record CliEnvironment(Function<String, String> variables, Optional<Prompter> prompter) {

    /** Asks the person at the terminal a question; returns null at end of input. */
    @FunctionalInterface
    public interface Prompter {
        String ask(String question);
    }

    public static CliEnvironment system() {
        Console console = System.console();
        Optional<Prompter> prompter = console == null
                ? Optional.empty()
                : Optional.of(question -> console.readLine("%s", question));
        return new CliEnvironment(System::getenv, prompter);
    }

    public String variable(String name) {
        return variables.apply(name);
    }
}
