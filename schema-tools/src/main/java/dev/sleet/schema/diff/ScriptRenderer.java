package dev.sleet.schema.diff;

/**
 * Renders a plan as a SQL script: every statement ends with {@code ;} and a newline, and a
 * statement that may lose data is preceded by the comment line the migration format defines
 * (docs/MIGRATIONS.md), e.g. {@code -- WARNING DS102: drops a table and its rows (public.old_table)}.
 */
public final class ScriptRenderer {
    private ScriptRenderer() {
    }

    public static String render(MigrationPlan plan) {
        StringBuilder out = new StringBuilder();
        for (PlannedStatement s : plan.statements()) {
            if (s.destructive() != null) {
                out.append(warning(s)).append('\n');
            }
            out.append(s.sql()).append(";\n");
        }
        return out.toString();
    }

    /** The warning comment line for a destructive statement (without newline). */
    public static String warning(PlannedStatement s) {
        return "-- WARNING " + s.destructive().code() + ": " + s.destructive().risk() + " (" + oneLine(s.subject().display()) + ")";
    }

    /**
     * A name may legally hold a line break; in a comment it would end the comment and turn the rest of
     * the name into SQL, so control and line-separator characters are written as backslash-u escapes (U+000A becomes the six characters {@code \\u000a}).
     */
    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
