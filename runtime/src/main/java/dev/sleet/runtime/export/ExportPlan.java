package dev.sleet.runtime.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an export writes, computed before anything touches the disk, so that it can be shown,
 * tested and refused as a whole.
 *
 * @param format        the tool's layout
 * @param files         the files, in apply order (the undo or down file of a migration right after it)
 * @param exported      the Sleet migrations exported, in order
 * @param skippedDrafts drafts left out (they change at every build until released)
 * @param notes         what the user must know about the result: missing Down sections, statements the tool treats differently
 */
public record ExportPlan(ExportFormat format, List<ExportedFile> files, List<String> exported, List<String> skippedDrafts,
                         List<String> notes) {

    public ExportPlan {
        files = List.copyOf(files);
        exported = List.copyOf(exported);
        skippedDrafts = List.copyOf(skippedDrafts);
        notes = List.copyOf(notes);
    }

    /** The files that go into one of the folders. */
    public List<ExportedFile> files(ExportedFile.Folder folder) {
        return files.stream().filter(f -> f.folder() == folder).toList();
    }

    /**
     * Where the undo scripts go when no folder is named: a sibling of {@code out} called
     * {@code <out>-undo}. Not inside {@code out}: Flyway reads its locations with their sub-folders,
     * and Flyway Community warns about every {@code U} file it finds there.
     */
    public static Path defaultUndoFolder(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return absolute.resolveSibling((name == null ? "migrations" : name.toString()) + "-undo");
    }

    /**
     * Writes the files: the tool's migrations into {@code out}, undo scripts (Flyway) into
     * {@code undo}. Folders are created; files with the same name are replaced. Refused, with
     * nothing written, when a folder holds migration files of the format that this export does
     * not write (left from an earlier export of a renamed or deleted migration, or written by
     * hand): the tool would apply them too.
     *
     * @param undo the undo folder; null for {@link #defaultUndoFolder(Path)}
     * @return the paths written, in order
     */
    public List<Path> writeTo(Path out, Path undo) {
        Path undoFolder = undo != null ? undo : defaultUndoFolder(out);
        List<String> problems = new ArrayList<>();
        problems.addAll(strangers(out, ExportedFile.Folder.MIGRATIONS));
        if (!files(ExportedFile.Folder.UNDO).isEmpty()) {
            problems.addAll(strangers(undoFolder, ExportedFile.Folder.UNDO));
        }
        if (!problems.isEmpty()) {
            throw new ExportException("not exporting: a target folder holds " + format.cliName()
                    + " migration files that this export does not write, and the tool would run them too; delete them "
                    + "or export into an empty folder", problems);
        }
        List<Path> written = new ArrayList<>();
        try {
            for (ExportedFile file : files) {
                Path folder = file.folder() == ExportedFile.Folder.UNDO ? undoFolder : out;
                Files.createDirectories(folder);
                Path target = folder.resolve(file.fileName());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + format.cliName() + " export: " + e.getMessage(), e);
        }
        return written;
    }

    /** Files in {@code folder} that look like the format's migrations (or their sidecars) and are not part of this export. */
    private List<String> strangers(Path folder, ExportedFile.Folder which) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Set<String> ours = files(which).stream().map(ExportedFile::fileName).collect(Collectors.toSet());
        Predicate<String> looksLikeMigration = switch (format) {
            case FLYWAY -> n -> n.matches("[VUR].*__.*\\.sql(\\.conf)?");
            case GOLANG_MIGRATE -> n -> n.matches("\\d+_.*\\.(up|down)\\.sql");
        };
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(looksLikeMigration).filter(n -> !ours.contains(n)).sorted()
                    .map(n -> folder.resolve(n).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
