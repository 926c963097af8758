package dev.sleet.schema.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlExpressionsTest {

    /** Left: as a user writes it; right: as PostgreSQL's pg_get_expr / pg_get_indexdef prints it back. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            'draft'                                    | 'draft'::text
            'draft'                                    | 'draft'::character varying
            'inquiry'                                  | 'inquiry'::event_status
            'inquiry'                                  | 'inquiry'::public.event_status
            'inquiry'                                  | 'inquiry'::"Event Status"
            now()                                      | CURRENT_TIMESTAMP
            CURRENT_TIMESTAMP                          | now()
            now()                                      | now()
            end_time > start_time                      | (end_time > start_time)
            end_time > start_time                      | ((end_time > start_time))
            tstzrange(start_time, end_time, '[)')      | tstzrange(start_time, end_time, '[)'::text)
            guests >= 0 AND guests < 10000             | ((guests >= 0) AND (guests < 10000))
            a > 0 OR b > 0 AND c > 0                   | ((a > 0) OR ((b > 0) AND (c > 0)))
            -1                                         | '-1'::integer
            1.5                                        | '1.5'::numeric
            status <> 'completed'                      | (status <> 'completed'::event_status)
            status != 'completed'                      | status <> 'completed'
            name LIKE 'a%'                             | (name ~~ 'a%'::text)
            "status" = 'x'                             | status = 'x'::text
            lower(email)                               | lower((email)::text)
            '{}'                                       | '{}'::text[]
            '2020-01-01'                               | '2020-01-01'::timestamp with time zone
            NOT (a AND b)                              | (NOT (a AND b))
            x = 1 AND NOT y                            | ((x = 1) AND (NOT y))
            CASE WHEN a > b THEN 1 ELSE 2 END          | CASE WHEN (a > b) THEN 1 ELSE 2 END
            nextval('events_id_seq')                   | nextval('events_id_seq'::regclass)
            status IN ('a', 'b')                       | (status = ANY (ARRAY['a'::text, 'b'::text]))
            status IN ('a', 'b')                       | ((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))
            status NOT IN ('a', 'b')                   | (status <> ALL (ARRAY['a'::text, 'b'::text]))
            n IN (1, 2) AND m > 0                      | ((n = ANY (ARRAY[1, 2])) AND (m > 0))
            ts > '2000-01-01'                          | (ts > '2000-01-01 00:00:00+00'::timestamp with time zone)
            ts > '2000-01-01 02:00+02'                 | (ts > '2000-01-01 00:00:00+00'::timestamp with time zone)
            ts >= '2000-01-01 08:30'                   | (ts >= '2000-01-01 08:30:00'::timestamp without time zone)
            d <> '1999-12-31'                          | (d <> '1999-12-31'::date)
            'yes'::boolean                             | true
            't'::boolean                               | true
            'off'::boolean                             | false
            ARRAY[]::public."mood 1"[]                 | ARRAY[]::"mood 1"[]
            x -- a comment                             | x
            """)
    void pgSpellingIsEquivalentToTheWrittenOne(String written, String printed) {
        assertThat(SqlExpressions.equivalent(written, printed)).as("%s ~ %s", written, printed).isTrue();
        assertThat(SqlExpressions.equivalent(printed, written)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            (a + b) * c                  | a + b * c
            a - (b - c)                  | a - b - c
            'Draft'                      | 'draft'
            "Status" = 1                 | status = 1
            end_time > start_time        | end_time >= start_time
            now()                        | now() + interval '1 day'
            (a OR b) AND c               | a OR b AND c
            NOT (a AND b)                | NOT a AND b
            x = (a AND b)                | x = a AND b
            tstzrange(a, b, '[)')        | tstzrange(a, b, '[]')
            'a b'                        | 'a  b'
            status IN ('a', 'b')         | status IN ('a', 'c')
            status IN ('a', 'b')         | status NOT IN ('a', 'b')
            ts > '2000-01-01'            | ts > '2000-01-02'
            ts > '2000-01-01 00:00+01'   | ts > '2000-01-01'
            'yes'::boolean               | false
            """)
    void differentMeaningsStayDifferent(String a, String b) {
        assertThat(SqlExpressions.equivalent(a, b)).as("%s vs %s", a, b).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsOnlyEquivalentToNull() {
        assertThat(SqlExpressions.equivalent(null, null)).isTrue();
        assertThat(SqlExpressions.equivalent(null, "now()")).isFalse();
        assertThat(SqlExpressions.equivalent("now()", null)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void normalFormKeepsLiteralsAndQuotedIdentifiersIntact() {
        assertThat(SqlExpressions.normalize("  LOWER( \"Full Name\" ) =  'It''s'  ")).isEqualTo("lower ( \"Full Name\" ) = 'It''s'");
    }
}
