package dev.sleet.testing.devserver;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries the embedded test server uses (zonky's archives on the class
 * path), unpacked once into a cache folder so that a server can run from them after this JVM has
 * gone. zonky unpacks into a temporary folder of its own and drives the server from inside the
 * JVM; a dev server must outlive the command that started it, so Sleet unpacks them itself.
 */
final class PostgresBinaries {
    private PostgresBinaries() {
    }

    /**
     * The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}, unpacked
     * into {@code cacheRoot/<digest of the archive>} unless already there. Unpacking goes through a
     * temporary sibling and one rename, so concurrent first starts never see half a tree.
     */
    static Path install(Path cacheRoot) {
        try {
            String digest = digest();
            Path target = cacheRoot.resolve("postgres-" + digest);
            if (Files.isRegularFile(target.resolve("bin").resolve(executable("pg_ctl")))) {
                return target;
            }
            Files.createDirectories(cacheRoot);
            Path staging = Files.createTempDirectory(cacheRoot, "unpacking-");
            try {
                try (InputStream archive = archive()) {
                    unpack(archive, staging);
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                    // another process unpacked the same archive first; its copy is as good as ours
                    if (!Files.isRegularFile(target.resolve("bin").resolve(executable("pg_ctl")))) {
                        throw raced;
                    }
                }
            } finally {
                deleteTree(staging);
            }
            return target;
        } catch (IOException e) {
            throw new DevServerException("could not unpack the embedded PostgreSQL binaries into " + cacheRoot.toAbsolutePath()
                    + ": " + e.getMessage() + "; check that the folder is writable, or choose another with SLEET_CACHE_DIR", e);
        }
    }

    static String executable(String name) {
        return isWindows() ? name + ".exe" : name;
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static InputStream archive() throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "Windows" : os.startsWith("mac") ? "Darwin" : "Linux";
        String architecture = ArchUtils.normalize(System.getProperty("os.arch"));
        try {
            return new BufferedInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture));
        } catch (IllegalStateException missing) {
            throw new IOException("no PostgreSQL binaries for " + system + " " + architecture + " on the class path ("
                    + missing.getMessage() + ")", missing);
        }
    }

    /** A short digest of the archive's bytes: a new binaries version unpacks beside the old one. */
    private static String digest() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(archive(), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static void unpack(InputStream archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry " + entry.getName() + " points outside the folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0 && !path.toFile().setExecutable(true, false)) {
                        throw new IOException("cannot make " + path + " executable");
                    }
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover staging folder only costs disk space; the next start unpacks afresh
        }
    }
}
