package dev.sleet.schema.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares SQL expressions the way PostgreSQL means them rather than the way they are spelled.
 *
 * <p>Users write {@code end_time > start_time}, {@code 'draft'}, {@code now()} or
 * {@code tstzrange(start_time, end_time, '[)')}; {@code pg_get_expr} prints the same things back as
 * {@code (end_time > start_time)}, {@code 'draft'::text}, {@code CURRENT_TIMESTAMP} (or {@code now()})
 * and {@code tstzrange(start_time, end_time, '[)'::text)}. {@code verify} compares a live database
 * with a snapshot, so both spellings must compare equal or every check and default would be reported
 * as drift. The normal form built here:
 * <ul>
 *   <li>ignores whitespace and letter case outside quotes (string literals and quoted identifiers keep theirs);
 *       a quoted identifier that needs no quotes ({@code "status"}) is the same as the bare one;</li>
 *   <li>drops the cast of a string literal to any type ({@code 'draft'::text}, {@code 'inquiry'::event_status},
 *       {@code 'x'::character varying}), and then reads a literal that holds a plain number as that number
 *       ({@code '-1'::integer} is {@code -1});</li>
 *   <li>drops a cast of a number constant to a number type ({@code 0::numeric}, {@code (1)::double precision}),
 *       which PostgreSQL adds where an integer meets a numeric, real or double column;</li>
 *   <li>drops a cast of a plain column reference to {@code text} or {@code character varying}, which PostgreSQL
 *       adds around {@code varchar} columns ({@code lower((email)::text)} is {@code lower(email)});</li>
 *   <li>reads {@code x IN (a, b)} as {@code x = ANY (ARRAY[a, b])} and {@code x NOT IN (a, b)} as
 *       {@code x <> ALL (ARRAY[a, b])}, which is how PostgreSQL stores them (a cast of the array to
 *       {@code text[]} or {@code character varying[]} is dropped too);</li>
 *   <li>reads a string literal holding an ISO date or timestamp as the UTC instant it names, so
 *       {@code '2000-01-01'} equals the {@code '2000-01-01 00:00:00+00'} PostgreSQL prints for it on a
 *       {@code timestamptz} column (a literal without a zone counts as UTC);</li>
 *   <li>reads {@code 't'::boolean}, {@code 'yes'::boolean}, … as {@code true} (and the false spellings as {@code false}),
 *       and drops a {@code public.} schema from a cast's type, as PostgreSQL prints them;</li>
 *   <li>treats {@code CURRENT_TIMESTAMP}, {@code transaction_timestamp()} and {@code now()} alike,
 *       {@code !=} as {@code <>}, and {@code ~~}/{@code ~~*} as {@code LIKE}/{@code ILIKE};</li>
 *   <li>removes parentheses that PostgreSQL's operator precedence makes redundant, so
 *       {@code ((a > 0) AND (b > 0))} equals {@code a > 0 AND b > 0} while {@code (a + b) * c} stays
 *       different from {@code a + b * c}.</li>
 * </ul>
 * Rewrites PostgreSQL applies beyond these (for example {@code IN (...)} printed as {@code = ANY (ARRAY[...])})
 * are not undone; write such expressions the way PostgreSQL prints them to keep {@code verify} quiet.
 */
public final class SqlExpressions {
    private SqlExpressions() {
    }

    /** True when the two expressions mean the same to PostgreSQL (both null counts as equal). */
    public static boolean equivalent(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b) || normalize(a).equals(normalize(b));
    }

    /**
     * True when {@code expression} names the column {@code column} anywhere outside string literals, bare
     * ({@code status}, any letter case when the name is lower case) or quoted ({@code "status"}). A function or
     * type of the same name counts too: callers use the answer to re-create dependent objects, where a false
     * alarm costs a rebuild and a miss costs a failed migration.
     */
    public static boolean mentionsColumn(String expression, String column) {
        if (expression == null || column == null) {
            return false;
        }
        for (Token t : tokenize(expression)) {
            if (t.type == Type.WORD && t.text.equals(column)) {
                return true;
            }
            if (t.type == Type.IDENT && t.text.length() >= 2
                    && t.text.substring(1, t.text.length() - 1).replace("\"\"", "\"").equals(column)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names {@code expression} uses as column references, read conservatively so that every name
     * returned really is one: a bare word (folded to lower case) or quoted identifier that is not a
     * keyword, not a function ({@code lower(}), not a type ({@code ::text}, {@code AS integer},
     * {@code date '2000-01-01'}), not qualified ({@code t.col}, {@code pg_catalog.}) and not a collation.
     * The processor reports the names a table lacks, which PostgreSQL would otherwise refuse only when
     * the migration runs.
     */
    public static Set<String> columnReferences(String expression) {
        Set<String> out = new LinkedHashSet<>();
        if (expression == null) {
            return out;
        }
        List<Token> tokens = tokenize(expression);
        boolean typeNext = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type == Type.CAST) {
                typeNext = true;
                continue;
            }
            if (t.type != Type.WORD && t.type != Type.IDENT) {
                typeNext = false;
                continue;
            }
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (typeNext) {
                // A type name, possibly of several words (double precision, timestamp with time zone).
                typeNext = false;
                while (i + 1 < tokens.size() && tokens.get(i + 1).type == Type.WORD && TYPE_WORDS.contains(tokens.get(i + 1).text)) {
                    i++;
                }
                continue;
            }
            if (t.type == Type.WORD && t.text.equals("as")) {
                typeNext = true; // CAST(x AS type)
                continue;
            }
            boolean function = next != null && next.is(Type.OPEN, "(");
            boolean typedLiteral = next != null && next.type == Type.STRING;
            boolean qualified = (next != null && next.type == Type.DOT) || (previous != null && previous.type == Type.DOT);
            boolean collation = previous != null && previous.is(Type.WORD, "collate");
            if (function || typedLiteral || qualified || collation || (t.type == Type.WORD && REFERENCE_KEYWORDS.contains(t.text))) {
                continue;
            }
            out.add(t.type == Type.WORD ? t.text : t.text.substring(1, t.text.length() - 1).replace("\"\"", "\""));
        }
        return out;
    }

    /** Words that are never column references in an expression: SQL keywords, niladic functions, datetime fields. */
    private static final Set<String> REFERENCE_KEYWORDS = Set.of(
            "and", "or", "not", "null", "true", "false", "unknown", "is", "isnull", "notnull", "in", "between", "symmetric",
            "asymmetric", "like", "ilike", "similar", "to", "escape", "case", "when", "then", "else", "end", "any", "all", "some",
            "exists", "distinct", "from", "array", "row", "collate", "at", "time", "zone", "interval", "current_date",
            "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "current_role", "current_catalog",
            "current_schema", "session_user", "user", "asc", "desc", "nulls", "first", "last", "overlaps", "with", "without",
            "varying", "precision", "double", "character", "timestamp", "date", "for", "both", "leading", "trailing", "placing",
            "using", "operator", "default", "json", "object", "scalar", "value", "epoch", "year", "month", "day", "hour",
            "minute", "second", "dow", "doy", "week", "quarter", "century", "decade", "millennium", "milliseconds",
            "microseconds", "isodow", "isoyear", "julian", "timezone", "timezone_hour", "timezone_minute");

    /** Words that continue a type name after its first word. */
    private static final Set<String> TYPE_WORDS = Set.of("precision", "varying", "with", "without", "time", "zone");

    /** The normal form described in the class comment, tokens separated by single spaces. */
    public static String normalize(String expression) {
        List<Token> tokens = tokenize(expression);
        tokens = stripLiteralCasts(tokens);
        tokens = canonicalDateTimes(tokens);
        tokens = canonicalSpellings(tokens);
        tokens = inListsAsArrays(tokens);
        tokens = stripRedundantParentheses(tokens);
        tokens = stripTextCastsOfColumns(tokens);
        tokens = stripRedundantParentheses(tokens);
        StringBuilder out = new StringBuilder();
        for (Token t : tokens) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(t.text);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- tokens

    private enum Type { STRING, IDENT, WORD, NUMBER, OPERATOR, OPEN, CLOSE, COMMA, CAST, DOT, OTHER }

    private record Token(Type type, String text) {
        boolean is(Type t, String s) {
            return type == t && text.equals(s);
        }
    }

    /** The tokens of {@code s} as the rewrites below read them, cut by {@link SqlLexer}. */
    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        for (SqlLexer.Token t : SqlLexer.tokenize(s)) {
            switch (t.kind()) {
                case WHITESPACE, LINE_COMMENT, BLOCK_COMMENT -> { }
                case STRING, DOLLAR_QUOTED -> out.add(new Token(Type.STRING, t.text()));
                case QUOTED_IDENTIFIER -> {
                    String inner = SqlLexer.identifier(t);
                    // "status" and status are one identifier; "Status" is not status.
                    out.add(inner.matches("[a-z_][a-z0-9_$]*") ? new Token(Type.WORD, inner) : new Token(Type.IDENT, t.text()));
                }
                case WORD -> out.add(new Token(Type.WORD, t.text().toLowerCase(Locale.ROOT)));
                case NUMBER -> out.add(new Token(Type.NUMBER, t.text().toLowerCase(Locale.ROOT)));
                case OPERATOR -> addOperator(out, t.text());
                case PARAMETER -> out.add(new Token(Type.OTHER, t.text()));
                case PUNCTUATION -> out.add(switch (t.text()) {
                    case "(", "[" -> new Token(Type.OPEN, t.text());
                    case ")", "]" -> new Token(Type.CLOSE, t.text());
                    case "," -> new Token(Type.COMMA, ",");
                    case "." -> new Token(Type.DOT, ".");
                    default -> new Token(Type.OTHER, t.text());
                });
            }
        }
        return out;
    }

    /** An operator run with {@code ::} in it is a cast between operators: {@code >::} does not occur, but stay exact. */
    private static void addOperator(List<Token> out, String run) {
        int i = 0;
        while (i < run.length()) {
            int cast = run.indexOf("::", i);
            if (cast == i) {
                out.add(new Token(Type.CAST, "::"));
                i += 2;
                continue;
            }
            String part = run.substring(i, cast < 0 ? run.length() : cast);
            out.add(part.equals(":") ? new Token(Type.OTHER, ":") : new Token(Type.OPERATOR, part));
            i += part.length();
        }
    }

    // ---------------------------------------------------------------- rewrites

    /** Number types PostgreSQL casts an integer constant to when it meets a column of that type. */
    private static final Set<String> NUMERIC_TYPES = Set.of("numeric", "real", "double precision", "bigint", "smallint", "integer");

    /** Words that may continue a multi-word type name after {@code ::}, as in {@code ::character varying}. */
    private static final Set<String> TYPE_NAME_WORDS = Set.of(
            "varying", "precision", "with", "without", "time", "zone");

    private static List<Token> stripLiteralCasts(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        int i = 0;
        while (i < in.size()) {
            Token t = in.get(i);
            if (t.type == Type.STRING && i + 1 < in.size() && in.get(i + 1).type == Type.CAST) {
                int end = endOfTypeName(in, i + 2);
                if (end > i + 2) {
                    boolean toBoolean = end == i + 3 && in.get(i + 2).is(Type.WORD, "boolean");
                    out.addAll(toBoolean ? booleanWord(t) : unquoteNumber(t));
                    i = end;
                    continue;
                }
            }
            // PostgreSQL prints a type visible on the search path without its schema: ::"mood"[] for ::public."mood"[].
            if (t.type == Type.CAST && i + 2 < in.size() && in.get(i + 1).is(Type.WORD, "public") && in.get(i + 2).type == Type.DOT) {
                out.add(t);
                i += 3;
                continue;
            }
            // PostgreSQL prints an integer constant compared with a numeric, real or double column as 0::numeric
            // or (0)::double precision: the implicit cast it added is not part of what the user wrote.
            int number = t.type == Type.NUMBER ? i : t.is(Type.OPEN, "(") && i + 2 < in.size() && in.get(i + 1).type == Type.NUMBER
                    && in.get(i + 2).is(Type.CLOSE, ")") ? i + 1 : -1;
            int cast = number < 0 ? -1 : number == i ? i + 1 : i + 3;
            if (number >= 0 && cast < in.size() && in.get(cast).type == Type.CAST) {
                int end = endOfTypeName(in, cast + 1);
                String type = in.subList(cast + 1, end).stream().map(x -> x.text).reduce((x, y) -> x + " " + y).orElse("");
                if (NUMERIC_TYPES.contains(type)) {
                    out.add(in.get(number));
                    i = end;
                    continue;
                }
            }
            out.add(t);
            i++;
        }
        return out;
    }

    /** The index just past a type name starting at {@code start}: words/quoted names, dots, (n[,m]) and []. */
    private static int endOfTypeName(List<Token> in, int start) {
        int i = start;
        if (i >= in.size() || (in.get(i).type != Type.WORD && in.get(i).type != Type.IDENT)) {
            return start;
        }
        i++;
        while (i < in.size()) {
            Token t = in.get(i);
            if (t.type == Type.DOT && i + 1 < in.size() && (in.get(i + 1).type == Type.WORD || in.get(i + 1).type == Type.IDENT)) {
                i += 2;
            } else if (t.type == Type.WORD && TYPE_NAME_WORDS.contains(t.text)) {
                i++;
            } else if (t.is(Type.OPEN, "(") && i + 2 < in.size() && in.get(i + 1).type == Type.NUMBER) {
                int j = i + 2;
                while (j + 1 < in.size() && in.get(j).type == Type.COMMA && in.get(j + 1).type == Type.NUMBER) {
                    j += 2;
                }
                if (j < in.size() && in.get(j).is(Type.CLOSE, ")")) {
                    i = j + 1;
                } else {
                    break;
                }
            } else if (t.is(Type.OPEN, "[") && i + 1 < in.size() && in.get(i + 1).is(Type.CLOSE, "]")) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** PostgreSQL prints {@code 't'::boolean} (and {@code 'yes'}, {@code 'on'}, …) as {@code true}. */
    private static List<Token> booleanWord(Token literal) {
        String text = literal.text;
        String inner = text.length() >= 2 && text.startsWith("'") ? text.substring(1, text.length() - 1).strip().toLowerCase(Locale.ROOT) : "";
        return switch (inner) {
            case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1" -> List.of(new Token(Type.WORD, "true"));
            case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0" -> List.of(new Token(Type.WORD, "false"));
            default -> List.of(literal);
        };
    }

    /** {@code '-1'} becomes the tokens of {@code -1} (a sign and a number), as the tokenizer reads it when written bare. */
    private static List<Token> unquoteNumber(Token literal) {
        String text = literal.text;
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            String inner = text.substring(1, text.length() - 1);
            if (inner.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
                Token number = new Token(Type.NUMBER, (inner.startsWith("-") ? inner.substring(1) : inner).toLowerCase(Locale.ROOT));
                return inner.startsWith("-") ? List.of(new Token(Type.OPERATOR, "-"), number) : List.of(number);
            }
        }
        return List.of(literal);
    }

    /** {@code 2000-01-01}, {@code 2000-01-01 12:30}, {@code 2000-01-01T12:30:00.5+02}, {@code 2000-01-01 00:00:00+00:00}. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?)?\\s*(?:(Z|UTC|[+-]\\d{2})(?::?(\\d{2}))?)?");

    /**
     * A string literal that holds a date or a timestamp in ISO form is read as the instant it names, written back as
     * {@code 'yyyy-mm-dd hh:mm:ss[.fff]'} in UTC. Users write {@code ts > '2000-01-01'}; PostgreSQL stores the constant
     * converted to the column type and prints {@code '2000-01-01 00:00:00+00'::timestamp with time zone} (the
     * introspector reads in UTC). A literal without a zone counts as UTC.
     */
    private static List<Token> canonicalDateTimes(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        for (Token t : in) {
            out.add(t.type == Type.STRING ? canonicalDateTime(t) : t);
        }
        return out;
    }

    private static Token canonicalDateTime(Token literal) {
        String text = literal.text;
        if (!text.startsWith("'") || !text.endsWith("'") || text.length() < 12) {
            return literal;
        }
        Matcher m = DATE_TIME.matcher(text.substring(1, text.length() - 1).strip());
        if (!m.matches()) {
            return literal;
        }
        try {
            LocalDateTime local = LocalDate.parse(m.group(1)).atStartOfDay();
            if (m.group(2) != null) {
                local = local.withHour(Integer.parseInt(m.group(2))).withMinute(Integer.parseInt(m.group(3)))
                        .withSecond(m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            }
            String zone = m.group(6);
            if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
                int minutes = Integer.parseInt(zone.substring(1)) * 60 + (m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
                local = local.minusMinutes(zone.startsWith("+") ? minutes : -minutes);
            }
            String fraction = m.group(5) == null ? "" : m.group(5).replaceAll("0+$", "");
            return new Token(Type.STRING, "'" + local.toLocalDate() + " " + local.toLocalTime().withNano(0)
                    .format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME) + (fraction.equals(".") ? "" : fraction) + "'");
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return literal; // 2000-13-45 is no date: leave it as written
        }
    }

    private static final Map<String, String> OPERATOR_SPELLINGS = Map.of(
            "!=", "<>", "~~", "like", "~~*", "ilike", "!~~", "not like", "!~~*", "not ilike");

    private static List<Token> canonicalSpellings(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            boolean called = i + 1 < in.size() && in.get(i + 1).is(Type.OPEN, "(");
            if (t.type == Type.WORD && t.text.equals("current_timestamp") && !called) {
                out.add(new Token(Type.WORD, "now"));
                out.add(new Token(Type.OPEN, "("));
                out.add(new Token(Type.CLOSE, ")"));
            } else if (t.type == Type.WORD && t.text.equals("transaction_timestamp") && called) {
                out.add(new Token(Type.WORD, "now"));
            } else if (t.type == Type.OPERATOR && OPERATOR_SPELLINGS.containsKey(t.text)) {
                for (String word : OPERATOR_SPELLINGS.get(t.text).split(" ")) {
                    out.add(word.equals("<>") ? new Token(Type.OPERATOR, word) : new Token(Type.WORD, word));
                }
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Token> stripTextCastsOfColumns(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            boolean column = (t.type == Type.WORD && precedence(t) < 0 && !isClauseWord(t)) || t.type == Type.IDENT
                    || t.is(Type.CLOSE, "]");
            boolean called = i + 1 < in.size() && in.get(i + 1).is(Type.OPEN, "(");
            if (column && !called && i + 2 < in.size() && in.get(i + 1).type == Type.CAST) {
                Token target = in.get(i + 2);
                int end = endOfTypeName(in, i + 2);
                int arrayMarks = t.is(Type.CLOSE, "]") ? 2 : 0; // ARRAY[...]::text[]
                boolean textual = (end == i + 3 + arrayMarks && target.is(Type.WORD, "text"))
                        || (end == i + 4 + arrayMarks && target.is(Type.WORD, "character") && in.get(i + 3).is(Type.WORD, "varying"));
                if (textual) {
                    out.add(t);
                    i = end - 1;
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    private static List<Token> inListsAsArrays(List<Token> in) {
        int[] match = matchingParentheses(in);
        List<Token> out = new ArrayList<>(in.size() + 8);
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (t.is(Type.WORD, "in") && i + 1 < in.size() && in.get(i + 1).is(Type.OPEN, "(") && match[i + 1] > i + 2
                    && in.subList(i + 2, match[i + 1]).stream().noneMatch(x -> x.is(Type.WORD, "select"))) {
                boolean negated = !out.isEmpty() && out.get(out.size() - 1).is(Type.WORD, "not");
                if (negated) {
                    out.remove(out.size() - 1);
                }
                out.add(new Token(Type.OPERATOR, negated ? "<>" : "="));
                out.add(new Token(Type.WORD, negated ? "all" : "any"));
                out.add(new Token(Type.OPEN, "("));
                out.add(new Token(Type.WORD, "array"));
                out.add(new Token(Type.OPEN, "["));
                out.addAll(in.subList(i + 2, match[i + 1]));
                out.add(new Token(Type.CLOSE, "]"));
                out.add(new Token(Type.CLOSE, ")"));
                i = match[i + 1];
            } else {
                out.add(t);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- parentheses

    /** Binding strength of infix operators, after PostgreSQL's operator precedence table (higher binds tighter). */
    private static int precedence(Token t) {
        if (t.type == Type.WORD) {
            return switch (t.text) {
                case "or" -> 1;
                case "and" -> 2;
                case "not" -> 3;
                case "is", "isnull", "notnull" -> 4;
                case "between", "in", "like", "ilike", "similar" -> 6;
                default -> -1;
            };
        }
        if (t.type == Type.OPERATOR) {
            return switch (t.text) {
                case "<", ">", "=", "<=", ">=", "<>" -> 5;
                case "+", "-" -> 8;
                case "*", "/", "%" -> 9;
                case "^" -> 10;
                default -> 7; // any other operator: &&, ||, @>, ...
            };
        }
        if (t.type == Type.CAST) {
            return 11;
        }
        return -1;
    }

    /** Keywords that delimit whole expressions, so parentheses next to them group nothing. */
    private static final Set<String> CLAUSE_WORDS = Set.of("case", "when", "then", "else", "end");

    private static boolean isClauseWord(Token t) {
        return t.type == Type.WORD && CLAUSE_WORDS.contains(t.text);
    }

    private static boolean associative(Token t) {
        return t.type == Type.WORD && (t.text.equals("and") || t.text.equals("or"));
    }

    private static List<Token> stripRedundantParentheses(List<Token> tokens) {
        List<Token> current = tokens;
        boolean changed = true;
        while (changed) {
            changed = false;
            int[] match = matchingParentheses(current);
            for (int open = 0; open < current.size(); open++) {
                if (!current.get(open).is(Type.OPEN, "(") || match[open] < 0) {
                    continue;
                }
                int close = match[open];
                if (isRedundant(current, open, close, match)) {
                    List<Token> next = new ArrayList<>(current.size() - 2);
                    next.addAll(current.subList(0, open));
                    next.addAll(current.subList(open + 1, close));
                    next.addAll(current.subList(close + 1, current.size()));
                    current = next;
                    changed = true;
                    break;
                }
            }
        }
        return current;
    }

    private static int[] matchingParentheses(List<Token> tokens) {
        int[] match = new int[tokens.size()];
        java.util.Arrays.fill(match, -1);
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type == Type.OPEN) {
                stack.push(i);
            } else if (t.type == Type.CLOSE && !stack.isEmpty()) {
                int open = stack.pop();
                match[open] = i;
                match[i] = open;
            }
        }
        return match;
    }

    private static boolean isRedundant(List<Token> tokens, int open, int close, int[] match) {
        if (close == open + 1) {
            return false; // "()" of a call
        }
        if (open > 0) {
            Token before = tokens.get(open - 1);
            // f(x), ARRAY[...], IN (...), x::numeric(10,2): the parentheses belong to the syntax.
            if (before.type == Type.WORD && precedence(before) < 0 && !CLAUSE_WORDS.contains(before.text) || before.type == Type.IDENT
                    || before.type == Type.CLOSE || before.is(Type.WORD, "in")) {
                return false;
            }
        }
        // Inner top-level structure: a comma (row constructor) or a sub-select keeps the parentheses.
        int innerMin = Integer.MAX_VALUE;
        for (int i = open + 1; i < close; i++) {
            Token t = tokens.get(i);
            if (t.type == Type.OPEN && match[i] > 0) {
                i = match[i];
                continue;
            }
            if (t.type == Type.COMMA || t.is(Type.WORD, "select")) {
                return false;
            }
            int p = precedence(t);
            if (p >= 0 && !(t.type == Type.OPERATOR && isPrefixPosition(tokens, i, open))) {
                innerMin = Math.min(innerMin, p);
            }
        }
        Token left = open > 0 ? tokens.get(open - 1) : null;
        Token right = close + 1 < tokens.size() ? tokens.get(close + 1) : null;
        if (right != null && (right.type == Type.DOT || right.is(Type.OPEN, "["))) {
            return false; // (composite).field and (array)[i] need them
        }
        if (innerMin == Integer.MAX_VALUE) {
            return true; // a single operand: (x), (f(y)), ('a')
        }
        int leftP = left == null ? -1 : precedence(left);
        int rightP = right == null ? -1 : precedence(right);
        if (left != null && left.type != Type.OPEN && left.type != Type.COMMA && leftP < 0 && !isClauseWord(left)) {
            return false;
        }
        if (right != null && right.type != Type.CLOSE && right.type != Type.COMMA && rightP < 0 && !isClauseWord(right)) {
            return false;
        }
        boolean leftOk = leftP < 0 || innerMin > leftP || (innerMin == leftP && associative(left));
        boolean rightOk = rightP < 0 || innerMin > rightP || (innerMin == rightP && (associative(right) || rightP >= 7));
        return leftOk && rightOk;
    }

    /** A {@code -} or {@code +} with no operand before it inside the group is a sign, not an infix operator. */
    private static boolean isPrefixPosition(List<Token> tokens, int i, int open) {
        if (i == open + 1) {
            return true;
        }
        Token before = tokens.get(i - 1);
        return before.type == Type.OPERATOR || before.type == Type.OPEN || before.type == Type.COMMA || precedence(before) >= 0 && before.type == Type.WORD;
    }

    /** Null-safe: {@code Objects.equals} for expressions that may be absent, {@link #equivalent} otherwise. */
    static boolean sameOrEquivalent(String a, String b) {
        return Objects.equals(a, b) || equivalent(a, b);
    }
}
