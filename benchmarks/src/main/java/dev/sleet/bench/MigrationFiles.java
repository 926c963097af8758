package dev.sleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the same N one-table migrations twice: for Flyway ({@code V1__create_t0001.sql}) and in
 * Sleet's format ({@code 20260101_000100_create_t0001.sql} with {@code -- +migrate Up/Down}).
 */
public final class MigrationFiles {
    private static final DateTimeFormatter SLEET_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
    private static final LocalDateTime FIRST = LocalDateTime.of(2026, 1, 1, 0, 0);

    private MigrationFiles() {
    }

    public static String table(int i) {
        return String.format(Locale.ROOT, "t%04d", i);
    }

    /** The Up SQL of migration i (1-based): one table with a few typical columns and an index. */
    public static String upSql(int i) {
        String t = table(i);
        return "CREATE TABLE " + t + " (\n"
                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                + "    name text NOT NULL,\n"
                + "    amount numeric(12,2),\n"
                + "    created_at timestamptz NOT NULL DEFAULT now()\n"
                + ");\n"
                + "CREATE INDEX idx_" + t + "_name ON " + t + " (name);\n";
    }

    public static String sleetName(int i) {
        return FIRST.plusMinutes(i).format(SLEET_STAMP) + "_create_" + table(i) + ".sql";
    }

    public static String flywayName(int i) {
        return "V" + i + "__create_" + table(i) + ".sql";
    }

    public static void writeFlyway(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= count; i++) {
            Files.writeString(dir.resolve(flywayName(i)), upSql(i));
        }
    }

    public static void writeSleet(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= count; i++) {
            Files.writeString(dir.resolve(sleetName(i)), "-- +migrate Up\n" + upSql(i) + "\n-- +migrate Down\nDROP TABLE " + table(i) + ";\n");
        }
    }
}
