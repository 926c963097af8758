package dev.sleet.runtime.pull;

import dev.sleet.schema.sql.Naming;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for SQL names: type names for tables and enums, component names for columns, constants
 * for enum labels, package segments for schemas. Each is a valid Java identifier that is not a keyword
 * and does not shadow a name the pulled sources or the DAOs generated from them use; where the
 * processor's own derivation would not give the SQL name back, the source says the SQL name
 * explicitly ({@code @Table(name = …)}, {@code @Column(name = …)}, {@code @EnumValue}).
 */
final class JavaNames {
    /**
     * Simple names a pulled type must not take: {@code java.lang} types (a same-package class would shadow them
     * in generated code) and every type the pulled sources import.
     */
    static final Set<String> RESERVED_TYPES = Set.of("Object", "String", "Integer", "Long", "Short", "Byte", "Boolean",
            "Double", "Float", "Character", "Number", "Math", "System", "Record", "Enum", "Override", "Class", "Void",
            "Iterable", "Exception", "RuntimeException", "Error", "Throwable", "Thread", "Runnable", "Comparable",
            "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "StringBuilder", "Process",
            "Module", "Package", "Runtime", "CharSequence", "AutoCloseable", "Cloneable", "ClassLoader", "Appendable",
            "Table", "Column", "Id", "Identity", "Default", "DefaultNow", "Nullable", "References", "Action", "Index",
            "IndexMethod", "SortOrder", "Unique", "Check", "Exclusion", "PgEnum", "EnumValue",
            "BigDecimal", "UUID", "Instant", "OffsetDateTime", "LocalDateTime", "LocalDate", "LocalTime", "Duration",
            "List", "Optional", "Generated");

    /** Component names a record refuses (they clash with methods every record has). */
    private static final Set<String> RESERVED_COMPONENTS = Set.of("hashCode", "toString", "getClass", "clone",
            "finalize", "notify", "notifyAll", "wait", "equals");

    /**
     * Names the generated DAO uses for its own fields, locals and lambda parameters: a component (and so a finder
     * parameter) with one of these names would not compile there, so such a column becomes {@code cValue} with
     * {@code @Column(name = "c")}.
     */
    private static final Set<String> DAO_LOCALS = Set.of("c", "ps", "rs", "db", "row", "rows", "out", "chunk", "windowStart",
            "windowEnd", "minLength");

    private JavaNames() {
    }

    /** {@code resource_schedule} → {@code ResourceSchedule}; {@code two words} → {@code TwoWords}. */
    static String typeName(String sqlName) {
        String camel = camel(sqlName);
        String name = camel.isEmpty() ? "T" : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "T" + name;
        }
        return RESERVED_TYPES.contains(name) || !SourceVersion.isName(name) ? name + "Row" : name;
    }

    /** {@code created_at} → {@code createdAt}; a keyword gets a trailing {@code _}. */
    static String componentName(String sqlName) {
        String camel = camel(sqlName);
        String name = camel.isEmpty() ? "column" : Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "c" + name;
        }
        if (SourceVersion.isKeyword(name) || RESERVED_COMPONENTS.contains(name) || name.equals("_")) {
            name = name + "_";
        }
        return DAO_LOCALS.contains(name) ? name + "Value" : name;
    }

    /** Whether the processor derives {@code sqlName} from {@code component} on its own (no {@code @Column(name)} needed). */
    static boolean derivesColumn(String component, String sqlName) {
        return Naming.snakeCase(component).equals(sqlName);
    }

    /** Whether the processor derives {@code sqlName} from the type name on its own. */
    static boolean derivesTable(String typeName, String sqlName) {
        return Naming.snakeCase(typeName).equals(sqlName);
    }

    /** {@code it's} → {@code IT_S}; {@code in_progress} → {@code IN_PROGRESS}. */
    static String constantName(String label) {
        String words = asciiWords(label).toUpperCase(Locale.ROOT);
        String name = words.isEmpty() ? "VALUE" : words;
        if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
            name = "V" + name;
        }
        return SourceVersion.isName(name) ? name : name + "_";
    }

    /** A package segment for a schema: {@code Billing Dept} → {@code billing_dept}. */
    static String packageSegment(String schema) {
        String name = asciiWords(schema).toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "s" + name;
        }
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    /** The ASCII letters and digits of {@code text}, each run of anything else between them one {@code _}: {@code it's!} → {@code it_s}. */
    private static String asciiWords(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** camelCase words of a SQL name: letters and digits kept, everything else separates words. */
    private static String camel(String sqlName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < sqlName.length(); ) {
            int cp = sqlName.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 && Character.isLetterOrDigit(cp)) { // ASCII only: sources compile under any -encoding
                if (upper && out.length() > 0) {
                    out.appendCodePoint(Character.toUpperCase(cp));
                } else {
                    out.appendCodePoint(out.length() == 0 ? Character.toLowerCase(cp) : cp);
                }
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }

    /** A Java string literal with its quotes. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
