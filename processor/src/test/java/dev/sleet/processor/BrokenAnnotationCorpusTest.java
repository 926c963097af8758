package dev.sleet.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken annotation uses, compiled together in one javac run: each must get its coded
 * error in its own file on the line marked {@code //!}, none may crash the processor (SLEET-E033),
 * one broken table must not hide another's error, and nothing may be written.
 */
class BrokenAnnotationCorpusTest {
    @TempDir
    Path dir;

    /** One broken source: {@code %s} is the type's name; the expected error's line ends with {@code //!}. */
    record Case(String code, String body) {
    }

    private static final List<Case> CASES = List.of(
            // E001 @Table on a non-record
            new Case("E001", "@Table //!\npublic class %s {}"),
            new Case("E001", "@Table //!\npublic interface %s {}"),
            new Case("E001", "@Table(name = \"x_enum_table\") //!\npublic enum %s { A }"),
            new Case("E001", "@Table //!\npublic abstract class %s { long id; }"),
            // E002 no components
            new Case("E002", "@Table //!\npublic record %s() {}"),
            new Case("E002", "@Table(schema = \"empty_s\") //!\npublic record %s() {}"),
            // E003 unsupported types
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    Object value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    Map<String, String> value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    char value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    byte value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    Character value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    List<Object> value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    int[][] value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    Date value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    Optional<String> value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    Byte value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    List<byte[]> value) {} //!"),
            new Case("E003", "@Table\npublic record %s(@Id long id,\n    Thread value) {} //!"),
            // E004 unknown columns
            new Case("E004", "@Table\n@Index(columns = \"nope\") //!\npublic record %s(@Id long id) {}"),
            new Case("E004", "@Table\n@Index(columns = {\"id\",\n    \"nope\"}) //!\npublic record %s(@Id long id) {}"),
            new Case("E004", "@Table\n@Unique(columns = \"nope\") //!\npublic record %s(@Id long id) {}"),
            new Case("E004", "@Table\n@Unique(columns = {\"id\",\n    \"userName\"}) //!\npublic record %s(@Id long id, String userName) {}"),
            new Case("E004", "@Table\n@Index(columns = \"createdAt\") //!\npublic record %s(@Id long id, Instant createdAt) {}"),
            new Case("E004", "@Table\n@Index(columns = \"ID\") //!\npublic record %s(@Id long id) {}"),
            new Case("E004", "@Table\n@Index(columns = \"nope\", expressions = \"lower(name)\") //!\npublic record %s(@Id long id, String name) {}"),
            new Case("E004", "@Table\n@Exclusion(elements = {\n    @Exclusion.Element(column = \"nope\", operator = \"=\")}) //!\npublic record %s(@Id long id) {}"),
            new Case("E004", "@Table\n@Exclusion(elements = {@Exclusion.Element(column = \"id\", operator = \"=\"),\n    @Exclusion.Element(column = \"room\", operator = \"=\")}) //!\npublic record %s(@Id long id, long roomId) {}"),
            new Case("E004", "@Table\n@Index(columns = \" id\") //!\npublic record %s(@Id long id) {}"),
            // E005 reference to a non-table
            new Case("E005", "@Table\npublic record %s(@Id long id,\n    @References(table = Plain.class) long plainId) {} //!"),
            new Case("E005", "@Table\npublic record %s(@Id long id,\n    @References(table = Plain.class, column = \"id\") long plainId) {} //!"),
            new Case("E005", "@Table\npublic record %s(@Id long id,\n    @References(table = Record.class) long anyId) {} //!"),
            // E006 referenced column missing
            new Case("E006", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class, column = \"nope\") long targetId) {} //!"),
            new Case("E006", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class, column = \"uid \") UUID targetUid) {} //!"),
            new Case("E006", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class, column = \"Code\") String targetCode) {} //!"),
            // E007 type mismatch
            new Case("E007", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class) String targetId) {} //!"),
            new Case("E007", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class) UUID targetId) {} //!"),
            new Case("E007", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class) Instant targetId) {} //!"),
            new Case("E007", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class, column = \"uid\") long targetUid) {} //!"),
            new Case("E007", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class, column = \"code\") long targetCode) {} //!"),
            // E009 duplicate columns
            new Case("E009", "@Table\npublic record %s(@Id long id, String name,\n    @Column(name = \"name\") String other) {} //!"),
            new Case("E009", "@Table\npublic record %s(@Id long id, String userName,\n    @Column(name = \"user_name\") String other) {} //!"),
            new Case("E009", "@Table\npublic record %s(@Id long id, String aB,\n    String a_b) {} //!"),
            new Case("E009", "@Table\npublic record %s(@Id long id,\n    @Column(name = \"id\") long other) {} //!"),
            // E010 duplicate names
            new Case("E010", "@Table\n@Check(name = \"dup_rule_a\", expression = \"id > 0\") //!\n@Unique(name = \"dup_rule_a\", columns = \"id\")\npublic record %s(@Id long id) {}"),
            new Case("E010", "@Table\n@Index(name = \"dup_index_b\", columns = \"id\")\n@Index(name = \"dup_index_b\", columns = \"name\") //!\npublic record %s(@Id long id, String name) {}"),
            new Case("E010", "@Table(name = \"dup_rel_c\")\n@Index(name = \"dup_rel_c\", columns = \"id\") //!\npublic record %s(@Id long id) {}"),
            new Case("E010", "@Table(name = \"dup_pk_d\")\n@Unique(name = \"dup_pk_d_pkey\", columns = \"name\") //!\npublic record %s(@Id long id, String name) {}"),
            new Case("E010", "@Table\n@Check(name = \"dup_check_e\", expression = \"id > 0\")\n@Check(name = \"dup_check_e\", expression = \"id < 9\") //!\npublic record %s(@Id long id) {}"),
            // E011 identifiers over 63 bytes
            new Case("E011", "@Table(name = \"" + "t".repeat(64) + "\") //!\npublic record %s(@Id long id) {}"),
            new Case("E011", "@Table(schema = \"" + "s".repeat(64) + "\") //!\npublic record %s(@Id long id) {}"),
            new Case("E011", "@Table\npublic record %s(@Id long id,\n    @Column(name = \"" + "c".repeat(64) + "\") long wide) {} //!"),
            new Case("E011", "@Table\npublic record %s(@Id long id,\n    @Column(name = \"" + "é".repeat(32) + "\") long wide) {} //!"),
            new Case("E011", "@Table\n@Index(name = \"" + "i".repeat(64) + "\", columns = \"id\") //!\npublic record %s(@Id long id) {}"),
            new Case("E011", "@Table\n@Check(name = \"" + "k".repeat(70) + "\", expression = \"id > 0\") //!\npublic record %s(@Id long id) {}"),
            new Case("E011", "@Table\n@Unique(columns = {\"a_long_column_name_number_one\", \"a_long_column_name_number_two\"}) //!\n"
                    + "public record %s(@Id long id, long aLongColumnNameNumberOne, long aLongColumnNameNumberTwo) {}"),
            new Case("E011", "@Table\npublic record %s(@Id long id,\n    @References(table = Target.class, name = \"" + "f".repeat(64) + "\") long targetId) {} //!"),
            new Case("E011", "@PgEnum(name = \"" + "e".repeat(64) + "\") //!\npublic enum %s { A }"),
            new Case("E011", "@PgEnum(schema = \"" + "n".repeat(64) + "\") //!\npublic enum %s { A }"),
            // E012 enum without constants
            new Case("E012", "@PgEnum //!\npublic enum %s {}"),
            new Case("E012", "@PgEnum(name = \"nothing_at_all\") //!\npublic enum %s { ; }"),
            // E013 identity on a non-integer
            new Case("E013", "@Table\npublic record %s(@Id\n    @Identity String id) {} //!"),
            new Case("E013", "@Table\npublic record %s(@Id\n    @Identity UUID id) {} //!"),
            new Case("E013", "@Table\npublic record %s(@Id\n    @Identity double id) {} //!"),
            new Case("E013", "@Table\npublic record %s(@Id\n    @Identity BigDecimal id) {} //!"),
            new Case("E013", "@Table\npublic record %s(@Id\n    @Identity long[] id) {} //!"),
            new Case("E013", "@Table\npublic record %s(@Id\n    @Identity @Column(type = \"numeric\") long id) {} //!"),
            // E014 identity with a default
            new Case("E014", "@Table\npublic record %s(@Id @Identity\n    @Default(\"1\") long id) {} //!"),
            new Case("E014", "@Table\npublic record %s(@Id long id, @Identity\n    @Default(\"0\") int counter) {} //!"),
            // E015 nullable keys
            new Case("E015", "@Table\npublic record %s(@Id\n    @Nullable Long id) {} //!"),
            new Case("E015", "@Table\npublic record %s(@Id long id, @Identity\n    @Nullable Long counter) {} //!"),
            new Case("E015", "@Table\npublic record %s(@Id\n    @Nullable String id) {} //!"),
            // E016 index without keys
            new Case("E016", "@Table\n@Index(name = \"no_keys_a\") //!\npublic record %s(@Id long id) {}"),
            new Case("E016", "@Table\n@Index(unique = true, columns = {}) //!\npublic record %s(@Id long id) {}"),
            // E017 exclusion element shape
            new Case("E017", "@Table\n@Exclusion(elements = {\n    @Exclusion.Element(column = \"id\", expression = \"id + 1\", operator = \"=\")}) //!\npublic record %s(@Id long id) {}"),
            new Case("E017", "@Table\n@Exclusion(elements = {\n    @Exclusion.Element(operator = \"=\")}) //!\npublic record %s(@Id long id) {}"),
            // E018 soft delete shape
            new Case("E018", "@Table\n@SoftDelete //!\npublic record %s(@Id long id) {}"),
            new Case("E018", "@Table\n@SoftDelete //!\npublic record %s(@Id long id, String isArchived, @Nullable Instant archivedAt, @Nullable String archivedBy) {}"),
            new Case("E018", "@Table\n@SoftDelete //!\npublic record %s(@Id long id, boolean isArchived, Instant archivedAt, @Nullable String archivedBy) {}"),
            new Case("E018", "@Table\n@SoftDelete //!\npublic record %s(@Id long id, boolean isArchived, @Nullable LocalDate archivedAt, @Nullable String archivedBy) {}"),
            // E019 reference needs a column
            new Case("E019", "@Table\npublic record %s(@Id long id,\n    @References(table = Pair.class) long pairA) {} //!"),
            new Case("E019", "@Table\npublic record %s(@Id long id,\n    @References(table = Keyless.class) String line) {} //!"),
            // E020 attributes that do not fit
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Column(length = 10) long count) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Column(length = 10) Instant at) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Column(precision = 5) double ratio) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Column(scale = 2) BigDecimal amount) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Column(precision = 2, scale = 5) BigDecimal amount) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Column(length = -1) String name) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Nullable int count) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Nullable boolean flag) {} //!"),
            new Case("E020", "@Table\npublic record %s(@Id long id,\n    @Column(precision = 2000) BigDecimal amount) {} //!"),
            // E021 defaults
            new Case("E021", "@Table\npublic record %s(@Id long id,\n    @DefaultNow String created) {} //!"),
            new Case("E021", "@Table\npublic record %s(@Id long id,\n    @DefaultNow long created) {} //!"),
            new Case("E021", "@Table\npublic record %s(@Id long id, @Default(\"now()\")\n    @DefaultNow Instant created) {} //!"),
            new Case("E021", "@Table\npublic record %s(@Id long id,\n    @DefaultNow UUID created) {} //!"),
            // E022 sort orders
            new Case("E022", "@Table\n@Index(columns = \"id\", order = {SortOrder.ASC, SortOrder.DESC}) //!\npublic record %s(@Id long id) {}"),
            new Case("E022", "@Table\n@Index(columns = {\"id\", \"name\"}, order = {SortOrder.ASC, SortOrder.DESC, SortOrder.DESC}) //!\npublic record %s(@Id long id, String name) {}"),
            // E023 labels
            new Case("E023", "@PgEnum\npublic enum %s { HAPPY,\n    @EnumValue(\"happy\") GLAD } //!"),
            new Case("E023", "@PgEnum\npublic enum %s { A,\n    @EnumValue(\"\") B } //!"),
            new Case("E023", "@PgEnum\npublic enum %s { A,\n    @EnumValue(\"" + "l".repeat(64) + "\") B } //!"),
            // E025 constraints without columns
            new Case("E025", "@Table\n@Unique(columns = {}) //!\npublic record %s(@Id long id) {}"),
            new Case("E025", "@Table\n@Exclusion(elements = {}) //!\npublic record %s(@Id long id) {}"),
            // E026 blank SQL
            new Case("E026", "@Table\n@Check(expression = \" \") //!\npublic record %s(@Id long id) {}"),
            new Case("E026", "@Table\npublic record %s(@Id long id,\n    @Default(\"\") int count) {} //!"),
            new Case("E026", "@Table\n@Index(expressions = \"  \") //!\npublic record %s(@Id long id) {}"),
            new Case("E026", "@Table\n@Exclusion(elements = {\n    @Exclusion.Element(column = \"id\", operator = \" \")}) //!\npublic record %s(@Id long id) {}"),
            new Case("E026", "@Table\npublic record %s(@Id long id,\n    @Column(type = \" \") String data) {} //!"),
            // E027 plain enums
            new Case("E027", "@Table\npublic record %s(@Id long id,\n    Mood mood) {} //!"),
            new Case("E027", "@Table\npublic record %s(@Id long id,\n    Mood[] moods) {} //!"),
            new Case("E027", "@Table\npublic record %s(@Id long id,\n    List<Mood> moods) {} //!"),
            // E035 blank names
            new Case("E035", "@Table\n@Index(name = \" \", columns = \"id\") //!\npublic record %s(@Id long id) {}"),
            new Case("E035", "@Table\n@Unique(name = \"  \", columns = \"id\") //!\npublic record %s(@Id long id) {}"),
            new Case("E035", "@Table(name = \" \") //!\npublic record %s(@Id long id) {}"),
            new Case("E035", "@Table\npublic record %s(@Id long id,\n    @Column(name = \" \") long other) {} //!"));

    /** Well-formed types the cases refer to. */
    private static final List<JavaFileObject> SUPPORT = List.of(
            Sources.of("Plain", "public record Plain(long id) {}\n"),
            Sources.of("Mood", "public enum Mood { HAPPY, SAD }\n"),
            Sources.of("Target", "@Table(name = \"targets\")\npublic record Target(@Id long id, String code, UUID uid) {}\n"),
            Sources.of("Pair", "@Table(name = \"pairs\")\npublic record Pair(@Id long a, @Id long b) {}\n"),
            Sources.of("Keyless", "@Table(name = \"keyless\")\npublic record Keyless(String line) {}\n"));

    @Test
    void everyBrokenUseIsACodedErrorOnItsLineAndNothingIsWritten() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(100);
        List<JavaFileObject> sources = new ArrayList<>(SUPPORT);
        List<String> names = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            String name = String.format(Locale.ROOT, "Case%03d", i + 1);
            String body = CASES.get(i).body().formatted(name) + "\n";
            names.add(name);
            lines.add(Sources.IMPORTS.split("\n").length + lineOfMarker(body));
            sources.add(Sources.of(name, body));
        }
        Compilation compilation = new Harness(dir).option("-Asleet.daos=false").option("-Xmaxerrs").option("1000")
                .compile("2026-11-22T02:15:00Z", sources.toArray(JavaFileObject[]::new));

        List<String> missing = new ArrayList<>();
        compilation.errors().stream().filter(d -> !d.getMessage(Locale.ROOT).startsWith("SLEET-"))
                .forEach(d -> missing.add("javac: " + d.getSource() + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT)));
        for (int i = 0; i < CASES.size(); i++) {
            String file = "/app/" + names.get(i) + ".java";
            String code = "SLEET-" + CASES.get(i).code();
            long line = lines.get(i);
            boolean found = compilation.errors().stream().anyMatch(d -> d.getSource() != null
                    && ("/" + d.getSource().toUri().getPath()).endsWith(file) && d.getLineNumber() == line
                    && d.getMessage(Locale.ROOT).startsWith(code));
            if (!found) {
                List<String> got = compilation.errors().stream()
                        .filter(d -> d.getSource() != null && ("/" + d.getSource().toUri().getPath()).endsWith(file))
                        .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
                missing.add(names.get(i) + " expected " + code + " on line " + line + " but got " + got);
            }
        }
        if (!missing.isEmpty()) {
            compilation.errors().stream().filter(d -> d.getSource() == null).limit(5).forEach(d -> missing.add("first errors: " + (d.getSource() == null ? null
                    : d.getSource().toUri()) + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT)));
        }
        assertThat(missing).isEmpty();
        assertThat(compilation.diagnostics()).noneMatch(d -> d.getMessage(Locale.ROOT).contains("SLEET-E033"));
        // The well-formed support tables got no error of their own.
        assertThat(compilation.errors()).noneMatch(d -> d.getSource() != null
                && d.getSource().toUri().getPath().matches("(.*/)?app/(Plain|Mood|Target|Pair|Keyless)\\.java"));
        assertThat(compilation.diagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isNotEmpty();
        assertThat(new Harness(dir).files()).isEmpty();
    }

    private static int lineOfMarker(String body) {
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("//!")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no //! marker in " + body);
    }
}
