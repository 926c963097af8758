package dev.sleet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Databases and folders a benchmark leaves in place until the whole run has ended ({@link #run()},
 * called by {@link RunAll}), instead of removing them between timed calls.
 *
 * <p>Why: this machine's root file system is ext4 without a journal. There the kernel, when it
 * creates a file, skips every inode freed in the last minute (six while the inode table block is
 * still dirty), so deleting thousands of files (dropping a database of 500 tables, removing a
 * folder of 500 migrations) makes every file created in the minutes after it slower; a migration
 * benchmark creates six files per {@code CREATE TABLE}. Measured on a private ext4 image: applying
 * the same 500 migrations took 670 ms of server CPU with nothing deleted before, 1,190 ms right
 * after dropping one such database, 2,200 ms after three (docs/BENCHMARKS.md, "Migrations").
 * Deferring the deletions keeps one timed call from paying for the previous call's clean-up.
 */
public final class DeferredCleanup {
    private static final List<BenchDatabase> DATABASES = new ArrayList<>();
    private static final List<Path> FOLDERS = new ArrayList<>();

    private DeferredCleanup() {
    }

    /** {@code db}, to be dropped at the end of the run. */
    public static synchronized BenchDatabase database(BenchDatabase db) {
        DATABASES.add(db);
        return db;
    }

    /** {@code folder} and everything in it, to be deleted at the end of the run. */
    public static synchronized Path folder(Path folder) {
        FOLDERS.add(folder);
        return folder;
    }

    /** Drops the databases and deletes the folders registered so far. */
    public static synchronized void run() {
        DATABASES.forEach(BenchDatabase::close);
        DATABASES.clear();
        for (Path folder : FOLDERS) {
            deleteTree(folder);
        }
        FOLDERS.clear();
    }

    private static void deleteTree(Path root) {
        try {
            MigratorBench.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
