package dev.sleet.processor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic.Kind;
import org.junit.jupiter.api.Test;

/** The catalogue of processor messages: every code used and documented, templates filled exactly. */
class DiagnosticCatalogueTest {
    /** The module runs its tests from processor/; the docs live at the repository root. */
    private static String diagnosticsDoc() throws IOException {
        return Files.readString(Path.of("..", "docs", "DIAGNOSTICS.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everyCodeHasATableRowAndAnExampleSectionInTheDocs() throws IOException {
        String doc = diagnosticsDoc();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertThat(doc).as(code + " row").contains("| " + code.name() + " |");
            assertThat(doc).as(code + " section").containsPattern("(?m)^### " + code.code() + " — ");
        }
    }

    @Test
    void everyCodeHasAtLeastOneMessage() {
        Set<DiagnosticCode> used = Arrays.stream(Diagnostic.values()).map(Diagnostic::code)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DiagnosticCode.class)));
        assertThat(used).containsExactlyInAnyOrder(DiagnosticCode.values());
    }

    @Test
    void placeholdersAreFilledAndOtherBracesStayText() {
        Message m = Diagnostic.INDEX_WITHOUT_KEYS.with("Person");
        assertThat(m.text()).isEqualTo("@Index on Person has neither columns nor expressions; write columns = {\"...\"} or"
                + " expressions = {\"...\"}");
        assertThat(m.coded()).startsWith("SLEET-E016: @Index on Person");
        assertThat(Diagnostic.OPTION_MODE_NEEDS_FOLDER.with("sleet.mode", "check", "sleet.migrations").text())
                .isEqualTo("-Asleet.mode=check needs the migrations folder; add -Asleet.migrations=<dir>"
                        + " (e.g. -Asleet.migrations=${project.basedir}/migrations)");
        assertThat(Diagnostic.TABLE_NOT_RECORD.with("Thing", "class").text())
                .isEqualTo("Thing is a class, but tables are declared as records; write `public record Thing(long id, ...)`");
    }

    @Test
    void aWrongArgumentCountIsRefused() {
        assertThatThrownBy(() -> Diagnostic.UNKNOWN_COLUMN.with("only", "three", "args"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNKNOWN_COLUMN takes 4 arguments");
    }

    @Test
    void severityFollowsTheCode() {
        assertThat(Diagnostic.NO_PRIMARY_KEY.kind()).isEqualTo(Kind.WARNING);
        assertThat(Diagnostic.DESTRUCTIVE.kind()).isEqualTo(Kind.WARNING);
        assertThat(Diagnostic.DESTRUCTIVE_STRICT.kind()).isEqualTo(Kind.ERROR);
        assertThat(Diagnostic.UNKNOWN_COLUMN.kind()).isEqualTo(Kind.ERROR);
    }

    @Test
    void noMessageTextIsDefinedTwice() {
        assertThat(Arrays.stream(Diagnostic.values()).map(Diagnostic::template).distinct().count())
                .isEqualTo(Diagnostic.values().length);
    }
}
