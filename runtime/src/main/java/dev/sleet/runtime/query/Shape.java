package dev.sleet.runtime.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What becomes of each loaded row of type {@code T}: the row itself, or the caller's result type
 * {@code X} built from the row and the values of its nested includes. The subclasses are typed per
 * number of includes, so the caller's constructor reference is checked by javac and nothing is cast.
 */
abstract sealed class Shape<T, X> {
    /** Loads the nested includes for all {@code rows} at once and builds one result per row, in order. */
    abstract List<X> apply(Connection c, List<T> rows, FetchPlan inherited) throws SQLException;

    /** The nested includes, in the order the result's constructor takes them. */
    abstract List<Include<T, ?>> includes();

    static <T> Shape<T, T> rows() {
        return new Rows<>();
    }

    static final class Rows<T> extends Shape<T, T> {
        List<T> apply(Connection c, List<T> rows, FetchPlan inherited) {
            return rows;
        }

        List<Include<T, ?>> includes() {
            return List.of();
        }
    }

    static final class One<T, A, X> extends Shape<T, X> {
        final Include<T, A> a;
        final BiFunction<? super T, ? super A, ? extends X> into;

        One(Include<T, A> a, BiFunction<? super T, ? super A, ? extends X> into) {
            this.a = a;
            this.into = into;
        }

        List<X> apply(Connection c, List<T> rows, FetchPlan inherited) throws SQLException {
            List<A> as = a.load(c, rows, inherited);
            List<X> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                out.add(into.apply(rows.get(i), as.get(i)));
            }
            return out;
        }

        List<Include<T, ?>> includes() {
            return List.of(a);
        }
    }

    static final class Two<T, A, B, X> extends Shape<T, X> {
        final Include<T, A> a;
        final Include<T, B> b;
        final Into.Three<? super T, ? super A, ? super B, ? extends X> into;

        Two(Include<T, A> a, Include<T, B> b, Into.Three<? super T, ? super A, ? super B, ? extends X> into) {
            this.a = a;
            this.b = b;
            this.into = into;
        }

        List<X> apply(Connection c, List<T> rows, FetchPlan inherited) throws SQLException {
            List<A> as = a.load(c, rows, inherited);
            List<B> bs = b.load(c, rows, inherited);
            List<X> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                out.add(into.apply(rows.get(i), as.get(i), bs.get(i)));
            }
            return out;
        }

        List<Include<T, ?>> includes() {
            return List.of(a, b);
        }
    }

    static final class Three<T, A, B, C, X> extends Shape<T, X> {
        final Include<T, A> a;
        final Include<T, B> b;
        final Include<T, C> cc;
        final Into.Four<? super T, ? super A, ? super B, ? super C, ? extends X> into;

        Three(Include<T, A> a, Include<T, B> b, Include<T, C> cc,
              Into.Four<? super T, ? super A, ? super B, ? super C, ? extends X> into) {
            this.a = a;
            this.b = b;
            this.cc = cc;
            this.into = into;
        }

        List<X> apply(Connection c, List<T> rows, FetchPlan inherited) throws SQLException {
            List<A> as = a.load(c, rows, inherited);
            List<B> bs = b.load(c, rows, inherited);
            List<C> cs = cc.load(c, rows, inherited);
            List<X> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                out.add(into.apply(rows.get(i), as.get(i), bs.get(i), cs.get(i)));
            }
            return out;
        }

        List<Include<T, ?>> includes() {
            return List.of(a, b, cc);
        }
    }
}
