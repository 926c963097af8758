package dev.sleet.schema.journal;

import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A migrations folder on disk: {@code <name>.sql} files applied in name order and
 * {@code meta/<name>.json} for the generated ones (see docs/MIGRATIONS.md).
 */
public final class MigrationsFolder {
    public static final String META_DIR = MigrationNames.META_DIR;

    private final Path dir;

    private MigrationsFolder(Path dir) {
        this.dir = dir;
    }

    /** A folder that does not exist yet reads as empty; it is created by the first write. */
    public static MigrationsFolder at(Path dir) {
        return new MigrationsFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path sqlFile(String name) {
        return dir.resolve(MigrationNames.fileNameOf(name));
    }

    public Path metaFile(String name) {
        return dir.resolve(MigrationNames.metaPathOf(name));
    }

    /** Every migration, in apply (name) order, with its text; {@code generated} when it has a meta file. */
    public List<MigrationFile> migrations() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<MigrationFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(MigrationNames.EXTENSION) && Files.isRegularFile(p))
                    .sorted().toList()) {
                String name = MigrationNames.nameOf(file.getFileName().toString());
                out.add(new MigrationFile(name, readFile(file), Files.isRegularFile(metaFile(name))));
            }
        } catch (IOException e) {
            throw new JournalException("cannot list the migrations folder " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<MigrationFile> newest() {
        List<MigrationFile> all = migrations();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Reads every meta file.
     *
     * @throws JournalException naming the file when one is corrupted, names another migration,
     *     has no migration file, or names a missing parent
     */
    public Journal journal() {
        Path metaDir = dir.resolve(META_DIR);
        if (!Files.isDirectory(metaDir)) {
            return Journal.empty();
        }
        List<MigrationMeta> metas = new ArrayList<>();
        try (Stream<Path> files = Files.list(metaDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".json".length());
                String source = dir.getFileName() + "/" + META_DIR + "/" + fileName;
                MigrationMeta meta = MetaJson.read(Files.readString(file, StandardCharsets.UTF_8), source);
                if (!meta.migration().equals(name)) {
                    throw new JournalException(source + " is corrupted: it says it belongs to migration "
                            + meta.migration() + "; rename it to " + meta.migration() + ".json or restore it from version control");
                }
                if (!Files.isRegularFile(sqlFile(name))) {
                    throw new JournalException(source + " has no migration file " + name + ".sql; restore "
                            + name + ".sql from version control, or delete " + source + " if the migration was meant to go");
                }
                metas.add(meta);
            }
        } catch (IOException e) {
            throw new JournalException("cannot read " + metaDir + ": " + e.getMessage(), e);
        }
        return new Journal(metas);
    }

    /** Writes the migration's SQL and meta file, each atomically. */
    public void write(String name, String sql, MigrationMeta meta) {
        try {
            AtomicFiles.write(sqlFile(name), sql);
            AtomicFiles.write(metaFile(name), MetaJson.write(meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write migration " + name + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes a migration and its meta file (used for drafts only). */
    public void delete(String name) {
        try {
            Files.deleteIfExists(metaFile(name));
            Files.deleteIfExists(sqlFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete migration " + name + " from " + dir + ": " + e.getMessage(), e);
        }
    }

    public String read(String name) {
        try {
            return Files.readString(sqlFile(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sqlFile(name) + ": " + e.getMessage(), e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
