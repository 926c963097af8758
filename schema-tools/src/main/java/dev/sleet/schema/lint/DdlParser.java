package dev.sleet.schema.lint;

import dev.sleet.schema.lint.DdlStatement.Action;
import dev.sleet.schema.lint.DdlStatement.ConstraintKind;
import dev.sleet.schema.lint.SqlTokens.Kind;
import dev.sleet.schema.lint.SqlTokens.Token;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises the DDL shapes the lint rules need from a statement's tokens. It is not a SQL parser:
 * anything it does not recognise becomes {@link DdlStatement.Other} (or an
 * {@link DdlStatement.OtherAction} inside ALTER TABLE), so an unusual statement is never misread as
 * a dangerous one; it is simply not judged.
 */
final class DdlParser {
    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of(
            "constraint", "not", "null", "default", "check", "references", "unique", "primary", "generated", "collate");

    private final String sql;
    private final List<Token> tokens;
    private int pos;

    private DdlParser(String sql) {
        this.sql = sql;
        this.tokens = SqlTokens.of(sql);
    }

    static DdlStatement parse(String sql) {
        // CREATE TABLE is told by its head alone, and its column list is most of a generated draft's text:
        // the head is read from the text before the first '(' when that '(' is a token of its own (one inside
        // a quoted name, string or block comment leaves that token open; one inside a line comment leaves the
        // comment last). Then the head's tokens begin the whole statement's, the '(' comes next, and the
        // CREATE TABLE reading never asks about it, so the result is the one the whole statement gives;
        // anything else is read whole.
        int paren = sql.regionMatches(true, 0, "create", 0, 6) ? sql.indexOf('(') : -1;
        if (paren > 0) {
            String head = sql.substring(0, paren);
            List<SqlLexer.Token> headTokens = SqlLexer.tokenize(head);
            if (headTokens.stream().allMatch(SqlLexer.Token::terminated)
                    && headTokens.get(headTokens.size() - 1).kind() != SqlLexer.Kind.LINE_COMMENT
                    && whole(head) instanceof DdlStatement.CreateTable createTable) {
                return createTable;
            }
        }
        return whole(sql);
    }

    /** The statement read from all its tokens. */
    static DdlStatement whole(String sql) {
        try {
            return new DdlParser(sql).statement();
        } catch (RuntimeException e) {
            // A shape the parser did not expect (a truncated clause): not judged rather than misjudged.
            return new DdlStatement.Other();
        }
    }

    private DdlStatement statement() {
        if (accept("create")) {
            accept("or", "replace");
            boolean unique = accept("unique");
            if (accept("index")) {
                return createIndex(unique);
            }
            accept("global");
            accept("local");
            accept("temporary");
            accept("temp");
            accept("unlogged");
            if (accept("table")) {
                accept("if", "not", "exists");
                return new DdlStatement.CreateTable(qualifiedName());
            }
            return new DdlStatement.Other();
        }
        if (accept("drop")) {
            if (accept("index")) {
                boolean concurrently = accept("concurrently");
                accept("if", "exists");
                return new DdlStatement.DropIndex(nameList(), concurrently);
            }
            if (accept("table")) {
                accept("if", "exists");
                return new DdlStatement.DropTable(nameList());
            }
            if (accept("schema")) {
                accept("if", "exists");
                return new DdlStatement.DropSchema(nameList().stream().map(QualifiedName::name).toList());
            }
            if (accept("type")) {
                accept("if", "exists");
                return new DdlStatement.DropType(nameList());
            }
            return new DdlStatement.Other();
        }
        if (accept("alter", "table")) {
            accept("if", "exists");
            accept("only");
            QualifiedName table = qualifiedName();
            if (peekSymbol('*')) {
                pos++;
            }
            return new DdlStatement.AlterTable(table, actions());
        }
        if (accept("set")) {
            accept("local");
            accept("session");
            if (accept("lock_timeout")) {
                if (!accept("to") && peekSymbol('=')) {
                    pos++;
                }
                return new DdlStatement.SetLockTimeout(disablesTimeout());
            }
            return new DdlStatement.Other();
        }
        if (accept("begin") || accept("start", "transaction")) {
            return new DdlStatement.TransactionControl(true);
        }
        if (accept("commit") || accept("end") || accept("rollback")) {
            return new DdlStatement.TransactionControl(false);
        }
        return new DdlStatement.Other();
    }

    /** {@code SET lock_timeout = 0} (or {@code '0'}, {@code DEFAULT} when the server default is 0) waits forever. */
    private boolean disablesTimeout() {
        if (pos >= tokens.size()) {
            return true;
        }
        Token t = tokens.get(pos);
        String value = t.kind() == Kind.STRING ? t.text().replace("'", "").strip() : t.value();
        return value.equals("0") || value.equals("0ms") || value.equals("0s") || value.equals("default");
    }

    private DdlStatement createIndex(boolean unique) {
        boolean concurrently = accept("concurrently");
        accept("if", "not", "exists");
        QualifiedName index = null;
        if (!peekWord("on")) {
            index = qualifiedName();
        }
        expect("on");
        accept("only");
        QualifiedName table = qualifiedName();
        if (index != null) {
            index = new QualifiedName(table.schema(), index.name());
        }
        return new DdlStatement.CreateIndex(index, table, unique, concurrently);
    }

    private List<Action> actions() {
        List<Action> actions = new ArrayList<>();
        int start = pos;
        for (int i = pos; i <= tokens.size(); i++) {
            boolean end = i == tokens.size() || (tokens.get(i).isSymbol(',') && tokens.get(i).depth() == 0);
            if (end) {
                if (i > start) {
                    actions.add(action(start, i));
                }
                start = i + 1;
            }
        }
        return actions;
    }

    private Action action(int from, int to) {
        Clause c = new Clause(from, to);
        if (c.accept("add")) {
            if (c.peekAny("constraint", "check", "foreign", "unique", "primary", "exclude")) {
                return addConstraint(c);
            }
            c.accept("column");
            c.accept("if", "not", "exists");
            return addColumn(c);
        }
        if (c.accept("drop")) {
            if (c.peekAny("constraint")) {
                return new DdlStatement.OtherAction(c.words());
            }
            c.accept("column");
            c.accept("if", "exists");
            return new DdlStatement.DropColumn(c.name());
        }
        if (c.accept("alter")) {
            c.accept("column");
            String column = c.name();
            if (c.accept("set", "data", "type") || c.accept("type")) {
                int typeStart = c.pos;
                int typeEnd = c.until("using", "collate");
                return new DdlStatement.AlterType(column, c.text(typeStart, typeEnd));
            }
            if (c.accept("set", "not", "null")) {
                return new DdlStatement.SetNotNull(column);
            }
            return new DdlStatement.OtherAction(c.words());
        }
        if (c.accept("rename")) {
            if (c.accept("to")) {
                return new DdlStatement.RenameTable(c.name());
            }
            if (c.peekAny("constraint")) {
                return new DdlStatement.OtherAction(c.words());
            }
            c.accept("column");
            String fromName = c.name();
            c.expect("to");
            return new DdlStatement.RenameColumn(fromName, c.name());
        }
        if (c.accept("set", "schema")) {
            return new DdlStatement.RenameTable(c.name());
        }
        if (c.accept("validate", "constraint")) {
            return new DdlStatement.ValidateConstraint(c.name());
        }
        return new DdlStatement.OtherAction(c.words());
    }

    private Action addConstraint(Clause c) {
        String name = null;
        if (c.accept("constraint")) {
            name = c.name();
        }
        ConstraintKind kind;
        String expression = null;
        if (c.accept("check")) {
            kind = ConstraintKind.CHECK;
            expression = c.parenthesized();
        } else if (c.accept("foreign", "key")) {
            kind = ConstraintKind.FOREIGN_KEY;
        } else if (c.accept("unique")) {
            kind = ConstraintKind.UNIQUE;
        } else if (c.accept("primary", "key")) {
            kind = ConstraintKind.PRIMARY_KEY;
        } else if (c.accept("exclude")) {
            kind = ConstraintKind.EXCLUDE;
        } else {
            kind = ConstraintKind.OTHER;
        }
        QualifiedName references = kind == ConstraintKind.FOREIGN_KEY ? c.referencedTable() : null;
        boolean notValid = c.containsAtTop("not", "valid");
        boolean usingIndex = (kind == ConstraintKind.UNIQUE || kind == ConstraintKind.PRIMARY_KEY) && c.containsAtTop("using", "index");
        return new DdlStatement.AddConstraint(name, kind, notValid, usingIndex, expression, references);
    }

    private Action addColumn(Clause c) {
        String column = c.name();
        int typeStart = c.pos;
        int typeEnd = c.until(COLUMN_CONSTRAINT_WORDS.toArray(String[]::new));
        String type = c.text(typeStart, typeEnd);
        String lowerType = type.toLowerCase(java.util.Locale.ROOT).strip();
        boolean generates = lowerType.equals("serial") || lowerType.equals("bigserial") || lowerType.equals("smallserial")
                || lowerType.equals("serial4") || lowerType.equals("serial8") || lowerType.equals("serial2");
        boolean notNull = generates;
        String defaultExpression = null;
        ConstraintKind inline = null;
        while (c.pos < c.to) {
            if (c.accept("not", "null")) {
                notNull = true;
            } else if (c.accept("default")) {
                int start = c.pos;
                int end = c.until(COLUMN_CONSTRAINT_WORDS.toArray(String[]::new));
                defaultExpression = c.text(start, end);
            } else if (c.accept("generated")) {
                generates = true;
                c.pos++;
            } else if (c.accept("primary", "key")) {
                notNull = true;
                inline = ConstraintKind.PRIMARY_KEY;
            } else if (c.accept("unique")) {
                inline = ConstraintKind.UNIQUE;
            } else if (c.accept("references")) {
                inline = inline == null ? ConstraintKind.FOREIGN_KEY : inline;
            } else if (c.accept("check")) {
                inline = inline == null ? ConstraintKind.CHECK : inline;
            } else {
                c.pos++;
            }
        }
        return new DdlStatement.AddColumn(column, type, notNull, defaultExpression, generates, inline);
    }

    // ---- cursor over the whole statement

    private boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (pos + i >= tokens.size() || !tokens.get(pos + i).isWord(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw new IllegalStateException("expected " + word);
        }
    }

    private boolean peekWord(String word) {
        return pos < tokens.size() && tokens.get(pos).isWord(word);
    }

    private boolean peekSymbol(char c) {
        return pos < tokens.size() && tokens.get(pos).isSymbol(c);
    }

    private String identifier() {
        Token t = tokens.get(pos++);
        if (!t.isName()) {
            throw new IllegalStateException("expected a name");
        }
        return t.value();
    }

    private QualifiedName qualifiedName() {
        String first = identifier();
        if (peekSymbol('.')) {
            pos++;
            return new QualifiedName(first, identifier());
        }
        return QualifiedName.of(null, first);
    }

    private List<QualifiedName> nameList() {
        List<QualifiedName> names = new ArrayList<>();
        names.add(qualifiedName());
        while (peekSymbol(',')) {
            pos++;
            names.add(qualifiedName());
        }
        return names;
    }

    /** A cursor over the tokens of one ALTER TABLE action. */
    private final class Clause {
        private final int to;
        private int pos;

        Clause(int from, int to) {
            this.pos = from;
            this.to = to;
        }

        boolean accept(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (pos + i >= to || !tokens.get(pos + i).isWord(words[i])) {
                    return false;
                }
            }
            pos += words.length;
            return true;
        }

        void expect(String word) {
            if (!accept(word)) {
                throw new IllegalStateException("expected " + word);
            }
        }

        boolean peekAny(String... words) {
            if (pos >= to) {
                return false;
            }
            for (String w : words) {
                if (tokens.get(pos).isWord(w)) {
                    return true;
                }
            }
            return false;
        }

        String name() {
            if (pos >= to || !tokens.get(pos).isName()) {
                throw new IllegalStateException("expected a name");
            }
            return tokens.get(pos++).value();
        }

        /** Advances to the first token at the clause's top level that is one of {@code words}; returns its index. */
        int until(String... words) {
            int base = pos < to ? tokens.get(pos).depth() : 0;
            while (pos < to) {
                Token t = tokens.get(pos);
                if (t.depth() == base && t.kind() == Kind.WORD) {
                    for (String w : words) {
                        if (t.value().equals(w)) {
                            return pos;
                        }
                    }
                }
                pos++;
            }
            return pos;
        }

        /** The text inside the parentheses that open at the cursor. */
        String parenthesized() {
            if (pos >= to || !tokens.get(pos).isSymbol('(')) {
                return null;
            }
            int depth = tokens.get(pos).depth();
            int open = pos;
            pos++;
            while (pos < to && !(tokens.get(pos).isSymbol(')') && tokens.get(pos).depth() == depth)) {
                pos++;
            }
            String inner = pos > open + 1 ? sql.substring(tokens.get(open).end(), tokens.get(pos).start()) : "";
            pos++;
            return inner.strip();
        }

        /** The table after the clause's top-level REFERENCES, or null. */
        QualifiedName referencedTable() {
            for (int i = pos; i < to; i++) {
                if (tokens.get(i).depth() == 0 && tokens.get(i).isWord("references") && i + 1 < to && tokens.get(i + 1).isName()) {
                    String first = tokens.get(i + 1).value();
                    if (i + 3 < to && tokens.get(i + 2).isSymbol('.') && tokens.get(i + 3).isName()) {
                        return new QualifiedName(first, tokens.get(i + 3).value());
                    }
                    return QualifiedName.of(null, first);
                }
            }
            return null;
        }

        boolean containsAtTop(String first, String second) {
            for (int i = pos; i + 1 < to; i++) {
                if (tokens.get(i).depth() == 0 && tokens.get(i).isWord(first) && tokens.get(i + 1).isWord(second)) {
                    return true;
                }
            }
            return false;
        }

        String text(int fromToken, int toToken) {
            if (toToken <= fromToken) {
                return "";
            }
            return sql.substring(tokens.get(fromToken).start(), tokens.get(toToken - 1).end()).strip();
        }

        String words() {
            return text(pos, to);
        }
    }
}
