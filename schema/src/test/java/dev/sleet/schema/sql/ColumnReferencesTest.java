package dev.sleet.schema.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SqlExpressions#columnReferences}: names read as columns, and everything that must not be. */
class ColumnReferencesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "end_time > start_time                                  | end_time,start_time",
            "lower(email)                                            | email",
            "status <> archived                                      | status,archived",
            "\"Total\" > 0 AND Total < 10                            | Total,total",
            "CAST(guests AS integer) BETWEEN 1 AND 5                 | guests",
            "ends_at::timestamp with time zone > now()               | ends_at",
            "extract(epoch from ends_at - starts_at) < 60            | ends_at,starts_at",
            "since >= date '2020-01-01' AND starts > now() - interval '1 day' | since,starts",
            "note COLLATE \"C\" <> 'x' AND s IN ('a', 'b')           | note,s",
            "tstzrange(starts_at, ends_at, '[)')                     | starts_at,ends_at",
            "x IS NOT DISTINCT FROM NULL AND NOT flag                | x,flag",
            "pg_catalog.lower(t.name) = 'o''brien'                   | ''",
            "status = 'pending'::public.booking_status               | status",
            "CURRENT_TIMESTAMP > created AND TRUE                    | created"})
    void readsOnlyColumnNames(String expression, String expected) {
        assertThat(String.join(",", SqlExpressions.columnReferences(expression))).isEqualTo(expected);
    }
}
