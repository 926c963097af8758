package dev.sleet.runtime.query;

/** A text column: adds pattern matching, which only text columns have. */
public final class TextColumn<R> extends Column<R, String> {
    public TextColumn(String name) {
        super(name, Codecs.STRING);
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, {@code \} escapes. */
    public Condition<R> like(String pattern) {
        return new Condition.Comparison<>(this, "LIKE", pattern);
    }

    /** Case-insensitive LIKE. */
    public Condition<R> ilike(String pattern) {
        return new Condition.Comparison<>(this, "ILIKE", pattern);
    }
}
