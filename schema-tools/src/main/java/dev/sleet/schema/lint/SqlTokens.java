package dev.sleet.schema.lint;

import dev.sleet.schema.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one SQL statement, enough to recognise DDL shapes: words (keywords and unquoted
 * identifiers), quoted identifiers, string literals, dollar-quoted bodies, numbers and single
 * punctuation characters. Comments are dropped. Each token knows its parenthesis depth, so a rule
 * can tell {@code NOT VALID} at the end of an {@code ALTER TABLE} from the same words inside a
 * {@code CHECK (…)} expression. The text is cut by the one SQL lexer, {@link SqlLexer}.
 */
final class SqlTokens {
    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /**
     * @param value for words the lower-cased text (unquoted identifiers fold to lower case), for
     *              quoted identifiers the name without quotes, otherwise the text as written
     * @param depth the number of parentheses open before this token
     */
    record Token(Kind kind, String text, String value, int depth, int start, int end) {
        boolean isWord(String word) {
            return kind == Kind.WORD && value.equals(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    private SqlTokens() {
    }

    /** The statement's tokens, cut by {@link SqlLexer}; operators become one symbol per character. */
    static List<Token> of(String sql) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        for (SqlLexer.Token t : SqlLexer.significant(sql)) {
            switch (t.kind()) {
                case STRING, DOLLAR_QUOTED -> out.add(new Token(Kind.STRING, t.text(), t.text(), depth, t.start(), t.end()));
                case QUOTED_IDENTIFIER -> out.add(new Token(Kind.QUOTED, t.text(), SqlLexer.identifier(t), depth, t.start(), t.end()));
                case WORD -> out.add(new Token(Kind.WORD, t.text(), t.text().toLowerCase(Locale.ROOT), depth, t.start(), t.end()));
                case NUMBER -> out.add(new Token(Kind.NUMBER, t.text(), t.text(), depth, t.start(), t.end()));
                default -> {
                    for (int i = 0; i < t.text().length(); i++) {
                        char c = t.text().charAt(i);
                        if (c == ')') {
                            depth = Math.max(0, depth - 1);
                        }
                        out.add(new Token(Kind.SYMBOL, String.valueOf(c), String.valueOf(c), depth, t.start() + i, t.start() + i + 1));
                        if (c == '(') {
                            depth++;
                        }
                    }
                }
            }
        }
        return out;
    }
}
