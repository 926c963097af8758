package dev.sleet.testing.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server's own record of itself, {@code postmaster.pid} in the cluster's folder: its process
 * id on line 1 and its port on line 4. PostgreSQL removes the file on a clean stop; after a crash
 * it stays, so a live process is required too.
 */
record PostmasterPid(long pid, int port) {

    static Optional<PostmasterPid> readLive(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException stopped) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DevServerException("cannot read " + dataDir.resolve("postmaster.pid") + ": " + e.getMessage(), e);
        }
        if (lines.size() < 4) {
            return Optional.empty(); // being written by a starting server, or truncated by a crash
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            // a stale file's pid may belong to another program by now: the process must be a postgres
            boolean alive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(true))
                    .orElse(false);
            return alive ? Optional.of(new PostmasterPid(pid, port)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
