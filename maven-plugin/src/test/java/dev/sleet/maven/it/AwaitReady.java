package dev.sleet.maven.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits until {@link ItPostgres} wrote its ready file naming this build's port (arguments: the
 * file, the most seconds to wait, the port); a file left by an earlier build names another port.
 */
public final class AwaitReady {
    private AwaitReady() {
    }

    public static void main(String[] args) throws Exception {
        Path ready = Path.of(args[0]);
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        String mark = ":" + args[2] + "/";
        while (!Files.isRegularFile(ready) || !Files.readString(ready).contains(mark)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the invoker projects' PostgreSQL did not start within " + args[1] + " s (no " + ready + ")");
            }
            Thread.sleep(200);
        }
        System.out.println("[sleet-it] PostgreSQL ready: " + Files.readString(ready).strip());
    }
}
