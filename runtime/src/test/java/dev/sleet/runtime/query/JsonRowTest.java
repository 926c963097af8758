package dev.sleet.runtime.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON plan's row as a result set: its getters by index read the JSON forms; everything else is refused by name. */
class JsonRowTest {
    private final ResultSet row = JsonRow.of(Arrays.asList("42", null, true, "2.50", "\\x0aff",
            "2026-11-22T02:15:00+00:00", "0b8e4a3c-0d7e-4b8e-9a59-1c7d6a0c2f11", "12"));

    @Test
    void gettersByIndexReadTheJsonFormsAndTrackNulls() throws Exception {
        assertThat(row.getInt(1)).isEqualTo(42);
        assertThat(row.wasNull()).isFalse();
        assertThat(row.getLong(2)).isZero();
        assertThat(row.wasNull()).isTrue();
        assertThat(row.getString(2)).isNull();
        assertThat(row.getBoolean(3)).isTrue();
        assertThat(row.getString(3)).isEqualTo("t");
        assertThat(row.getBigDecimal(4)).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(row.getDouble(4)).isEqualTo(2.5);
        assertThat(row.getFloat(4)).isEqualTo(2.5f);
        assertThat(row.getShort(8)).isEqualTo((short) 12);
        assertThat(row.getBytes(5)).containsExactly(0x0a, 0xff);
        assertThat(row.getObject(6, OffsetDateTime.class)).isEqualTo(OffsetDateTime.parse("2026-11-22T02:15:00Z"));
        assertThat(row.getObject(7, UUID.class)).isEqualTo(UUID.fromString("0b8e4a3c-0d7e-4b8e-9a59-1c7d6a0c2f11"));
        assertThat(row.getObject(2, UUID.class)).isNull();
        assertThat(row.next()).isFalse();
        assertThat(row.isClosed()).isFalse();
        row.close();
    }

    @Test
    void everythingElseIsRefusedNamingTheMethodAndTheWayOut() {
        assertThatThrownBy(() -> row.getString("label")).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessage("a row read from the JSON fetch plan does not support ResultSet.getString; read this level with FetchPlan.BATCHED");
        assertThatThrownBy(() -> row.getDate(1)).hasMessageContaining("ResultSet.getDate;");
        assertThatThrownBy(() -> row.getObject(1)).hasMessageContaining("ResultSet.getObject;");
        assertThatThrownBy(() -> row.getObject(1, java.time.Duration.class)).hasMessageContaining("ResultSet.getObject(Duration);");
        assertThatThrownBy(() -> row.absolute(1)).hasMessageContaining("ResultSet.absolute;");
        assertThatThrownBy(() -> row.updateInt(1, 2)).hasMessageContaining("ResultSet.updateInt;");
        assertThatThrownBy(row::getMetaData).hasMessageContaining("ResultSet.getMetaData;");
    }
}
