package dev.sleet.runtime.migrate;

import java.nio.file.Path;
import java.util.List;

/** Where migration files come from: a folder, or the classpath as the processor lays it out. */
public interface MigrationSource {

    /** The migration files, sorted by name (which is the apply order). */
    List<MigrationFile> files();

    /** Where the files are, for messages: a folder path or {@code classpath:<path>}. */
    String location();

    /** {@code classpath:<path>} or a folder path. */
    static MigrationSource of(String location) {
        if (location.startsWith("classpath:")) {
            return classpath(location.substring("classpath:".length()));
        }
        return folder(Path.of(location));
    }

    static MigrationSource folder(Path folder) {
        return new FolderMigrationSource(folder);
    }

    /** Reads {@code <path>/index.txt} (written by the processor) with the thread's context class loader. */
    static MigrationSource classpath(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ClasspathMigrationSource(path, loader != null ? loader : MigrationSource.class.getClassLoader());
    }

    /** The default location the processor writes to. */
    static MigrationSource defaultClasspath() {
        return classpath("META-INF/sleet/migrations");
    }
}
