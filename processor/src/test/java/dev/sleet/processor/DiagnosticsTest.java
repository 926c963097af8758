package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every annotation mistake is a coded error on the line that caused it, and a build with an error
 * writes no draft and no meta file. Source bodies start on line 6 (after the imports).
 */
class DiagnosticsTest {
    private static final String CLOCK = "2026-11-22T02:15:00Z";

    @TempDir
    Path migrations;

    private Compilation compile(JavaFileObject... sources) {
        return new Harness(migrations).option("-Asleet.daos=false").compile(CLOCK, sources);
    }

    /** Asserts the coded error on file/line and that nothing was written. */
    private void assertError(String code, JavaFileObject file, int line, String messagePart, JavaFileObject... sources) {
        Compilation compilation = compile(sources);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(code).inFile(file).onLine(line);
        assertThat(compilation).hadErrorContaining(messagePart);
        assertThat(new Harness(migrations).files()).as("no draft with errors").isEmpty();
    }

    private static final JavaFileObject CLIENT = Sources.of("Client", """
            @Table(name = "clients")
            public record Client(@Id long id, String name) {}
            """);

    @Test
    void tableOnAClass() {
        JavaFileObject f = Sources.of("Thing", """
                @Table
                public class Thing {}
                """);
        assertError("SLEET-E001", f, 6, "write `public record Thing(long id, ...)`", f);
    }

    @Test
    void recordWithoutComponents() {
        JavaFileObject f = Sources.of("Empty", """
                @Table
                public record Empty() {}
                """);
        assertError("SLEET-E002", f, 6, "declare its columns as components", f);
    }

    @Test
    void unsupportedType() {
        JavaFileObject f = Sources.of("Blob", """
                @Table
                public record Blob(
                    @Id long id,
                    Object payload) {}
                """);
        assertError("SLEET-E003", f, 9, "@Column(type = \"jsonb\")", f);
    }

    @Test
    void unknownColumnInIndexPointsAtTheValue() {
        JavaFileObject f = Sources.of("Person", """
                @Table
                @Index(columns = {"id",
                    "firstName"})
                public record Person(@Id long id, String firstName) {}
                """);
        assertError("SLEET-E004", f, 8, "write the column name \"first_name\", not the component name", f);
    }

    @Test
    void errorsInRepeatedAnnotationsPointAtTheWrittenValue() {
        JavaFileObject f = Sources.of("Person", """
                @Table
                @Index(columns = "id")
                @Index(columns = {"id",
                    "nickname"})
                @Check(expression = "id > 0")
                @Check(expression = " ")
                public record Person(@Id long id) {}
                """);
        Compilation compilation = compile(f);
        assertThat(compilation).hadErrorContaining("SLEET-E004").inFile(f).onLine(9);
        assertThat(compilation).hadErrorContaining("SLEET-E026").inFile(f).onLine(11);
    }

    @Test
    void unknownColumnInUniqueAndExclusion() {
        JavaFileObject unique = Sources.of("Person", """
                @Table
                @Unique(columns = "mail")
                public record Person(@Id long id, String email) {}
                """);
        assertError("SLEET-E004", unique, 7, "columns are: id, email", unique);
        JavaFileObject exclusion = Sources.of("Slot", """
                @Table
                @Exclusion(elements = {
                    @Exclusion.Element(column = "room", operator = "=")})
                public record Slot(@Id long id, long roomId) {}
                """);
        assertError("SLEET-E004", exclusion, 8, "\"room\"", exclusion);
    }

    @Test
    void referenceToANonTable() {
        JavaFileObject plain = Sources.of("Plain", "public record Plain(long id) {}\n");
        JavaFileObject f = Sources.of("Order", """
                @Table(name = "orders")
                public record Order(@Id long id,
                    @References(table = Plain.class) long plainId) {}
                """);
        assertError("SLEET-E005", f, 8, "which is not a @Table record", plain, f);
    }

    @Test
    void referencedColumnMissing() {
        JavaFileObject f = Sources.of("Order", """
                @Table(name = "orders")
                public record Order(@Id long id,
                    @References(table = Client.class, column = "code") long clientId) {}
                """);
        assertError("SLEET-E006", f, 8, "columns are: id, name", CLIENT, f);
    }

    @Test
    void foreignKeyTypeMismatch() {
        JavaFileObject f = Sources.of("Order", """
                @Table(name = "orders")
                public record Order(@Id long id,
                    @References(table = Client.class) String clientId) {}
                """);
        assertError("SLEET-E007", f, 8, "give component clientId the Java type of Client.id (long)", CLIENT, f);
    }

    @Test
    void duplicateTable() {
        JavaFileObject other = Sources.of("Customer", """
                @Table(name = "clients")
                public record Customer(@Id long id) {}
                """);
        Compilation compilation = compile(CLIENT, other);
        assertThat(compilation).hadErrorContaining("SLEET-E008");
        assertThat(compilation).hadErrorContaining("records Client and Customer both map to table public.clients");
    }

    @Test
    void duplicateColumn() {
        JavaFileObject f = Sources.of("Person", """
                @Table
                public record Person(@Id long id, String name,
                    @Column(name = "name") String fullName) {}
                """);
        assertError("SLEET-E009", f, 8, "which component name already uses", f);
    }

    @Test
    void duplicateIndexNameAcrossTablesOfOneSchema() {
        JavaFileObject a = Sources.of("Alpha", """
                @Table
                @Index(name = "idx_shared", columns = "id")
                public record Alpha(@Id long id) {}
                """);
        JavaFileObject b = Sources.of("Beta", """
                @Table
                @Index(name = "idx_shared", columns = "id")
                public record Beta(@Id long id) {}
                """);
        Compilation compilation = compile(a, b);
        assertThat(compilation).hadErrorContaining("SLEET-E010");
        assertThat(compilation).hadErrorContaining("already taken in schema public by index idx_shared");
    }

    @Test
    void duplicateConstraintNameInOneTable() {
        JavaFileObject f = Sources.of("Person", """
                @Table
                @Check(name = "person_rule", expression = "id > 0")
                @Unique(name = "person_rule", columns = "name")
                public record Person(@Id long id, String name) {}
                """);
        Compilation compilation = compile(f);
        assertThat(compilation).hadErrorContaining("SLEET-E010");
    }

    @Test
    void identifierOverSixtyThreeBytesIsRefusedNotTruncated() {
        String longName = "t".repeat(64);
        JavaFileObject f = Sources.of("Wide", """
                @Table(name = "%s")
                public record Wide(@Id long id) {}
                """.formatted(longName));
        assertError("SLEET-E011", f, 6, "64 bytes, over PostgreSQL's limit of 63", f);
        // Exactly 63 bytes is fine (multi-byte characters count as bytes).
        JavaFileObject ok = Sources.of("Wide", """
                @Table
                public record Wide(@Id long id, @Column(name = "%s") long wide) {}
                """.formatted("é".repeat(31) + "x"));
        assertThat(compile(ok)).succeeded();
    }

    @Test
    void derivedIndexNameTooLong() {
        JavaFileObject f = Sources.of("Wide", """
                @Table
                @Index(columns = {"a_rather_long_column_name_one", "a_rather_long_column_name_two"})
                public record Wide(@Id long id, long aRatherLongColumnNameOne, long aRatherLongColumnNameTwo) {}
                """);
        assertError("SLEET-E011", f, 7, "derived index name", f);
    }

    @Test
    void emptyEnum() {
        JavaFileObject e = Sources.of("Mood", """
                @PgEnum
                public enum Mood {}
                """);
        assertError("SLEET-E012", e, 6, "add a constant", e);
    }

    @Test
    void identityOnAString() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id
                    @Identity String id) {}
                """);
        assertError("SLEET-E013", f, 8, "identity columns must be short, int or long", f);
    }

    @Test
    void identityWithDefault() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id @Identity
                    @Default("1") long id) {}
                """);
        assertError("SLEET-E014", f, 8, "cannot also have a default", f);
    }

    @Test
    void nullableId() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id
                    @Nullable Long id) {}
                """);
        assertError("SLEET-E015", f, 8, "remove @Nullable", f);
    }

    @Test
    void indexWithoutKeys() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                @Index(name = "idx_nothing")
                public record Tag(@Id long id) {}
                """);
        assertError("SLEET-E016", f, 7, "neither columns nor expressions", f);
    }

    @Test
    void exclusionElementWithBothColumnAndExpression() {
        JavaFileObject f = Sources.of("Slot", """
                @Table
                @Exclusion(elements = {
                    @Exclusion.Element(column = "room_id", expression = "room_id + 1", operator = "=")})
                public record Slot(@Id long id, long roomId) {}
                """);
        assertError("SLEET-E017", f, 8, "both a column and an expression", f);
    }

    @Test
    void softDeleteWithoutArchiveComponents() {
        JavaFileObject f = Sources.of("Note", """
                @Table
                @SoftDelete
                public record Note(@Id long id, boolean isArchived) {}
                """);
        assertError("SLEET-E018", f, 7, "`@Nullable Instant archivedAt`, `@Nullable String archivedBy`", f);
    }

    @Test
    void referenceToCompositeKeyNeedsAColumn() {
        JavaFileObject pair = Sources.of("Pair", """
                @Table
                public record Pair(@Id long a, @Id long b) {}
                """);
        JavaFileObject f = Sources.of("Use", """
                @Table
                public record Use(@Id long id,
                    @References(table = Pair.class) long pairA) {}
                """);
        assertError("SLEET-E019", f, 8, "composite primary key", pair, f);
    }

    @Test
    void lengthOnANumber() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id long id,
                    @Column(length = 10) long count) {}
                """);
        assertError("SLEET-E020", f, 8, "length applies to String components only", f);
    }

    @Test
    void nullableOnAPrimitive() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id long id,
                    @Nullable long count) {}
                """);
        assertError("SLEET-E020", f, 8, "use the boxed type", f);
    }

    @Test
    void defaultNowOnAString() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id long id,
                    @DefaultNow String created) {}
                """);
        assertError("SLEET-E021", f, 8, "@DefaultNow on created", f);
    }

    @Test
    void moreSortOrdersThanKeys() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                @Index(columns = "id", order = {SortOrder.ASC, SortOrder.DESC})
                public record Tag(@Id long id) {}
                """);
        assertError("SLEET-E022", f, 7, "one order per key", f);
    }

    @Test
    void duplicateEnumLabels() {
        JavaFileObject e = Sources.of("Mood", """
                @PgEnum
                public enum Mood { HAPPY,
                    @EnumValue("happy") GLAD }
                """);
        assertError("SLEET-E023", e, 8, "is already the label of HAPPY", e);
    }

    @Test
    void unresolvedType() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id long id, Missing missing) {}
                """);
        Compilation compilation = compile(f);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("SLEET-E024").inFile(f).onLine(7);
    }

    @Test
    void uniqueWithoutColumns() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                @Unique(columns = {})
                public record Tag(@Id long id) {}
                """);
        assertError("SLEET-E025", f, 7, "names no columns", f);
    }

    @Test
    void blankCheckExpression() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                @Check(expression = "  ")
                public record Tag(@Id long id) {}
                """);
        assertError("SLEET-E026", f, 7, "blank expression", f);
    }

    @Test
    void plainJavaEnum() {
        JavaFileObject e = Sources.of("Mood", "public enum Mood { HAPPY, SAD }\n");
        JavaFileObject f = Sources.of("Tag", """
                @Table
                public record Tag(@Id long id,
                    Mood mood) {}
                """);
        assertError("SLEET-E027", f, 8, "annotate Mood with @PgEnum", e, f);
    }

    @Test
    void badOption() {
        Compilation compilation = new Harness(migrations).option("-Asleet.mode=sometimes").compile(CLOCK, CLIENT);
        assertThat(compilation).hadErrorContaining("SLEET-E034");
        assertThat(compilation).hadErrorContaining("write generate, check or off");
    }

    @Test
    void blankName() {
        JavaFileObject f = Sources.of("Tag", """
                @Table
                @Index(name = " ", columns = "id")
                public record Tag(@Id long id) {}
                """);
        assertError("SLEET-E035", f, 7, "is blank", f);
    }

    @Test
    void tableWithoutPrimaryKeyWarns() {
        JavaFileObject f = Sources.of("Log", """
                @Table
                public record Log(String line) {}
                """);
        Compilation compilation = compile(f);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("SLEET-W002").inFile(f).onLine(6);
    }

    @Test
    void oneBadTableDoesNotHideTheOthersErrors() {
        JavaFileObject a = Sources.of("Alpha", """
                @Table
                public record Alpha(@Id long id, Object bad) {}
                """);
        JavaFileObject b = Sources.of("Beta", """
                @Table
                @Index(columns = "nope")
                public record Beta(@Id long id) {}
                """);
        Compilation compilation = compile(a, b);
        assertThat(compilation).hadErrorContaining("SLEET-E003").inFile(a).onLine(7);
        assertThat(compilation).hadErrorContaining("SLEET-E004").inFile(b).onLine(7);
        assertThat(compilation.errors()).hasSize(2);
    }
}
