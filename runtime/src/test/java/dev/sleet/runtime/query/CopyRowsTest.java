package dev.sleet.runtime.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** COPY text encoding of every field kind, checked by reading the values back from the server. */
@ExtendWith(PostgresExtension.class)
class CopyRowsTest {
    private static final String AWKWARD = "tab\there, nl\nhere, cr\rhere, back\\slash, \\N, \\., {x}, \"q\", 💡";

    @Test
    void fieldsArriveExactly(TestDatabase db) throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String[] tags = {"a", null, "b,c", "{x}", "\"q\"", "", "NULL", "back\\slash", AWKWARD};
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (b boolean, n bigint, d double precision, txt text, raw bytea, tags text[],"
                    + " nums bigint[], ids uuid[], span interval)");
            CopyRows out = CopyRows.start(c, "COPY t (b, n, d, txt, raw, tags, nums, ids, span) FROM STDIN");
            try {
                out.value(true).value(Long.MIN_VALUE).value(Double.NEGATIVE_INFINITY).text(AWKWARD).bytes(all)
                        .text(Codecs.STRING_ARRAY.text(tags)).text(Codecs.LONG_ARRAY.text(new long[] {-1, 0, 1}))
                        .text(Codecs.UUID_ARRAY.text(new UUID[] {new UUID(0, 1)}))
                        .text(Codecs.DURATION.text(Duration.ofMillis(-1500)));
                out.endRow();
                out.value(false).value(0L).value(Double.NaN).text(null).bytes(null).text(Codecs.STRING_ARRAY.text(null))
                        .text(Codecs.LONG_ARRAY.text(new long[0])).text(null).text(null);
                out.endRow();
                assertThat(out.finish()).isEqualTo(2);
            } finally {
                out.abort();
            }
            try (ResultSet rs = s.executeQuery("SELECT b, n, d, txt, raw, tags, nums, ids, span FROM t ORDER BY n")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getLong(2)).isEqualTo(Long.MIN_VALUE);
                assertThat(rs.getDouble(3)).isEqualTo(Double.NEGATIVE_INFINITY);
                assertThat(rs.getString(4)).isEqualTo(AWKWARD);
                assertThat(rs.getBytes(5)).isEqualTo(all);
                assertThat((Object[]) rs.getArray(6).getArray()).containsExactly((Object[]) tags);
                assertThat(Codecs.LONG_ARRAY.read(rs, 7)).containsExactly(-1, 0, 1);
                assertThat(Codecs.UUID_ARRAY.read(rs, 8)).containsExactly(new UUID(0, 1));
                assertThat(Codecs.DURATION.read(rs, 9)).isEqualTo(Duration.ofMillis(-1500));
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getDouble(3)).isNaN();
                assertThat(rs.getString(4)).isNull();
                assertThat(rs.getBytes(5)).isNull();
                assertThat(rs.getArray(6)).isNull();
                assertThat(Codecs.LONG_ARRAY.read(rs, 7)).isEmpty();
                assertThat(rs.getObject(9)).isNull();
            }
        }
    }

    @Test
    void abortBeforeFinishInsertsNothingAndLeavesTheConnectionUsable(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE aborted (n bigint)");
            CopyRows out = CopyRows.start(c, "COPY aborted (n) FROM STDIN");
            out.value(1L);
            out.endRow();
            out.abort();
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM aborted")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}
