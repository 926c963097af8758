package dev.sleet.runtime.pull;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.types.JavaType;
import dev.sleet.schema.types.JavaTypes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java type of a pulled column, read off the one type catalogue ({@link JavaTypes}) the processor
 * maps with, so the record compiles back to the same column type: a catalogue type where its SQL type
 * matches exactly, {@code @Column(length)} / {@code (precision, scale)} for sized text and numeric, a
 * {@code List} for arrays of mapped types, the generated enum for enum types, and {@code String} with
 * {@code @Column(type = "…")} for everything else (jsonb, inet, ranges, …), which the DAO binds through a cast.
 *
 * @param primitiveOrBoxed the type of a NOT NULL column
 * @param boxed            the type of a nullable column
 * @param columnAttributes what {@code @Column} must say about the type
 * @param imports          what the source imports for it
 * @param temporal         whether {@code @DefaultNow} fits
 */
record JavaTypeChoice(String primitiveOrBoxed, String boxed, List<String> columnAttributes, Set<String> imports, boolean temporal) {
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    /** Scalar catalogue types by SQL type: primitive where one exists. */
    private static final Map<String, JavaType[]> SCALARS = Map.ofEntries(
            Map.entry("boolean", new JavaType[] {JavaTypes.BOOLEAN, JavaTypes.BOXED_BOOLEAN}),
            Map.entry("smallint", new JavaType[] {JavaTypes.SHORT, JavaTypes.BOXED_SHORT}),
            Map.entry("integer", new JavaType[] {JavaTypes.INT, JavaTypes.BOXED_INT}),
            Map.entry("bigint", new JavaType[] {JavaTypes.LONG, JavaTypes.BOXED_LONG}),
            Map.entry("real", new JavaType[] {JavaTypes.FLOAT, JavaTypes.BOXED_FLOAT}),
            Map.entry("double precision", new JavaType[] {JavaTypes.DOUBLE, JavaTypes.BOXED_DOUBLE}),
            Map.entry("text", new JavaType[] {JavaTypes.STRING, JavaTypes.STRING}),
            Map.entry("numeric", new JavaType[] {JavaTypes.BIG_DECIMAL, JavaTypes.BIG_DECIMAL}),
            Map.entry("uuid", new JavaType[] {JavaTypes.UUID, JavaTypes.UUID}),
            Map.entry("timestamp with time zone", new JavaType[] {JavaTypes.INSTANT, JavaTypes.INSTANT}),
            Map.entry("timestamp without time zone", new JavaType[] {JavaTypes.LOCAL_DATE_TIME, JavaTypes.LOCAL_DATE_TIME}),
            Map.entry("date", new JavaType[] {JavaTypes.LOCAL_DATE, JavaTypes.LOCAL_DATE}),
            Map.entry("time without time zone", new JavaType[] {JavaTypes.LOCAL_TIME, JavaTypes.LOCAL_TIME}),
            Map.entry("interval", new JavaType[] {JavaTypes.DURATION, JavaTypes.DURATION}),
            Map.entry("bytea", new JavaType[] {JavaTypes.BYTES_ARRAY, JavaTypes.BYTES_ARRAY}));

    private static final Set<String> TEMPORAL = Set.of("timestamp with time zone", "timestamp without time zone", "date",
            "time without time zone");

    /** How an enum type is named from a package (simple or qualified). */
    interface EnumNames {
        String name(QualifiedName enumType, String fromPackage);
    }

    static JavaTypeChoice of(Column column, EnumNames enums, String pkg) {
        ColumnType type = column.type();
        if (type instanceof ColumnType.EnumRef ref) {
            String name = enums.name(ref.enumName(), pkg);
            return ref.array()
                    ? new JavaTypeChoice("List<" + name + ">", "List<" + name + ">", List.of(), Set.of("java.util.List"), false)
                    : new JavaTypeChoice(name, name, List.of(), Set.of(), false);
        }
        String sql = type.sql();
        JavaType[] scalar = SCALARS.get(sql);
        if (scalar != null) {
            return new JavaTypeChoice(simple(scalar[0]), simple(scalar[1]), List.of(), imports(scalar[0]), TEMPORAL.contains(sql));
        }
        Matcher varchar = VARCHAR.matcher(sql);
        if (varchar.matches()) {
            return new JavaTypeChoice("String", "String", List.of("length = " + varchar.group(1)), Set.of(), false);
        }
        Matcher numeric = NUMERIC.matcher(sql);
        if (numeric.matches() && Integer.parseInt(numeric.group(1)) > 0) {
            List<String> attributes = numeric.group(2).equals("0") ? List.of("precision = " + numeric.group(1))
                    : List.of("precision = " + numeric.group(1), "scale = " + numeric.group(2));
            return new JavaTypeChoice("BigDecimal", "BigDecimal", attributes, Set.of("java.math.BigDecimal"), false);
        }
        if (sql.endsWith("[]") && !sql.substring(0, sql.length() - 2).endsWith("]")) {
            JavaType[] element = SCALARS.get(sql.substring(0, sql.length() - 2));
            if (element != null && element[1] != JavaTypes.BYTES_ARRAY) {
                String list = "List<" + simple(element[1]) + ">";
                Set<String> imports = new java.util.TreeSet<>(imports(element[1]));
                imports.add("java.util.List");
                return new JavaTypeChoice(list, list, List.of(), imports, false);
            }
        }
        return new JavaTypeChoice("String", "String", List.of("type = " + JavaNames.literal(sql)), Set.of(), false);
    }

    private static String simple(JavaType type) {
        String name = type.name();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static Set<String> imports(JavaType type) {
        String name = type.name();
        return name.startsWith("java.lang.") || !name.contains(".") ? Set.of() : Set.of(name);
    }
}
