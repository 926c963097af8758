package dev.sleet.runtime.query;

/**
 * Constructors of nested-fetch results with more arguments than {@link java.util.function.BiFunction}
 * takes: the row, then the value of each {@code with(…)} in order. Usually a record's constructor
 * reference, e.g. {@code EventPage::new} for {@code record EventPage(Event event, List<TaskView> tasks,
 * List<Communication> messages)}.
 */
public final class Into {
    private Into() {
    }

    @FunctionalInterface
    public interface Three<T, A, B, X> {
        X apply(T row, A a, B b);
    }

    @FunctionalInterface
    public interface Four<T, A, B, C, X> {
        X apply(T row, A a, B b, C c);
    }
}
