package dev.sleet.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The on-disk contract pieces: names, draft marker, directives, checksum. */
class MigrationContractTest {

    private static final String RELEASED = "-- +migrate Up\ncreate table a (id int);\n\n-- +migrate Down\ndrop table a;\n";

    @Test
    void fileNameRule() {
        assertThat(MigrationNames.isValidFileName("20261122_021500_create_users.sql")).isTrue();
        assertThat(MigrationNames.isValidFileName("20261122_021500_create-users.sql")).isFalse();
        assertThat(MigrationNames.isValidFileName("V1__init.sql")).isFalse();
        assertThat(MigrationNames.invalidFileNameMessage("V1__init.sql")).contains("'V1__init.sql'").containsPattern("\\d{8}_\\d{6}_V1_init\\.sql");
        assertThat(MigrationNames.nameOf("a.sql")).isEqualTo("a");
        assertThat(MigrationNames.fileNameOf("a")).isEqualTo("a.sql");
        assertThat(MigrationNames.timestampAfter(Instant.parse("2026-01-01T00:00:00Z"), "20270101_000059_x")).isEqualTo("20270101_000100");
    }

    @Test
    void draftMarkerHasOneRule() {
        assertThat(DraftMarker.isDraft(DraftMarker.LINE + "\n" + RELEASED)).isTrue();
        assertThat(DraftMarker.isDraft("-- sleet:draft\r\n" + RELEASED)).isTrue();
        assertThat(DraftMarker.isDraft("\uFEFF" + DraftMarker.MARKER + "\n" + RELEASED)).isTrue();
        assertThat(DraftMarker.isDraft("  " + DraftMarker.MARKER + "\n" + RELEASED)).isTrue();
        assertThat(DraftMarker.isDraft(RELEASED + DraftMarker.MARKER + "\n")).as("only the first line counts").isFalse();
        assertThat(DraftMarker.isDraft("")).isFalse();
        assertThat(DraftMarker.withoutMarker(DraftMarker.LINE + "\n" + RELEASED)).isEqualTo(RELEASED);
        assertThat(DraftMarker.withoutMarker(RELEASED)).isSameAs(RELEASED);
        assertThat(DraftMarker.withoutMarker(DraftMarker.MARKER)).isEmpty();
    }

    @Test
    void releasingADraftKeepsItsChecksum() {
        String draft = MigrationDirective.render(true, "create table a (id int);\n", "drop table a;\n");
        String released = MigrationDirective.render(false, "create table a (id int);\n", "drop table a;\n");
        assertThat(draft).startsWith(DraftMarker.LINE + "\n-- +migrate Up\n");
        assertThat(released).isEqualTo(RELEASED);
        assertThat(MigrationChecksum.of(draft)).isEqualTo(MigrationChecksum.of(released));
        assertThat(MigrationChecksum.of(draft.replace("\n", "\r\n"))).isEqualTo(MigrationChecksum.of(released));
        assertThat(MigrationChecksum.of("-- sleet:draft by hand\n" + RELEASED)).isEqualTo(MigrationChecksum.of(released));
        assertThat(MigrationChecksum.of(released.replace("int", "bigint"))).isNotEqualTo(MigrationChecksum.of(released));
        MigrationFile file = new MigrationFile("20260101_000000_a", draft, true);
        assertThat(file.draft()).isTrue();
        assertThat(file.checksum()).isEqualTo(file.parse().checksum()).isEqualTo(MigrationChecksum.of(released));
        assertThat(file.fileName()).isEqualTo("20260101_000000_a.sql");
    }

    @Test
    void directivesRenderAndParseAlike() {
        for (MigrationDirective d : MigrationDirective.values()) {
            assertThat(MigrationDirective.of(d.line(), "f.sql", 1)).isEqualTo(d);
            assertThat(MigrationDirective.of("  --+migrate   " + d.line().substring("-- +migrate ".length()).toLowerCase() + " ", "f.sql", 1))
                    .isEqualTo(d);
        }
        assertThat(MigrationDirective.of("-- migrate Up", "f.sql", 1)).isNull();
        assertThatThrownBy(() -> MigrationDirective.of("-- +migrate Sideways", "f.sql", 7))
                .isInstanceOf(MigrationFormatException.class).hasMessageContaining("f.sql:7").hasMessageContaining("Sideways");
    }
}
