package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static dev.sleet.processor.TestClock.T2;
import static dev.sleet.processor.TestClock.T3;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compile-time safety nets that need a migrations history (a {@code @RenamedFrom} that matches
 * nothing committed, a destructive draft's warning on every build) and the valid spellings the
 * annotation checks must keep accepting. Single-file mistakes live in the broken-annotation corpus.
 */
class SafetyNetTest {
    @TempDir
    Path dir;

    private Harness harness() {
        return Harness.withoutDaos(dir);
    }

    private static JavaFileObject orders(String components) {
        return Sources.of("Order", """
                @Table(name = "orders")
                public record Order(@Id @Identity long id,
                    %s) {}
                """.formatted(components));
    }

    /** A harness whose folder holds the released migration that creates orders with these components. */
    private Harness ordersReleased(String components) {
        return harness().released(T1, "20261122_021500_create_orders.sql", orders(components));
    }

    /** Orders as released, then as the sources have them now, and what the error must advise. */
    static Stream<Arguments> columnRenamesFromNothingCommitted() {
        return Stream.of(
                Arguments.of("long userId", "@RenamedFrom(\"userId\") long ownerId", "did you mean @RenamedFrom(\"user_id\")?"),
                Arguments.of("String note, long total", "@RenamedFrom(\"remark\") String comment, long total",
                        "the column of public.orders that the sources no longer have is note"));
    }

    @ParameterizedTest
    @MethodSource("columnRenamesFromNothingCommitted")
    void aColumnRenamedFromNothingCommittedIsAnErrorOnItsLineAndNothingIsDrafted(String released, String now, String advice) {
        Harness h = ordersReleased(released);
        JavaFileObject renamed = orders(now);
        Harness.assertRefused(h.compile(T2, renamed), renamed, 8, "SLEET-E043", advice);
        assertThat(h.files()).as("no drop-and-add draft").containsExactly("20261122_021500_create_orders.sql");
    }

    @Test
    void renamedFromInTheSqlSpellingIsARename() {
        Harness h = ordersReleased("long userId");
        assertThat(h.compile(T2, orders("@RenamedFrom(\"user_id\") long ownerId"))).succeeded();
        assertThat(h.read(h.files().get(1))).contains("RENAME COLUMN \"user_id\" TO \"owner_id\"").doesNotContain("DROP COLUMN");
    }

    @Test
    void tableRenamedFromNothingIsAnErrorAndCheckModeReportsItToo() throws IOException {
        Harness h = ordersReleased("long total");

        JavaFileObject renamed = Sources.of("Order", """
                @Table(name = "purchases")
                @RenamedFrom("order")
                public record Order(@Id @Identity long id, long total) {}
                """);
        Compilation generate = h.compile(T2, renamed);
        Harness.assertRefused(generate, renamed, 7, "SLEET-E043", "the table that the sources no longer have is public.orders");
        Compilation check = Harness.withoutDaos(dir, "-Asleet.mode=check").compile(T2, renamed);
        assertThat(check).hadErrorContaining("SLEET-E043");
    }

    @Test
    void aReleasedRenameMayKeepItsHintAndANewTableIsNotChecked() throws IOException {
        Harness h = ordersReleased("long userId");
        assertThat(h.compile(T2, orders("@RenamedFrom(\"user_id\") long ownerId"))).succeeded();
        h.release(h.files().get(1));
        // The hint stays in the sources after the release: owner_id is committed now, nothing to check.
        JavaFileObject both = Sources.of("Order", """
                @Table(name = "orders")
                public record Order(@Id @Identity long id, @RenamedFrom("user_id") long ownerId) {}
                @Table(name = "notes")
                record Note(@Id long id, @RenamedFrom("body") String text) {}
                """);
        assertThat(h.compile(T3, both)).succeeded();
    }

    @Test
    void aDestructiveDraftWarnsOnEveryBuildWhileItExists() throws IOException {
        Harness h = harness();
        JavaFileObject withNote = orders("String note");
        h.released(T1, "20261122_021500_create_orders.sql", withNote);
        JavaFileObject without = Sources.of("Order", """
                @Table(name = "orders")
                public record Order(@Id @Identity long id) {}
                """);
        Compilation written = h.compile(T2, without);
        assertThat(written).hadWarningContaining("SLEET-W001: DS103");
        // The same unreleased draft, built again and left as it is, warns again.
        String draft = h.files().get(1);
        Compilation again = h.compile(T3, without);
        assertThat(again).succeeded();
        assertThat(h.files()).containsExactly("20261122_021500_create_orders.sql", draft);
        assertThat(again).hadWarningContaining("SLEET-W001: DS103").inFile(without).onLine(7);
    }

    @Test
    void validDefaultsAndExpressionsAreAccepted() {
        JavaFileObject ok = Sources.of("Booking", """
                @Table(name = "bookings")
                @Check(expression = "CAST(guests AS integer) BETWEEN 1 AND 500 AND status IN ('pending', 'done')")
                @Check(expression = "ends_at::timestamp with time zone > starts_at AND extract(epoch from ends_at - starts_at) < 86400")
                @Check(expression = "\\"Total\\" >= 0 AND coalesce(note, '') <> 'x' COLLATE \\"C\\" AND day >= date '2020-01-01'")
                @Check(expression = "starts_at > now() - interval '10 years' AND note IS DISTINCT FROM NULL AND NOT archived")
                @Index(expressions = "lower(note)", where = "archived = false AND status = 'pending'::booking_status")
                @Exclusion(elements = {@Exclusion.Element(column = "room", operator = "="),
                    @Exclusion.Element(expression = "tstzrange(starts_at, ends_at, '[)')", operator = "&&")},
                    where = "NOT archived")
                public record Booking(@Id long id, long room, Instant startsAt, Instant endsAt, LocalDate day,
                    @Default("'pending'") Status status, @Default("'pending'::booking_status") Status previous,
                    @Default("0") int guests, @Default("-5") short delta, @Default("'12'") long big, @Default("1.5") double ratio,
                    @Default("'t'") boolean archived, @Default("gen_random_uuid()") UUID token, @Default("CURRENT_TIMESTAMP") Instant created,
                    @Default("'2020-01-01'") LocalDate since, @Default("'abc'") @Column(length = 3) String code,
                    @Nullable @Default("null") String note, @Column(name = "Total") @Default("0") int total,
                    @Default("now()") Instant touched, @Default("'NaN'") BigDecimal score) {
                    @PgEnum(name = "booking_status") public enum Status { PENDING, DONE }
                }
                """);
        Compilation compilation = Harness.withoutDaos(null).compile(T1, ok);
        assertThat(compilation).succeededWithoutWarnings();
    }
}
