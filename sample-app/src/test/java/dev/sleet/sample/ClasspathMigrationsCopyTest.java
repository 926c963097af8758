package dev.sleet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.migration.ClasspathLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The class-path copy the application migrates from is the migrations folder as it is now, byte
 * for byte: the build copies the folder as a resource on every build (see the pom), so a released
 * draft or a new hand-written file reaches the classes even when no Java source changed and javac
 * (with the processor's own copy) was skipped.
 */
class ClasspathMigrationsCopyTest {

    @Test
    void everyMigrationOnTheClasspathMatchesTheFolder() throws IOException {
        Path folder = Path.of("..", "migrations");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String resource = ClasspathLayout.MIGRATIONS + "/" + file.getFileName();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(resource)
                        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }
}
