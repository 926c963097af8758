package dev.sleet.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    @Test
    void plainKeyColumns() {
        assertThat(SqlErrors.keyColumns("Key (tenant_id, email)=(1, a@b.c) already exists."))
                .containsExactly("tenant_id", "email");
    }

    @Test
    void expressionKeysYieldTheirColumnArguments() {
        assertThat(SqlErrors.keyColumns("Key (resource_id, tstzrange(start_time, end_time, '[)'::text))="
                + "(1, [\"2026-01-01 10:30:00+00\",\"2026-01-01 12:00:00+00\")) conflicts with existing key"))
                .containsExactly("resource_id", "start_time", "end_time");
    }

    @Test
    void quotedIdentifiersAndFunctionsOnly() {
        assertThat(SqlErrors.keyColumns("Key (lower(\"Email Address\"))=(x) already exists."))
                .containsExactly("Email Address");
    }

    @Test
    void noKeyNoColumns() {
        assertThat(SqlErrors.keyColumns("Failing row contains (1, null).")).isEmpty();
    }
}
