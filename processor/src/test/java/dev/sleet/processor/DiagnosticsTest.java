package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every annotation mistake is a coded error on the line that caused it, and a build with an error
 * writes no draft and no meta file. Source bodies start on line 6 (after the imports).
 */
class DiagnosticsTest {
    @TempDir
    Path migrations;

    private Compilation compile(JavaFileObject... sources) {
        return Harness.withoutDaos(migrations).compile(T1, sources);
    }

    /** Asserts the coded error on file/line and that nothing was written. */
    private void assertError(String code, JavaFileObject file, int line, String messagePart, JavaFileObject... sources) {
        Harness.assertRefused(compile(sources), file, line, code, messagePart);
        assertThat(new Harness(migrations).files()).as("no draft with errors").isEmpty();
    }

    private static final JavaFileObject CLIENT = Sources.of("Client", """
            @Table(name = "clients")
            public record Client(@Id long id, String name) {}
            """);

    /**
     * One annotation mistake each: the record (or enum) named, its body, the code reported on the
     * given line of that file and a part of its message that says how to fix it; {@code others} are
     * compiled first, beside it.
     */
    record Mistake(String test, String code, int line, String message, String name, String body, JavaFileObject... others) {
        JavaFileObject file() {
            return Sources.of(name, body);
        }

        @Override
        public String toString() {
            return test + " (" + code + ")";
        }
    }

    private static final JavaFileObject PLAIN = Sources.of("Plain", "public record Plain(long id) {}\n");
    private static final JavaFileObject PAIR = Sources.of("Pair", """
            @Table
            public record Pair(@Id long a, @Id long b) {}
            """);
    private static final JavaFileObject PLAIN_ENUM = Sources.of("Mood", "public enum Mood { HAPPY, SAD }\n");

    static List<Mistake> mistakes() {
        return List.of(
                new Mistake("table on a class", "SLEET-E001", 6, "write `public record Thing(long id, ...)`", "Thing", """
                        @Table
                        public class Thing {}
                        """),
                new Mistake("record without components", "SLEET-E002", 6, "declare its columns as components", "Empty", """
                        @Table
                        public record Empty() {}
                        """),
                new Mistake("unsupported type", "SLEET-E003", 9, "@Column(type = \"jsonb\")", "Blob", """
                        @Table
                        public record Blob(
                            @Id long id,
                            Object payload) {}
                        """),
                new Mistake("unknown column in an index points at the value", "SLEET-E004", 8,
                        "write the column name \"first_name\", not the component name", "Person", """
                        @Table
                        @Index(columns = {"id",
                            "firstName"})
                        public record Person(@Id long id, String firstName) {}
                        """),
                new Mistake("unknown column in a unique constraint", "SLEET-E004", 7, "columns are: id, email", "Person", """
                        @Table
                        @Unique(columns = "mail")
                        public record Person(@Id long id, String email) {}
                        """),
                new Mistake("unknown column in an exclusion", "SLEET-E004", 8, "\"room\"", "Slot", """
                        @Table
                        @Exclusion(elements = {
                            @Exclusion.Element(column = "room", operator = "=")})
                        public record Slot(@Id long id, long roomId) {}
                        """),
                new Mistake("reference to a non-table", "SLEET-E005", 8, "which is not a @Table record", "Order", """
                        @Table(name = "orders")
                        public record Order(@Id long id,
                            @References(table = Plain.class) long plainId) {}
                        """, PLAIN),
                new Mistake("referenced column missing", "SLEET-E006", 8, "columns are: id, name", "Order", """
                        @Table(name = "orders")
                        public record Order(@Id long id,
                            @References(table = Client.class, column = "code") long clientId) {}
                        """, CLIENT),
                new Mistake("foreign key type mismatch", "SLEET-E007", 8,
                        "give component clientId the Java type of Client.id (long)", "Order", """
                        @Table(name = "orders")
                        public record Order(@Id long id,
                            @References(table = Client.class) String clientId) {}
                        """, CLIENT),
                new Mistake("duplicate column", "SLEET-E009", 8, "which component name already uses", "Person", """
                        @Table
                        public record Person(@Id long id, String name,
                            @Column(name = "name") String fullName) {}
                        """),
                new Mistake("derived index name too long", "SLEET-E011", 7, "derived index name", "Wide", """
                        @Table
                        @Index(columns = {"a_rather_long_column_name_one", "a_rather_long_column_name_two"})
                        public record Wide(@Id long id, long aRatherLongColumnNameOne, long aRatherLongColumnNameTwo) {}
                        """),
                new Mistake("empty enum", "SLEET-E012", 6, "add a constant", "Mood", """
                        @PgEnum
                        public enum Mood {}
                        """),
                new Mistake("identity on a String", "SLEET-E013", 8, "identity columns must be short, int or long", "Tag", """
                        @Table
                        public record Tag(@Id
                            @Identity String id) {}
                        """),
                new Mistake("identity with a default", "SLEET-E014", 8, "cannot also have a default", "Tag", """
                        @Table
                        public record Tag(@Id @Identity
                            @Default("1") long id) {}
                        """),
                new Mistake("nullable id", "SLEET-E015", 8, "remove @Nullable", "Tag", """
                        @Table
                        public record Tag(@Id
                            @Nullable Long id) {}
                        """),
                new Mistake("index without keys", "SLEET-E016", 7, "neither columns nor expressions", "Tag", """
                        @Table
                        @Index(name = "idx_nothing")
                        public record Tag(@Id long id) {}
                        """),
                new Mistake("exclusion element with both a column and an expression", "SLEET-E017", 8,
                        "both a column and an expression", "Slot", """
                        @Table
                        @Exclusion(elements = {
                            @Exclusion.Element(column = "room_id", expression = "room_id + 1", operator = "=")})
                        public record Slot(@Id long id, long roomId) {}
                        """),
                new Mistake("soft delete without the archive components", "SLEET-E018", 7,
                        "`@Nullable Instant archivedAt`, `@Nullable String archivedBy`", "Note", """
                        @Table
                        @SoftDelete
                        public record Note(@Id long id, boolean isArchived) {}
                        """),
                new Mistake("reference to a composite key needs a column", "SLEET-E019", 8, "composite primary key", "Use", """
                        @Table
                        public record Use(@Id long id,
                            @References(table = Pair.class) long pairA) {}
                        """, PAIR),
                new Mistake("length on a number", "SLEET-E020", 8, "length applies to String components only", "Tag", """
                        @Table
                        public record Tag(@Id long id,
                            @Column(length = 10) long count) {}
                        """),
                new Mistake("nullable on a primitive", "SLEET-E020", 8, "use the boxed type", "Tag", """
                        @Table
                        public record Tag(@Id long id,
                            @Nullable long count) {}
                        """),
                new Mistake("@DefaultNow on a String", "SLEET-E021", 8, "@DefaultNow on created", "Tag", """
                        @Table
                        public record Tag(@Id long id,
                            @DefaultNow String created) {}
                        """),
                new Mistake("more sort orders than keys", "SLEET-E022", 7, "one order per key", "Tag", """
                        @Table
                        @Index(columns = "id", order = {SortOrder.ASC, SortOrder.DESC})
                        public record Tag(@Id long id) {}
                        """),
                new Mistake("duplicate enum labels", "SLEET-E023", 8, "is already the label of HAPPY", "Mood", """
                        @PgEnum
                        public enum Mood { HAPPY,
                            @EnumValue("happy") GLAD }
                        """),
                new Mistake("unique without columns", "SLEET-E025", 7, "names no columns", "Tag", """
                        @Table
                        @Unique(columns = {})
                        public record Tag(@Id long id) {}
                        """),
                new Mistake("blank check expression", "SLEET-E026", 7, "blank expression", "Tag", """
                        @Table
                        @Check(expression = "  ")
                        public record Tag(@Id long id) {}
                        """),
                new Mistake("plain Java enum", "SLEET-E027", 8, "annotate Mood with @PgEnum", "Tag", """
                        @Table
                        public record Tag(@Id long id,
                            Mood mood) {}
                        """, PLAIN_ENUM),
                new Mistake("blank name", "SLEET-E035", 7, "is blank", "Tag", """
                        @Table
                        @Index(name = " ", columns = "id")
                        public record Tag(@Id long id) {}
                        """),
                new Mistake("two records for one table", "SLEET-E008", 6, "records Client and Customer both map to table public.clients",
                        "Customer", """
                        @Table(name = "clients")
                        public record Customer(@Id long id) {}
                        """, CLIENT),
                new Mistake("one index name in two tables of a schema", "SLEET-E010", 7,
                        "already taken in schema public by index idx_shared", "Beta", """
                        @Table
                        @Index(name = "idx_shared", columns = "id")
                        public record Beta(@Id long id) {}
                        """, Sources.of("Alpha", """
                        @Table
                        @Index(name = "idx_shared", columns = "id")
                        public record Alpha(@Id long id) {}
                        """)),
                new Mistake("one constraint name twice in a table", "SLEET-E010", 7, "has the name \"person_rule\", already taken in", "Person", """
                        @Table
                        @Check(name = "person_rule", expression = "id > 0")
                        @Unique(name = "person_rule", columns = "name")
                        public record Person(@Id long id, String name) {}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsACodedErrorOnItsLine(Mistake mistake) {
        JavaFileObject file = mistake.file();
        JavaFileObject[] sources = Arrays.copyOf(mistake.others(), mistake.others().length + 1);
        sources[sources.length - 1] = file;
        assertError(mistake.code(), file, mistake.line(), mistake.message(), sources);
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
    void badOption() {
        Compilation compilation = new Harness(migrations).option("-Asleet.mode=sometimes").compile(T1, CLIENT);
        assertThat(compilation).hadErrorContaining("SLEET-E034");
        assertThat(compilation).hadErrorContaining("write generate, check or off");
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
