package dev.sleet.runtime.query;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to a {@code COPY … FROM STDIN} (text format) through PgJDBC's {@code CopyManager}.
 * Generated {@code insertBulk} methods write each row's fields in column order and end the row;
 * values are given in PostgreSQL's text input form (see {@link Codec#text}) and escaped here for
 * COPY. Rows are buffered and sent in blocks of about {@value #FLUSH_CHARS} characters, always at a
 * row boundary, so memory stays flat for any number of rows.
 *
 * <p>Use: {@code start}, then per row the field methods and {@link #endRow()}, then {@link #finish()};
 * call {@link #abort()} in a {@code finally} — it cancels the COPY if {@code finish} was not reached,
 * so the connection is usable again (and nothing is inserted).
 */
public final class CopyRows {
    private static final int FLUSH_CHARS = 64 * 1024;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private boolean rowStarted;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code copySql} ({@code COPY table (columns) FROM STDIN}) on {@code connection}. */
    public static CopyRows start(Connection connection, String copySql) throws SQLException {
        return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    private StringBuilder field() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
        return buffer;
    }

    /** A value already in PostgreSQL's text input form, or null for SQL NULL. */
    public CopyRows text(String value) {
        StringBuilder out = field();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return this;
    }

    public CopyRows value(boolean value) {
        field().append(value ? 't' : 'f');
        return this;
    }

    public CopyRows value(short value) {
        field().append(value);
        return this;
    }

    public CopyRows value(int value) {
        field().append(value);
        return this;
    }

    public CopyRows value(long value) {
        field().append(value);
        return this;
    }

    /** Java's shortest round-trip form; {@code NaN} and {@code ±Infinity} are PostgreSQL input too. */
    public CopyRows value(float value) {
        field().append(value);
        return this;
    }

    public CopyRows value(double value) {
        field().append(value);
        return this;
    }

    /**
     * A {@code bytea} value in hex form, or null for SQL NULL. The {@code \x} prefix is written as
     * {@code \\x} because COPY text un-escapes backslashes before bytea input sees the value.
     */
    public CopyRows bytes(byte[] value) {
        StringBuilder out = field();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        out.append("\\\\x");
        for (byte b : value) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return this;
    }

    /** Ends the current row; sends the buffer when it is full. */
    public void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** Sends what is buffered and completes the COPY; returns the number of rows the server stored. */
    public long finish() throws SQLException {
        if (rowStarted) {
            throw new IllegalStateException("COPY finished in the middle of a row; call endRow() after each row's fields");
        }
        flush();
        return copy.endCopy();
    }

    /** Cancels the COPY unless it completed; safe to call after {@link #finish()}. */
    public void abort() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
