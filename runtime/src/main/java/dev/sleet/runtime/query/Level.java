package dev.sleet.runtime.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One level of a nested fetch, without its nested levels: the join and the per-level options. Orders
 * always end with the target's primary key, so rows that tie on the requested order come back in one
 * deterministic order (and a per-parent limit cuts ties the same way on every run and every plan).
 */
record Level<S, T>(Link<S, T, ?> link, List<Condition<T>> where, List<Order<T>> orderBy, long limit,
                   boolean includeArchived, FetchPlan plan) {
    Level {
        where = List.copyOf(where);
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(plan, "plan");
    }

    static <S, T> Level<S, T> of(Link<S, T, ?> link) {
        return new Level<>(link, List.of(), List.of(), -1, false, FetchPlan.AUTO);
    }

    Level<S, T> withWhere(Condition<T> condition) {
        List<Condition<T>> all = new ArrayList<>(where);
        all.add(Objects.requireNonNull(condition, "condition"));
        return new Level<>(link, all, orderBy, limit, includeArchived, plan);
    }

    Level<S, T> withOrderBy(List<Order<T>> keys) {
        List<Order<T>> all = new ArrayList<>(orderBy);
        all.addAll(keys);
        return new Level<>(link, where, all, limit, includeArchived, plan);
    }

    Level<S, T> withLimit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + rows);
        }
        return new Level<>(link, where, orderBy, rows, includeArchived, plan);
    }

    Level<S, T> withArchived() {
        return new Level<>(link, where, orderBy, limit, true, plan);
    }

    Level<S, T> withPlan(FetchPlan chosen) {
        return new Level<>(link, where, orderBy, limit, includeArchived, chosen);
    }

    TableModel<T> target() {
        return link.target;
    }

    /** The requested order followed by the primary key (keys already requested are not repeated). */
    List<Order<T>> fullOrder() {
        List<Order<T>> all = new ArrayList<>(orderBy);
        for (Order<T> key : link.primaryKey) {
            if (orderBy.stream().noneMatch(o -> o.columnSql().equals(key.columnSql()))) {
                all.add(key);
            }
        }
        return all;
    }
}
