package dev.sleet.runtime.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration files for a test; {@code {s}} in SQL becomes the test's own schema so tests sharing a database do not collide. */
final class MigrationFolder {
    final Path dir;
    final String schema;

    MigrationFolder(Path dir, String schema) {
        this.dir = dir;
        this.schema = schema;
    }

    MigrationFolder add(String name, String up, String down) {
        String text = "-- +migrate Up\n" + up + (down == null ? "" : "\n-- +migrate Down\n" + down);
        return write(name, text);
    }

    MigrationFolder write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name + ".sql"), text.replace("{s}", "\"" + schema + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void delete(String name) throws IOException {
        Files.delete(dir.resolve(name + ".sql"));
    }
}
