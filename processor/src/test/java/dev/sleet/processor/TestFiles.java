package dev.sleet.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reading what a processor run wrote, for the tests of every package. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Names of the {@code .sql} files in a migrations folder, sorted; none when the folder does not exist. */
    public static List<String> sqlFiles(Path migrations) {
        if (migrations == null || !Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(migrations)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as UTF-8 text. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
