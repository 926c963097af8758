package dev.sleet.runtime.verify;

/**
 * Options of {@link SchemaPusher#push}.
 *
 * @param explain        plan only; change nothing
 * @param acceptDataLoss run destructive statements (drops, narrowing, NOT NULL on existing columns) too
 */
public record PushOptions(boolean explain, boolean acceptDataLoss) {
    public static PushOptions apply() {
        return new PushOptions(false, false);
    }

    public static PushOptions explainOnly() {
        return new PushOptions(true, false);
    }

    public PushOptions withDataLoss() {
        return new PushOptions(explain, true);
    }
}
