package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import java.nio.file.Path;
import java.util.List;

/** Where migration files come from: a folder, or the classpath as the processor lays it out. */
public interface MigrationSource {

    /**
     * The migration files, sorted by name (which is the apply order).
     *
     * @throws MigrationSourceException when a file cannot be read or is not named by the rule of {@link
     *     dev.sleet.schema.migration.MigrationNames}
     */
    List<MigrationFile> files();

    /** A file read from this source, once its name is checked against the file-name rule. */
    static MigrationFile checkedFile(String fileName, String content, boolean generated) {
        if (!MigrationNames.isValidFileName(fileName)) {
            throw new MigrationSourceException(MigrationNames.invalidFileNameMessage(fileName));
        }
        return new MigrationFile(MigrationNames.nameOf(fileName), content, generated);
    }

    /** Where the files are, for messages: a folder path or {@code classpath:<path>}. */
    String location();

    /** {@code classpath:<path>} or a folder path. */
    static MigrationSource of(String location) {
        if (location.startsWith(ClasspathLayout.CLASSPATH_PREFIX)) {
            return classpath(location.substring(ClasspathLayout.CLASSPATH_PREFIX.length()));
        }
        return folder(Path.of(location));
    }

    static MigrationSource folder(Path folder) {
        return new FolderMigrationSource(folder);
    }

    /** Reads {@code <path>/index.txt} (written by the processor) and the listing of {@code <path>} with the thread's context class loader. */
    static MigrationSource classpath(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ClasspathMigrationSource(path, loader != null ? loader : MigrationSource.class.getClassLoader());
    }

    /**
     * {@code source}'s files, read now and kept: for many migrators over one set of files (a fleet), which
     * then share the files, their checksums and their parsed statements.
     */
    static MigrationSource readOnce(MigrationSource source) {
        return source instanceof ReadOnceSource ? source : new ReadOnceSource(source.files(), source.location());
    }

    /** The default location the processor writes to. */
    static MigrationSource defaultClasspath() {
        return classpath(ClasspathLayout.MIGRATIONS);
    }
}
