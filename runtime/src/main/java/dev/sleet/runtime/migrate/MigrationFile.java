package dev.sleet.runtime.migrate;

/** A migration file as read from its source: file name ({@code <name>.sql}) and text. */
public record MigrationFile(String fileName, String content) {
}
