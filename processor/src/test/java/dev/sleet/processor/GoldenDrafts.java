package dev.sleet.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of golden drafts, one {@code <step>.sql} per evolution step: the step's draft files, each
 * after a {@code -- file:} line naming it without its timestamp (which follows the test's clock).
 * A draft must equal its golden file byte for byte; {@code -Dsleet.updateGolden=true} rewrites them
 * after a reviewed change, and a missing one is written and reported for review.
 */
final class GoldenDrafts {
    private static final boolean UPDATE = Boolean.getBoolean("sleet.updateGolden");
    /** {@code 20261122_021500_}: the timestamp a draft's name starts with. */
    private static final int TIMESTAMP = 16;

    private final Path folder;
    private final List<String> written = new ArrayList<>();

    GoldenDrafts(Path folder) {
        this.folder = folder;
    }

    /** The golden text of {@code drafts}, in their order. */
    static String text(Harness harness, List<String> drafts) {
        StringBuilder text = new StringBuilder();
        for (String file : drafts) {
            text.append("-- file: ").append(file.substring(TIMESTAMP)).append('\n').append(harness.read(file));
        }
        return text.toString();
    }

    Path file(String step) {
        return folder.resolve(step + ".sql");
    }

    String read(String step) {
        return TestFiles.read(file(step));
    }

    /** Asserts that {@code actual} is the golden text of {@code step} (or writes it, when asked to or when it is missing). */
    void check(String step, String actual, String what) {
        Path golden = file(step);
        if (UPDATE || !Files.exists(golden)) {
            try {
                Files.createDirectories(folder);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!UPDATE) {
                written.add(step + " (golden file was missing and has been written: review it)");
            }
        } else {
            assertThat(actual).as(what).isEqualTo(read(step));
        }
    }

    /** Fails when a golden file had to be written: a test run must never pass on expectations it just made up. */
    void assertNoneWritten() {
        assertThat(written).isEmpty();
    }
}
