package dev.sleet.testing.devserver;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server's own tools ({@code initdb}, {@code pg_ctl}) from the unpacked binaries.
 * PostgreSQL refuses to run as root; as root (a container, a CI runner) each tool runs in a new
 * user namespace ({@code unshare -U}), where it is an unprivileged user owning its files, the same
 * way zonky runs the embedded test server.
 */
final class PgTools {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path home;

    PgTools(Path home) {
        this.home = home;
    }

    /** Runs {@code bin/<tool> args...}; returns its output, or throws with the output when it fails. */
    String run(String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        if (!PostgresBinaries.isWindows() && LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(home.resolve("bin").resolve(PostgresBinaries.executable(tool)).toString());
        command.addAll(args);
        Path output = null;
        try {
            // Output goes to a file, not a pipe: the server started by pg_ctl must hold nothing of ours.
            output = Files.createTempFile("sleet-" + tool, ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DevServerException(tool + " did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new DevServerException(tool + " failed (exit " + process.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new DevServerException("cannot run " + tool + " from " + home + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServerException("interrupted while waiting for " + tool, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(PostgresBinaries.isWindows() ? "NUL" : "/dev/null");
    }
}
