package dev.sleet.runtime.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prisma Migrate's layout: one folder per migration, {@code <YYYYMMDDHHMMSS>_<name>/migration.sql},
 * applied in folder-name order; {@code migration_lock.toml} beside them is Prisma's own.
 */
final class PrismaFolderReader implements ForeignFolderReader {

    @Override
    public ForeignFolder read(Path folder) {
        List<String> notes = new ArrayList<>();
        List<Path> all = SourceFiles.list(folder, false);
        List<Path> dirs = all.stream().filter(Files::isDirectory).toList();
        all.stream().filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("migration_lock.toml"))
                .forEach(n -> notes.add(n + " is not inside a migration folder, so Prisma never applies it; left out"));
        if (dirs.isEmpty() && !Files.isRegularFile(folder.resolve("migration_lock.toml"))) {
            throw new ImportRefusedException(folder.toAbsolutePath() + " holds no migration folders; give Prisma's migrations folder "
                    + "(prisma/migrations), whose sub-folders each hold a migration.sql");
        }
        List<ForeignMigration> migrations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            Path script = dir.resolve("migration.sql");
            if (!Files.isRegularFile(script)) {
                problems.add(name + "/ has no migration.sql; Prisma refuses such a folder too: restore the file or remove the folder");
                continue;
            }
            String content = SourceFiles.read(script, folder);
            Instant time = Timestamps.compact(name.length() >= 14 ? name.substring(0, 14) : name);
            String words = time != null ? name.substring(14) : name;
            migrations.add(new ForeignMigration(name, name, List.of(name + "/migration.sql"), time, SourceFiles.slug(words), content, null,
                    SourceFiles.sha256(content), null, List.of()));
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException("cannot import the Prisma folder " + folder.toAbsolutePath(), problems);
        }
        return new ForeignFolder(migrations, notes);
    }
}
