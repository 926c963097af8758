package dev.sleet.schema.diff;

import dev.sleet.schema.model.ColumnType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides whether a column type change keeps every value as it is (a widening) or may fail or cut values. */
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
        Matcher f = MODIFIED.matcher(from);
        Matcher t = MODIFIED.matcher(to);
        if (!f.matches() || !t.matches()) {
            return false;
        }
        String fBase = f.group(1);
        String tBase = t.group(1);
        if (fBase.equals("character varying") || fBase.equals("text")) {
            if (tBase.equals("text") || (tBase.equals("character varying") && t.group(2) == null)) {
                return true;
            }
            return fBase.equals("character varying") && tBase.equals("character varying") && f.group(2) != null
                    && Integer.parseInt(t.group(2)) >= Integer.parseInt(f.group(2));
        }
        if (fBase.equals("numeric") && tBase.equals("numeric")) {
            if (t.group(2) == null) {
                return true;
            }
            if (f.group(2) == null) {
                return false;
            }
            int fp = Integer.parseInt(f.group(2));
            int fs = f.group(3) == null ? 0 : Integer.parseInt(f.group(3));
            int tp = Integer.parseInt(t.group(2));
            int ts = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
            return ts >= fs && tp - ts >= fp - fs;
        }
        return false;
    }
}
