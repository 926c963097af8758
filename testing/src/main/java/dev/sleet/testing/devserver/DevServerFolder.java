package dev.sleet.testing.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway folder for a test class that runs a real dev server (one cluster per class: initdb
 * costs about a second). Register it as a static field:
 * <pre>
 * {@literal @}RegisterExtension
 * static final DevServerFolder dev = new DevServerFolder();
 * </pre>
 * After the class, the server in {@link #dataDir()} is stopped (a failed assertion must not leave a
 * server running after the build) and the folder is deleted.
 */
public final class DevServerFolder implements BeforeAllCallback, AfterAllCallback {
    private Path root;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("sleet-devserver-");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            DevServer.at(dataDir()).stop();
        } finally {
            delete(root);
        }
    }

    /** The folder itself, for whatever else the test writes (migrations, files that are not a cluster). */
    public Path root() {
        if (root == null) {
            throw new IllegalStateException("DevServerFolder is used before its class started; register it with @RegisterExtension on a static field");
        }
        return root;
    }

    /** Where the class's dev server keeps its cluster: {@code <root>/pg}. */
    public Path dataDir() {
        return root().resolve("pg");
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the dev server's test folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
