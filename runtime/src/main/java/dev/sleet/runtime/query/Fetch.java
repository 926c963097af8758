package dev.sleet.runtime.query;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A nested fetch: the rows of a {@link Select} with their relations, each row built into the caller's
 * result type {@code X}. Started with {@code dao.select()…with(relation)…into(Result::new)}:
 *
 * <pre>{@code
 * record Run(Execution execution, List<Step> steps) {}
 * record WorkflowPage(Workflow workflow, List<Run> runs) {}
 * Optional<WorkflowPage> page = workflows.select().where(WORKFLOWS.ID.eq(id))
 *         .with(WORKFLOWS.executions().orderBy(EXECUTIONS.STARTED_AT.desc()).limit(10)
 *                 .with(EXECUTIONS.steps()).into(Run::new))
 *         .into(WorkflowPage::new)
 *         .first();
 * }</pre>
 *
 * The number of statements is fixed by the query's shape: one for the root rows plus one per batched
 * level (none for a level whose parents have no keys), never one per row. Inside
 * {@code db.transaction(…)} every statement runs in that transaction; outside one they share one
 * borrowed connection.
 */
public final class Fetch<R, X> {
    private final Select<R> select;
    private final Shape<R, X> shape;
    private final FetchPlan plan;

    private Fetch(Select<R> select, Shape<R, X> shape, FetchPlan plan) {
        this.select = select;
        this.shape = shape;
        this.plan = plan;
    }

    /** The plan for every level that does not choose its own ({@link FetchPlan#AUTO} by default). */
    public Fetch<R, X> plan(FetchPlan plan) {
        return new Fetch<>(select, shape, Objects.requireNonNull(plan, "plan"));
    }

    /** Every matching root row with its relations, in the query's order. */
    public List<X> list() {
        return run(false);
    }

    /** The first root row in the query's order, with its relations. */
    public Optional<X> first() {
        List<X> one = run(true);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    private List<X> run(boolean first) {
        TableModel<R> table = select.table();
        List<Binder> binds = new ArrayList<>();
        StringBuilder selectList = new StringBuilder(table.selectList());
        shape.appendJsonColumns(selectList, binds, BatchedLevel.ALIAS, 1, plan);
        String sql = select.rootSql(selectList.toString(), BatchedLevel.ALIAS, first);
        boolean[] json = shape.jsonIncludes(plan);
        return select.database().withConnection("fetch from " + table.sql(), c -> {
            LevelRows<R> rows;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int index = 1;
                for (Binder bind : binds) {
                    index = bind.bind(ps, index);
                }
                select.bindRoot(ps, index);
                rows = LevelRows.read(ps, table, json);
            }
            return shape.apply(c, rows, plan);
        });
    }

    /** The statement {@link #list()} runs first (nested batched levels add one each). */
    public String sql() {
        List<Binder> binds = new ArrayList<>();
        StringBuilder selectList = new StringBuilder(select.table().selectList());
        shape.appendJsonColumns(selectList, binds, BatchedLevel.ALIAS, 1, plan);
        return select.rootSql(selectList.toString(), BatchedLevel.ALIAS, false);
    }

    static <R, A> With1<R, A> start(Select<R> select, Include<R, A> a) {
        return new With1<>(select, Objects.requireNonNull(a, "a"));
    }

    /** A fetch with one relation, waiting for its result type. */
    public static final class With1<R, A> {
        private final Select<R> select;
        private final Include<R, A> a;

        With1(Select<R> select, Include<R, A> a) {
            this.select = select;
            this.a = a;
        }

        public <B> With2<R, A, B> with(Include<R, B> b) {
            return new With2<>(select, a, Objects.requireNonNull(b, "b"));
        }

        /** Each root row becomes {@code into(row, a)}, e.g. {@code WorkflowPage::new}. */
        public <X> Fetch<R, X> into(BiFunction<? super R, ? super A, ? extends X> into) {
            return new Fetch<>(select, new Shape.One<>(a, Objects.requireNonNull(into, "into")), FetchPlan.AUTO);
        }
    }

    /** A fetch with two relations, waiting for its result type. */
    public static final class With2<R, A, B> {
        private final Select<R> select;
        private final Include<R, A> a;
        private final Include<R, B> b;

        With2(Select<R> select, Include<R, A> a, Include<R, B> b) {
            this.select = select;
            this.a = a;
            this.b = b;
        }

        public <C> With3<R, A, B, C> with(Include<R, C> c) {
            return new With3<>(select, a, b, Objects.requireNonNull(c, "c"));
        }

        public <X> Fetch<R, X> into(Into.Three<? super R, ? super A, ? super B, ? extends X> into) {
            return new Fetch<>(select, new Shape.Two<>(a, b, Objects.requireNonNull(into, "into")), FetchPlan.AUTO);
        }
    }

    /** A fetch with three relations, waiting for its result type. */
    public static final class With3<R, A, B, C> {
        private final Select<R> select;
        private final Include<R, A> a;
        private final Include<R, B> b;
        private final Include<R, C> c;

        With3(Select<R> select, Include<R, A> a, Include<R, B> b, Include<R, C> c) {
            this.select = select;
            this.a = a;
            this.b = b;
            this.c = c;
        }

        public <X> Fetch<R, X> into(Into.Four<? super R, ? super A, ? super B, ? super C, ? extends X> into) {
            return new Fetch<>(select, new Shape.Three<>(a, b, c, Objects.requireNonNull(into, "into")), FetchPlan.AUTO);
        }
    }

}
