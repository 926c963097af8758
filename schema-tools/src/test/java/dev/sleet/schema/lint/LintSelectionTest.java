package dev.sleet.schema.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "newest n" rule of {@code sleet lint --latest} and {@code sleet:lint -Dsleet.latest}. */
class LintSelectionTest {
    private static final List<String> NAMES = List.of("20261101_000000_a", "20261102_000000_b", "20261103_000000_c");

    @Test
    void newestNByNameOrder() {
        Predicate<String> two = LintSelection.newest(NAMES, 2, "--latest");
        assertThat(NAMES.stream().filter(two)).containsExactly("20261102_000000_b", "20261103_000000_c");
        assertThat(NAMES.stream().filter(LintSelection.newest(NAMES, 10, "--latest"))).containsExactlyElementsOf(NAMES);
        assertThat(NAMES.stream().filter(LintSelection.newest(NAMES, null, "--latest"))).containsExactlyElementsOf(NAMES);
    }

    @Test
    void belowOneIsRefusedInTheCallersSpelling() {
        assertThatThrownBy(() -> LintSelection.newest(NAMES, 0, "latest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("latest 0 must be at least 1");
    }

    @Test
    void readsTheFolderInNameOrder(@TempDir Path folder) throws Exception {
        for (String name : List.of("20261103_000000_c", "20261101_000000_a", "20261102_000000_b")) {
            Files.writeString(folder.resolve(name + ".sql"), "-- +migrate Up\nSELECT 1;\n");
        }
        assertThat(LintSelection.names(folder)).containsExactlyElementsOf(NAMES);
        Predicate<String> newest = LintSelection.newest(folder, 1, "--latest");
        assertThat(LintSelection.names(folder).stream().filter(newest)).containsExactly("20261103_000000_c");
    }
}
