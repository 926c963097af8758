package dev.sleet.schema.journal;

import java.nio.file.Path;

/**
 * One {@code .sql} file of the migrations folder. {@code draft} when its first line is the draft
 * marker; {@code generated} when a meta file exists for it (hand-written migrations have none).
 */
public record MigrationFile(String name, Path path, boolean draft, boolean generated) {
}
