package dev.sleet.processor.bind;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.schema.model.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an {@code @Default} against its column's type at compile time, so a default PostgreSQL would
 * refuse fails the build instead of the migration. Only literals are judged (a quoted string, a
 * number, true/false, NULL, a bare word); a function call or any other expression is passed as
 * written, since only the server can evaluate it.
 */
final class DefaultChecker {
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'(?:\\s*::\\s*[A-Za-z_][\\w .\"\\[\\]()]*)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern UUID = Pattern.compile("\\{?[0-9a-fA-F]{8}(-?[0-9a-fA-F]{4}){3}-?[0-9a-fA-F]{12}}?");
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    /** Bare words PostgreSQL evaluates as values (SQL's niladic functions), not as column names. */
    private static final Set<String> VALUE_WORDS = Set.of("current_timestamp", "current_date", "current_time", "localtime",
            "localtimestamp", "current_user", "session_user", "user", "current_role", "current_schema", "current_catalog",
            "true", "false", "null");
    private static final Set<String> BOOLEAN_TEXT = Set.of("t", "f", "true", "false", "y", "n", "yes", "no", "on", "off", "1", "0");
    private static final Set<String> SPECIAL_NUMBERS = Set.of("nan", "infinity", "-infinity", "+infinity", "inf", "-inf", "+inf");

    private DefaultChecker() {
    }

    /** The problem with {@code sql} as the default of the column, if PostgreSQL would refuse it or store something else. */
    static Optional<Message> check(String sql, String component, ColumnType type, boolean nullable, BoundEnum enumBinding) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.equals("null")) {
            return nullable ? Optional.empty() : Optional.of(Diagnostic.DEFAULT_NULL_ON_NOT_NULL.with(sql, component));
        }
        if (WORD.matcher(sql).matches() && !VALUE_WORDS.contains(lower)) {
            return Optional.of(Diagnostic.DEFAULT_BARE_WORD.with(sql, component));
        }
        Matcher string = STRING.matcher(sql);
        String text = string.matches() ? string.group(1).replace("''", "'") : null;
        boolean bool = lower.equals("true") || lower.equals("false");
        boolean number = NUMBER.matcher(sql).matches();
        if (type instanceof ColumnType.EnumRef ref) {
            if (ref.array() || enumBinding == null || enumBinding.type() == null) {
                return Optional.empty();
            }
            List<String> labels = enumBinding.type().values();
            String choices = labels.stream().map(l -> "@Default(\"'" + l + "'\")").collect(Collectors.joining(", "));
            if (text != null && !labels.contains(text)) {
                return Optional.of(Diagnostic.DEFAULT_NOT_A_LABEL.with(sql, component, "'" + text + "'", ref.enumName(), choices));
            }
            if (bool || number) {
                return Optional.of(Diagnostic.DEFAULT_NOT_A_LABEL.with(sql, component, sql, ref.enumName(), choices));
            }
            return Optional.empty();
        }
        String sqlType = type.sql().toLowerCase(Locale.ROOT);
        if (sqlType.endsWith("]")) {
            return Optional.empty(); // array literals are not judged here
        }
        switch (base(sqlType)) {
            case "smallint", "integer", "bigint" -> {
                String value = text != null ? text.strip() : number ? sql : null;
                if (bool) {
                    return wrongKind(sql, component, "a boolean", sqlType, "a whole number such as 0");
                }
                if (value == null) {
                    return Optional.empty();
                }
                if (!INTEGER.matcher(value).matches()) {
                    return wrongKind(sql, component, text != null && !NUMBER.matcher(value).matches() ? "text that is not a number"
                            : "not a whole number", sqlType, "a whole number such as 0");
                }
                BigInteger limit = switch (base(sqlType)) {
                    case "smallint" -> BigInteger.valueOf(Short.MAX_VALUE);
                    case "integer" -> BigInteger.valueOf(Integer.MAX_VALUE);
                    default -> BigInteger.valueOf(Long.MAX_VALUE);
                };
                BigInteger v = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
                if (v.compareTo(limit) > 0 || v.compareTo(limit.negate().subtract(BigInteger.ONE)) < 0) {
                    return wrongKind(sql, component, "out of range", sqlType, "a number between " + limit.negate().subtract(BigInteger.ONE)
                            + " and " + limit);
                }
                return Optional.empty();
            }
            case "numeric", "real", "double precision" -> {
                if (bool) {
                    return wrongKind(sql, component, "a boolean", sqlType, "a number such as 0");
                }
                if (text != null && !NUMBER.matcher(text.strip()).matches() && !SPECIAL_NUMBERS.contains(text.strip().toLowerCase(Locale.ROOT))) {
                    return wrongKind(sql, component, "text that is not a number", sqlType, "a number such as 0");
                }
                return Optional.empty();
            }
            case "boolean" -> {
                if (number) {
                    return wrongKind(sql, component, "a number", sqlType, "true or false");
                }
                if (text != null && !BOOLEAN_TEXT.contains(text.strip().toLowerCase(Locale.ROOT))) {
                    return wrongKind(sql, component, "text that is not a boolean", sqlType, "true or false");
                }
                return Optional.empty();
            }
            case "uuid" -> {
                if (number || bool) {
                    return wrongKind(sql, component, number ? "a number" : "a boolean", sqlType, "gen_random_uuid() or a quoted UUID");
                }
                if (text != null && !UUID.matcher(text.strip()).matches()) {
                    return wrongKind(sql, component, "text that is not a UUID", sqlType, "gen_random_uuid() or a quoted UUID");
                }
                return Optional.empty();
            }
            case "timestamp with time zone", "timestamp without time zone", "date", "time without time zone", "time with time zone",
                    "interval" -> {
                if (number || bool) {
                    return wrongKind(sql, component, number ? "a number" : "a boolean", sqlType,
                            "now(), or a quoted value such as '2000-01-01'");
                }
                return Optional.empty();
            }
            default -> {
                Matcher varchar = VARCHAR.matcher(sqlType);
                if (varchar.matches() && text != null) {
                    int limit = Integer.parseInt(varchar.group(1));
                    int length = text.codePointCount(0, text.length());
                    if (length > limit) {
                        return Optional.of(Diagnostic.DEFAULT_TOO_LONG.with(sql, component, length, limit, sqlType));
                    }
                }
                return Optional.empty();
            }
        }
    }

    /** The type name without a size: {@code numeric(10,2)} is numeric. */
    private static String base(String sqlType) {
        int paren = sqlType.indexOf('(');
        return paren < 0 ? sqlType : sqlType.substring(0, paren).strip();
    }

    private static Optional<Message> wrongKind(String sql, String component, String what, String type, String fix) {
        return Optional.of(Diagnostic.DEFAULT_WRONG_KIND.with(sql, component, what, type, fix));
    }
}
