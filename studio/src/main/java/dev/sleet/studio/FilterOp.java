package dev.sleet.studio;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The comparisons a table filter offers; each writes its own SQL around a quoted column and a bound value. */
enum FilterOp {
    EQ("eq", "="), NE("ne", "<>"), LT("lt", "<"), LE("le", "<="), GT("gt", ">"), GE("ge", ">="),
    /** Substring match on the value's text form, case-insensitive; the pattern characters in the value are escaped. */
    CONTAINS("contains", null),
    IS_NULL("null", null),
    NOT_NULL("notnull", null);

    final String code;
    final String operator;

    FilterOp(String code, String operator) {
        this.code = code;
        this.operator = operator;
    }

    static FilterOp parse(String code) {
        return Arrays.stream(values()).filter(op -> op.code.equals(code)).findFirst()
                .orElseThrow(() -> HttpError.badRequest("unknown filter operator '" + code + "'; use one of "
                        + Arrays.stream(values()).map(op -> op.code).collect(Collectors.joining(", "))));
    }

    boolean takesValue() {
        return this != IS_NULL && this != NOT_NULL;
    }

    /** {@code %value%} with the LIKE wildcards and the escape character of the value taken literally. */
    static String containsPattern(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
