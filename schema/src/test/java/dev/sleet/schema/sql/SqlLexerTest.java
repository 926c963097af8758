package dev.sleet.schema.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.sql.SqlLexer.Kind;
import dev.sleet.schema.sql.SqlLexer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> kinds(String sql) {
        return SqlLexer.significant(sql).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void quotesCommentsAndDollarBodiesAreSingleTokens() {
        assertThat(kinds("select 'it''s; -- no', E'a\\'b', \"Say \"\"hi\"\"\" from t -- done; really\n/* a /* b; */ c */;"))
                .containsExactly("WORD:select", "STRING:'it''s; -- no'", "PUNCTUATION:,", "STRING:E'a\\'b'", "PUNCTUATION:,",
                        "QUOTED_IDENTIFIER:\"Say \"\"hi\"\"\"", "WORD:from", "WORD:t", "PUNCTUATION:;");
        assertThat(kinds("as $fn$ begin; 'x' end $fn$ , $$;$$, $1, a$b"))
                .containsExactly("WORD:as", "DOLLAR_QUOTED:$fn$ begin; 'x' end $fn$", "PUNCTUATION:,", "DOLLAR_QUOTED:$$;$$",
                        "PUNCTUATION:,", "PARAMETER:$1", "PUNCTUATION:,", "WORD:a$b");
    }

    @Test
    void operatorsNumbersAndCasts() {
        assertThat(kinds("x::numeric(10,2) >= -1.5e3 AND y<>2")).containsExactly("WORD:x", "OPERATOR:::", "WORD:numeric",
                "PUNCTUATION:(", "NUMBER:10", "PUNCTUATION:,", "NUMBER:2", "PUNCTUATION:)", "OPERATOR:>=", "OPERATOR:-",
                "NUMBER:1.5e3", "WORD:AND", "WORD:y", "OPERATOR:<>", "NUMBER:2");
        // "--" inside an operator run starts a comment, as in PostgreSQL's scanner.
        assertThat(kinds("a +-- note\n b")).containsExactly("WORD:a", "OPERATOR:+", "WORD:b");
    }

    @Test
    void aWordEndingInEIsNoEscapePrefix() {
        assertThat(kinds("some'\\'")).containsExactly("WORD:some", "STRING:'\\'");
    }

    @Test
    void unterminatedConstructsRunToTheEndAndSaySo() {
        for (String cut : List.of("select 'abc", "select \"abc", "as $x$ body", "/* open /* nested */")) {
            List<Token> tokens = SqlLexer.tokenize(cut);
            Token last = tokens.get(tokens.size() - 1);
            assertThat(last.terminated()).as(cut).isFalse();
            assertThat(last.end()).isEqualTo(cut.length());
        }
        assertThat(SqlLexer.tokenize("select 'ok' -- open line comment").stream().allMatch(Token::terminated)).isTrue();
    }

    @Test
    void identifierOfAQuotedToken() {
        Token t = SqlLexer.significant("\"say \"\"hi\"\"\"").get(0);
        assertThat(t.kind()).isEqualTo(Kind.QUOTED_IDENTIFIER);
        assertThat(SqlLexer.identifier(t)).isEqualTo("say \"hi\"");
    }
}
