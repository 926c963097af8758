package dev.sleet.schema.diff;

import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.sql.TypeNames;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a column type change does: whether it keeps every value as it is (a widening) or may fail or cut
 * values, whether PostgreSQL can convert the column at all ({@code USING col::type}), and whether the
 * conversion rewrites the table (for the linter's lock rules).
 */
public final class TypeChanges {
    private TypeChanges() {
    }

    private static final Map<String, Integer> INTEGER_RANK = Map.of("smallint", 1, "integer", 2, "bigint", 3);
    private static final Pattern MODIFIED = Pattern.compile("^([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?$");

    /** True when every value of {@code from} converts to {@code to} unchanged. */
    public static boolean isSafeWidening(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from instanceof ColumnType.EnumRef e && to instanceof ColumnType.Builtin b) {
            // an enum label always fits in unbounded text
            String target = e.array() ? stripArray(b.name()) : b.name();
            boolean shapeMatches = e.array() == b.name().endsWith("[]");
            return shapeMatches && (target.equals("text") || target.equals("character varying"));
        }
        if (from instanceof ColumnType.Builtin f && to instanceof ColumnType.Builtin t) {
            boolean fromArray = f.name().endsWith("[]");
            if (fromArray != t.name().endsWith("[]")) {
                return false;
            }
            return isSafeWidening(stripArray(f.name()), stripArray(t.name()));
        }
        return false;
    }

    private static String stripArray(String type) {
        return type.endsWith("[]") ? stripArray(type.substring(0, type.length() - 2)) : type;
    }

    private static boolean isSafeWidening(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Integer fromRank = INTEGER_RANK.get(from);
        Integer toRank = INTEGER_RANK.get(to);
        if (fromRank != null && toRank != null) {
            return toRank > fromRank;
        }
        if (fromRank != null && to.equals("numeric")) {
            return true;
        }
        if (from.equals("real") && to.equals("double precision")) {
            return true;
        }
        Modified f = Modified.of(from);
        Modified t = Modified.of(to);
        if (f == null || t == null) {
            return false;
        }
        if (f.isText()) {
            if (t.base().equals("text") || (t.base().equals("character varying") && !t.sized())) {
                return true;
            }
            return f.base().equals("character varying") && t.base().equals("character varying") && f.sized()
                    && t.size() >= f.size();
        }
        if (f.base().equals("numeric") && t.base().equals("numeric")) {
            if (!t.sized()) {
                return true;
            }
            if (!f.sized()) {
                return false;
            }
            return t.scale() >= f.scale() && t.size() - t.scale() >= f.size() - f.scale();
        }
        return false;
    }

    /**
     * A type name split into its base and its number modifiers ({@code numeric(12,2)}: numeric, 12, 2), the
     * numbers read only when asked for. Null from {@link #of} when the name has another form.
     */
    private record Modified(String base, String sizeText, String scaleText) {
        static Modified of(String type) {
            Matcher m = MODIFIED.matcher(type);
            return m.matches() ? new Modified(m.group(1), m.group(2), m.group(3)) : null;
        }

        boolean sized() {
            return sizeText != null;
        }

        /** The length or precision; only when {@link #sized}. */
        int size() {
            return Integer.parseInt(sizeText);
        }

        /** The scale, 0 when not written. */
        int scale() {
            return scaleText == null ? 0 : Integer.parseInt(scaleText);
        }

        boolean isText() {
            return base.equals("text") || base.equals("character varying");
        }
    }

    /** String types: PostgreSQL converts any type to and from them through the types' text forms (I/O casts). */
    private static final Set<String> STRINGS = Set.of("text", "character varying", "character");
    private static final Set<String> NUMBERS = Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision");
    private static final Set<String> DATE_TIMES = Set.of("date", "timestamp without time zone", "timestamp with time zone");
    /**
     * Built-in types whose casts {@link #castExists} knows completely (from {@code pg_cast} of PostgreSQL 15 to 17);
     * a change involving any other type is assumed to cast, since only the database can tell.
     */
    private static final Set<String> KNOWN = Set.of("text", "character varying", "character", "smallint", "integer", "bigint",
            "numeric", "real", "double precision", "boolean", "date", "timestamp without time zone", "timestamp with time zone",
            "time without time zone", "time with time zone", "interval", "uuid", "bytea", "json", "jsonb");
    /** Casts between known types outside the families above: from → targets. */
    private static final Map<String, Set<String>> OTHER_CASTS = Map.of(
            "boolean", Set.of("integer"),
            "integer", Set.of("boolean"),
            "timestamp without time zone", Set.of("time without time zone"),
            "timestamp with time zone", Set.of("time without time zone", "time with time zone"),
            "time without time zone", Set.of("time with time zone", "interval"),
            "time with time zone", Set.of("time without time zone"),
            "interval", Set.of("time without time zone"),
            "json", Set.of("jsonb"),
            "jsonb", Set.of("json", "boolean", "smallint", "integer", "bigint", "numeric", "real", "double precision"));

    /**
     * True when {@code col::to} is valid SQL for a column of type {@code from} (enums convert through
     * {@code ::text}), so {@code ALTER COLUMN ... TYPE to USING} can convert it in place. False only when the
     * answer is known: there is no cast from {@code timestamptz} to {@code integer}, none from an enum to a number.
     */
    public static boolean castExists(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        boolean fromArray = isArray(from);
        boolean toArray = isArray(to);
        String f = base(from);
        String t = base(to);
        if ((!fromArray && STRINGS.contains(f)) || (!toArray && STRINGS.contains(t))) {
            return true; // everything has a text form, and can be read back from one
        }
        if (fromArray != toArray) {
            return false;
        }
        // Arrays convert element by element; enums through text, which reaches any enum or string element.
        boolean fromEnum = from instanceof ColumnType.EnumRef;
        boolean toEnum = to instanceof ColumnType.EnumRef;
        if (fromEnum || toEnum) {
            return (fromEnum || STRINGS.contains(f)) && (toEnum || STRINGS.contains(t));
        }
        if (!KNOWN.contains(f) || !KNOWN.contains(t)) {
            return true;
        }
        return f.equals(t) || STRINGS.contains(f) || STRINGS.contains(t)
                || (NUMBERS.contains(f) && NUMBERS.contains(t))
                || (DATE_TIMES.contains(f) && DATE_TIMES.contains(t))
                || OTHER_CASTS.getOrDefault(f, Set.of()).contains(t);
    }

    private static boolean isArray(ColumnType type) {
        return type instanceof ColumnType.EnumRef e ? e.array() : ((ColumnType.Builtin) type).name().endsWith("[]");
    }

    /** The element type's name without modifiers: {@code character varying(20)[]} → {@code character varying}. */
    private static String base(ColumnType type) {
        if (type instanceof ColumnType.EnumRef) {
            return "";
        }
        return stripArray(((ColumnType.Builtin) type).name()).replaceAll("\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\)", "").trim();
    }

    /**
     * True when expressions over a column read the same after its type changes from {@code from} to {@code to}: a
     * change of modifiers ({@code varchar(20)} → {@code varchar(30)}, {@code numeric(12,2)} → {@code numeric}), or one
     * among the string types or among the integer types (PostgreSQL casts no constant for those). Otherwise PostgreSQL keeps the operators it chose for the old type when it rebuilds an index or
     * check ({@code c + 1} on a double column stays {@code c::double precision + 1::double precision} after the
     * column becomes an integer), so the differ re-creates such dependents after the change.
     */
    public static boolean expressionsReadTheSame(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (!(from instanceof ColumnType.Builtin) || !(to instanceof ColumnType.Builtin) || isArray(from) != isArray(to)) {
            return false;
        }
        String f = base(from);
        String t = base(to);
        return f.equals(t) || (STRINGS.contains(f) && STRINGS.contains(t))
                || (INTEGER_RANK.containsKey(f) && INTEGER_RANK.containsKey(t));
    }

    /**
     * Whether {@code ALTER COLUMN … TYPE toSql} rewrites the table. PostgreSQL skips the rewrite when the
     * old values are valid bytes of the new type as they are: binary-coercible casts ({@code varchar → text},
     * {@code text → varchar}) and length or precision increases the cast's support function removes
     * ({@code varchar(n) → varchar(m ≥ n)}, {@code numeric(p,s) → numeric(q ≥ p,s)}, dropping the
     * modifier). Everything else, {@code integer → bigint} included, rewrites every row and rebuilds
     * every index.
     */
    public static boolean rewritesTable(ColumnType from, String toSql) {
        if (!(from instanceof ColumnType.Builtin builtin)) {
            return true; // an enum changes through text: every row is converted
        }
        return rewritesTable(builtin.name(), TypeNames.canonical(toSql));
    }

    private static boolean rewritesTable(String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        if (from.endsWith("[]") || to.endsWith("[]")) {
            return !(from.endsWith("[]") && to.endsWith("[]")
                    && !rewritesTable(from.substring(0, from.length() - 2), to.substring(0, to.length() - 2)));
        }
        Modified f = Modified.of(from);
        Modified t = Modified.of(to);
        if (f == null || t == null) {
            return true;
        }
        if (f.isText() && t.isText()) {
            if (!t.sized()) {
                return false;
            }
            return !(f.base().equals("character varying") && f.sized() && t.size() >= f.size());
        }
        if (f.base().equals("numeric") && t.base().equals("numeric")) {
            if (!t.sized()) {
                return false;
            }
            if (!f.sized()) {
                return true;
            }
            return !(f.scale() == t.scale() && t.size() >= f.size());
        }
        if (f.base().equals("bit varying") && t.base().equals("bit varying")) {
            return t.sized() && (!f.sized() || t.size() < f.size());
        }
        return !(f.base().equals("cidr") && t.base().equals("inet"));
    }
}
