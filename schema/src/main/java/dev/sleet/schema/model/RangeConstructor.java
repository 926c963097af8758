package dev.sleet.schema.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An exclusion element's expression when it builds a range from two columns, kept as structure:
 * {@code tstzrange(start_time, end_time, '[)')} is function {@code tstzrange}, columns
 * {@code start_time} and {@code end_time}, bounds {@code [)}. Whoever needs the shape (the DAO
 * generator's conflict queries) reads these fields instead of re-reading SQL text.
 *
 * @param bounds the bounds literal; {@code [)} when the expression leaves it out (PostgreSQL's default)
 */
public record RangeConstructor(String function, String startColumn, String endColumn, String bounds) {
    /** PostgreSQL's built-in range constructors. */
    public static final Set<String> FUNCTIONS = Set.of("tstzrange", "tsrange", "daterange", "int4range", "int8range", "numrange");

    private static final Set<String> BOUNDS = Set.of("[)", "[]", "(]", "()");

    /**
     * The structure of {@code expression} when it is exactly {@code fn(column, column[, 'bounds'[::text]])} with a
     * built-in range function, as written in an annotation or as {@code pg_get_indexdef} prints it; else empty.
     */
    public static Optional<RangeConstructor> of(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        List<String> tokens = Tokens.of(expression);
        if (tokens == null || tokens.size() < 6) {
            return Optional.empty();
        }
        // fn ( a , b )   or   fn ( a , b , 'x' )   or   fn ( a , b , 'x' :: text )
        String function = Tokens.identifier(tokens.get(0));
        if (function == null || !FUNCTIONS.contains(function) || !tokens.get(1).equals("(") || !tokens.get(3).equals(",")) {
            return Optional.empty();
        }
        String start = Tokens.identifier(tokens.get(2));
        String end = Tokens.identifier(tokens.get(4));
        if (start == null || end == null) {
            return Optional.empty();
        }
        List<String> rest = tokens.subList(5, tokens.size());
        String bounds = "[)";
        if (rest.size() == 1 && rest.get(0).equals(")")) {
            return Optional.of(new RangeConstructor(function, start, end, bounds));
        }
        boolean cast = rest.size() == 5 && rest.get(2).equals("::") && "text".equals(Tokens.identifier(rest.get(3)));
        if ((rest.size() == 3 || cast) && rest.get(0).equals(",") && rest.get(rest.size() - 1).equals(")")) {
            bounds = Tokens.literal(rest.get(1));
            if (bounds != null && BOUNDS.contains(bounds)) {
                return Optional.of(new RangeConstructor(function, start, end, bounds));
            }
        }
        return Optional.empty();
    }

    /** A tiny scanner for the few tokens a range constructor has: identifiers, string literals, punctuation. */
    private static final class Tokens {
        /** The tokens, identifiers and literals as written (quotes kept), or null on anything else. */
        static List<String> of(String sql) {
            List<String> out = new ArrayList<>();
            int i = 0;
            int n = sql.length();
            while (i < n) {
                char ch = sql.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (ch == '(' || ch == ')' || ch == ',') {
                    out.add(String.valueOf(ch));
                    i++;
                } else if (ch == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                    out.add("::");
                    i += 2;
                } else if (ch == '"' || ch == '\'') {
                    int close = i + 1;
                    while (true) {
                        close = sql.indexOf(ch, close);
                        if (close < 0) {
                            return null;
                        }
                        if (close + 1 < n && sql.charAt(close + 1) == ch) {
                            close += 2; // doubled quote: part of the text
                        } else {
                            break;
                        }
                    }
                    out.add(sql.substring(i, close + 1));
                    i = close + 1;
                } else if (Character.isLetter(ch) || ch == '_') {
                    int j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                        j++;
                    }
                    out.add(sql.substring(i, j));
                    i = j;
                } else {
                    return null;
                }
            }
            return out;
        }

        /** The name an identifier token denotes: quoted as written, unquoted folded to lower case; null for others. */
        static String identifier(String token) {
            if (token.startsWith("\"")) {
                return token.substring(1, token.length() - 1).replace("\"\"", "\"");
            }
            char first = token.charAt(0);
            return Character.isLetter(first) || first == '_' ? token.toLowerCase(Locale.ROOT) : null;
        }

        /** The text of a string literal token, or null. */
        static String literal(String token) {
            return token.startsWith("'") ? token.substring(1, token.length() - 1).replace("''", "'") : null;
        }
    }
}
