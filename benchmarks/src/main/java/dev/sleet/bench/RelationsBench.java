package dev.sleet.bench;

import static dev.sleet.bench.domain.ExecutionTable.EXECUTIONS;
import static dev.sleet.bench.domain.WorkflowTable.WORKFLOWS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import dev.sleet.bench.domain.Execution;
import dev.sleet.bench.domain.Step;
import dev.sleet.bench.domain.Workflow;
import dev.sleet.bench.domain.WorkflowDao;
import dev.sleet.bench.peers.ExecutionEntity;
import dev.sleet.bench.peers.StepEntity;
import dev.sleet.bench.peers.WorkflowEntity;
import dev.sleet.runtime.Database;
import dev.sleet.runtime.query.FetchPlan;
import java.lang.management.ManagementFactory;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.graph.RootGraph;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Issue 13's measurement, run by hand: 1,000 workflows × 20 executions × 10 steps; each call fetches
 * 50 workflows (a sliding window) with their 10 newest executions and all of those executions' steps
 * (50 + 500 + 5,000 rows), into the same records. Every contender's result is first checked equal to
 * the hand-written JDBC one. Times are interleaved rounds ({@link LatencyRace}); allocation is the
 * client thread's allocated bytes per call ({@code ThreadMXBean}). Prints a markdown section.
 *
 * <pre>java [-Dbench.only=Sleet,jOOQ] [-Dbench.warmup=300] [-Dbench.rounds=20] -cp … dev.sleet.bench.RelationsBench [--quick]</pre>
 * ({@code bench.only} keeps the contenders whose names start with one of the prefixes, plus hand-written JDBC.)
 */
public final class RelationsBench {
    public record Run(Execution execution, List<Step> steps) {
    }

    public record WorkflowPage(Workflow workflow, List<Run> runs) {
    }

    interface Fetcher {
        List<WorkflowPage> fetch(long after) throws Exception;
    }

    static final int WORKFLOWS_N = 1_000;
    static final int PAGE = 50;
    static final int NEWEST = 10;

    private RelationsBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        java.util.logging.LogManager.getLogManager().reset();
        String loadBefore = Environment.loadAverage();
        try (BenchDatabase bench = BenchDatabase.create("relations").withDomainTables();
             ThreadBoundDataSource ds = new ThreadBoundDataSource(bench::connect);
             Hibernate hibernate = new Hibernate()) {
            seed(bench);
            Connection c = ds.physical();
            Database db = Database.of(ds);
            WorkflowDao workflows = new WorkflowDao(db);
            DSLContext jooq = DSL.using(c, SQLDialect.POSTGRES);

            Map<String, Fetcher> contenders = new LinkedHashMap<>();
            contenders.put("hand-written JDBC (3 statements)", after -> handJdbc(c, after));
            contenders.put("Sleet (default plan: batched levels)", after -> sleet(workflows, after, FetchPlan.AUTO));
            contenders.put("Sleet (FetchPlan.JSON: one statement)", after -> sleet(workflows, after, FetchPlan.JSON));
            contenders.put("jOOQ MULTISET", after -> jooq(jooq, after));
            contenders.put("Hibernate JOIN FETCH", after -> hibernate.joinFetch(c, after));
            contenders.put("Hibernate entity graph", after -> hibernate.entityGraph(c, after));
            contenders.put("Hibernate @BatchSize", after -> hibernate.batchSize(c, after));

            String only = System.getProperty("bench.only");
            if (only != null) {
                contenders.keySet().removeIf(name -> !name.startsWith("hand") && List.of(only.split(",")).stream().noneMatch(name::startsWith));
            }
            for (long after : new long[] {0, 475, WORKFLOWS_N - PAGE, WORKFLOWS_N - 10}) {
                List<WorkflowPage> expected = handJdbc(c, after);
                for (Map.Entry<String, Fetcher> e : contenders.entrySet()) {
                    List<WorkflowPage> actual = e.getValue().fetch(after);
                    if (!actual.equals(expected)) {
                        throw new AssertionError(e.getKey() + " differs from hand-written JDBC after workflow " + after);
                    }
                }
            }

            LatencyRace.Plan plan = quick ? new LatencyRace.Plan(20, 3, 5)
                    : new LatencyRace.Plan(Integer.getInteger("bench.warmup", 300), Integer.getInteger("bench.rounds", 20), 25);
            List<LatencyRace.Contender> race = new ArrayList<>();
            for (Map.Entry<String, Fetcher> e : contenders.entrySet()) {
                race.add(new LatencyRace.Contender(e.getKey(), i -> e.getValue().fetch(window(i))));
            }
            Map<String, Samples> samples = LatencyRace.run(plan, race);
            Map<String, Long> allocated = new LinkedHashMap<>();
            for (Map.Entry<String, Fetcher> e : contenders.entrySet()) {
                allocated.put(e.getKey(), allocatedPerCall(e.getValue(), quick ? 10 : 100));
            }
            print(plan, samples, allocated, loadBefore, Environment.loadAverage());
        }
        System.exit(0);
    }

    /** A sliding window over the workflows, the same for every contender's i-th call. */
    static long window(int i) {
        return (i * 37L) % (WORKFLOWS_N - PAGE);
    }

    static void seed(BenchDatabase bench) throws SQLException {
        try (Connection c = bench.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO workflows (name, created_at) SELECT 'workflow ' || g,"
                    + " timestamptz '2026-01-01 00:00Z' + g * interval '1 minute' FROM generate_series(1, " + WORKFLOWS_N + ") g");
            s.execute("INSERT INTO executions (workflow_id, status, started_at) SELECT w, (ARRAY['ok', 'failed', 'running'])[1 + e % 3],"
                    + " timestamptz '2026-01-01 00:00Z' + ((w * 7919 + e * 104729) % 1000000) * interval '1 second'"
                    + " FROM generate_series(1, " + WORKFLOWS_N + ") w, generate_series(1, 20) e ORDER BY w, e");
            s.execute("INSERT INTO steps (execution_id, position, name, finished_at) SELECT x, p, 'step ' || p,"
                    + " timestamptz '2026-01-02 00:00Z' + (x * 10 + p) * interval '1 millisecond'"
                    + " FROM generate_series(1, " + WORKFLOWS_N * 20 + ") x, generate_series(1, 10) p ORDER BY x, p");
            s.execute("VACUUM ANALYZE workflows, executions, steps");
        }
    }

    // ---- Sleet: the README's reference query

    static List<WorkflowPage> sleet(WorkflowDao workflows, long after, FetchPlan plan) {
        return workflows.select().where(WORKFLOWS.ID.gt(after)).orderBy(WORKFLOWS.ID.asc()).limit(PAGE)
                .with(WORKFLOWS.executions().orderBy(EXECUTIONS.STARTED_AT.desc()).limit(NEWEST)
                        .with(EXECUTIONS.steps()).into(Run::new))
                .into(WorkflowPage::new)
                .plan(plan)
                .list();
    }

    // ---- hand-written JDBC: the same three round trips, no framework

    private static final String HAND_WORKFLOWS = "SELECT id, name, created_at FROM workflows WHERE id > ? ORDER BY id LIMIT " + PAGE;
    private static final String HAND_EXECUTIONS = "SELECT e.id, e.workflow_id, e.status, e.started_at FROM unnest(?::int8[]) AS k(id)"
            + " CROSS JOIN LATERAL (SELECT id, workflow_id, status, started_at FROM executions WHERE workflow_id = k.id"
            + " ORDER BY started_at DESC, id LIMIT " + NEWEST + ") e";
    private static final String HAND_STEPS = "SELECT id, execution_id, position, name, finished_at FROM steps"
            + " WHERE execution_id = ANY(?) ORDER BY id";

    static List<WorkflowPage> handJdbc(Connection c, long after) throws SQLException {
        List<Workflow> workflows = new ArrayList<>(PAGE);
        try (PreparedStatement ps = c.prepareStatement(HAND_WORKFLOWS)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    workflows.add(new Workflow(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        Long[] workflowIds = new Long[workflows.size()];
        for (int i = 0; i < workflowIds.length; i++) {
            workflowIds[i] = workflows.get(i).id();
        }
        List<Execution> executions = new ArrayList<>(workflowIds.length * NEWEST);
        try (PreparedStatement ps = c.prepareStatement(HAND_EXECUTIONS)) {
            Array ids = c.createArrayOf("int8", workflowIds);
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    executions.add(new Execution(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        Long[] executionIds = new Long[executions.size()];
        Map<Long, List<Step>> stepsByExecution = new HashMap<>(executionIds.length * 2);
        for (int i = 0; i < executionIds.length; i++) {
            executionIds[i] = executions.get(i).id();
            stepsByExecution.put(executionIds[i], new ArrayList<>(10));
        }
        try (PreparedStatement ps = c.prepareStatement(HAND_STEPS)) {
            ps.setArray(1, c.createArrayOf("int8", executionIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Step step = new Step(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant());
                    stepsByExecution.get(step.executionId()).add(step);
                }
            }
        }
        Map<Long, List<Run>> runsByWorkflow = new HashMap<>(workflows.size() * 2);
        for (Execution e : executions) {
            runsByWorkflow.computeIfAbsent(e.workflowId(), k -> new ArrayList<>(NEWEST)).add(new Run(e, stepsByExecution.get(e.id())));
        }
        List<WorkflowPage> pages = new ArrayList<>(workflows.size());
        for (Workflow w : workflows) {
            pages.add(new WorkflowPage(w, runsByWorkflow.getOrDefault(w.id(), List.of())));
        }
        return pages;
    }

    // ---- jOOQ: MULTISET (emulated with JSON on PostgreSQL), no code generation

    private static final Table<?> W = table(name("workflows")).as("w");
    private static final Field<Long> W_ID = field(name("w", "id"), SQLDataType.BIGINT);
    private static final Field<String> W_NAME = field(name("w", "name"), SQLDataType.VARCHAR);
    private static final Field<Instant> W_CREATED = field(name("w", "created_at"), SQLDataType.INSTANT);
    private static final Table<?> E = table(name("executions")).as("e");
    private static final Field<Long> E_ID = field(name("e", "id"), SQLDataType.BIGINT);
    private static final Field<Long> E_WORKFLOW = field(name("e", "workflow_id"), SQLDataType.BIGINT);
    private static final Field<String> E_STATUS = field(name("e", "status"), SQLDataType.VARCHAR);
    private static final Field<Instant> E_STARTED = field(name("e", "started_at"), SQLDataType.INSTANT);
    private static final Table<?> S = table(name("steps")).as("s");
    private static final Field<Long> S_ID = field(name("s", "id"), SQLDataType.BIGINT);
    private static final Field<Long> S_EXECUTION = field(name("s", "execution_id"), SQLDataType.BIGINT);
    private static final Field<Integer> S_POSITION = field(name("s", "position"), SQLDataType.INTEGER);
    private static final Field<String> S_NAME = field(name("s", "name"), SQLDataType.VARCHAR);
    private static final Field<Instant> S_FINISHED = field(name("s", "finished_at"), SQLDataType.INSTANT);

    static List<WorkflowPage> jooq(DSLContext ctx, long after) {
        return ctx.select(W_ID, W_NAME, W_CREATED,
                        multiset(select(E_ID, E_WORKFLOW, E_STATUS, E_STARTED,
                                multiset(select(S_ID, S_EXECUTION, S_POSITION, S_NAME, S_FINISHED).from(S)
                                        .where(S_EXECUTION.eq(E_ID)).orderBy(S_ID))
                                        .convertFrom(r -> r.map(Records.mapping(Step::new))))
                                .from(E).where(E_WORKFLOW.eq(W_ID)).orderBy(E_STARTED.desc(), E_ID).limit(NEWEST))
                                .convertFrom(r -> r.map(Records.mapping((id, workflowId, status, started, steps) ->
                                        new Run(new Execution(id, workflowId, status, started), steps)))))
                .from(W).where(W_ID.gt(after)).orderBy(W_ID).limit(PAGE)
                .fetch(Records.mapping((id, name, created, runs) -> new WorkflowPage(new Workflow(id, name, created), runs)));
    }

    // ---- Hibernate ORM: three ways an informed user loads this tree

    static final class Hibernate implements AutoCloseable {
        private static final String WORKFLOWS_HQL = "select w from WorkflowEntity w where w.id > :after order by w.id";
        /** The 10 newest per workflow need a window function: HQL 6+ has them, and derived tables. */
        private static final String NEWEST_HQL = "select e from ExecutionEntity e %s where e.id in ("
                + "select r.id from (select e2.id as id, row_number() over (partition by e2.workflow.id"
                + " order by e2.startedAt desc, e2.id) as rn from ExecutionEntity e2 where e2.workflow.id in :ids) r"
                + " where r.rn <= " + NEWEST + ")";

        private final StandardServiceRegistry registry;
        private final SessionFactory factory;

        Hibernate() {
            registry = new StandardServiceRegistryBuilder()
                    .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                    .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                    .applySetting("hibernate.show_sql", "false")
                    .build();
            factory = new MetadataSources(registry).addResource("dev/sleet/bench/peers/relations-orm.xml")
                    .buildMetadata().buildSessionFactory();
        }

        private Session open(Connection c) {
            Session session = factory.withOptions().connection(c).openSession();
            session.setDefaultReadOnly(true);
            return session;
        }

        private static List<WorkflowEntity> workflows(Session s, long after) {
            return s.createQuery(WORKFLOWS_HQL, WorkflowEntity.class).setParameter("after", after).setMaxResults(PAGE).getResultList();
        }

        List<WorkflowPage> joinFetch(Connection c, long after) {
            try (Session s = open(c)) {
                List<WorkflowEntity> workflows = workflows(s, after);
                List<ExecutionEntity> executions = s.createQuery(NEWEST_HQL.formatted("left join fetch e.steps"), ExecutionEntity.class)
                        .setParameterList("ids", ids(workflows)).getResultList();
                return pages(workflows, executions);
            }
        }

        List<WorkflowPage> entityGraph(Connection c, long after) {
            try (Session s = open(c)) {
                List<WorkflowEntity> workflows = workflows(s, after);
                RootGraph<ExecutionEntity> graph = s.createEntityGraph(ExecutionEntity.class);
                graph.addAttributeNodes("steps");
                List<ExecutionEntity> executions = s.createQuery(NEWEST_HQL.formatted(""), ExecutionEntity.class)
                        .setParameterList("ids", ids(workflows)).setHint("jakarta.persistence.fetchgraph", graph).getResultList();
                return pages(workflows, executions);
            }
        }

        /** Lazy collections with {@code @BatchSize(50)}: the executions of 50 workflows per query, then steps. */
        List<WorkflowPage> batchSize(Connection c, long after) {
            try (Session s = open(c)) {
                List<WorkflowPage> pages = new ArrayList<>(PAGE);
                for (WorkflowEntity w : workflows(s, after)) {
                    List<ExecutionEntity> newest = w.getExecutions();
                    List<Run> runs = new ArrayList<>(NEWEST);
                    for (ExecutionEntity e : newest.subList(0, Math.min(NEWEST, newest.size()))) {
                        runs.add(new Run(execution(e), steps(e.getSteps())));
                    }
                    pages.add(new WorkflowPage(workflow(w), runs));
                }
                return pages;
            }
        }

        private static List<Long> ids(List<WorkflowEntity> workflows) {
            List<Long> ids = new ArrayList<>(workflows.size());
            for (WorkflowEntity w : workflows) {
                ids.add(w.getId());
            }
            return ids;
        }

        private static List<WorkflowPage> pages(List<WorkflowEntity> workflows, List<ExecutionEntity> executions) {
            Map<Long, List<ExecutionEntity>> byWorkflow = new HashMap<>();
            for (ExecutionEntity e : executions) {
                byWorkflow.computeIfAbsent(e.getWorkflow().getId(), k -> new ArrayList<>()).add(e);
            }
            List<WorkflowPage> pages = new ArrayList<>(workflows.size());
            for (WorkflowEntity w : workflows) {
                List<ExecutionEntity> mine = byWorkflow.getOrDefault(w.getId(), List.of());
                List<ExecutionEntity> sorted = new ArrayList<>(mine);
                sorted.sort(Comparator.comparing(ExecutionEntity::getStartedAt).reversed().thenComparing(ExecutionEntity::getId));
                List<Run> runs = new ArrayList<>(sorted.size());
                for (ExecutionEntity e : sorted) {
                    runs.add(new Run(execution(e), steps(e.getSteps())));
                }
                pages.add(new WorkflowPage(workflow(w), runs));
            }
            return pages;
        }

        private static Workflow workflow(WorkflowEntity w) {
            return new Workflow(w.getId(), w.getName(), w.getCreatedAt());
        }

        private static Execution execution(ExecutionEntity e) {
            return new Execution(e.getId(), e.getWorkflow().getId(), e.getStatus(), e.getStartedAt());
        }

        private static List<Step> steps(List<StepEntity> entities) {
            List<Step> steps = new ArrayList<>(entities.size());
            for (StepEntity s : entities) {
                steps.add(new Step(s.getId(), s.getExecution().getId(), s.getPosition(), s.getName(), s.getFinishedAt()));
            }
            steps.sort(Comparator.comparingLong(Step::id));
            return steps;
        }

        @Override
        public void close() {
            factory.close();
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    // ---- measuring and printing

    static long allocatedPerCall(Fetcher fetcher, int calls) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(thread);
        for (int i = 0; i < calls; i++) {
            fetcher.fetch(window(i));
        }
        return (mx.getThreadAllocatedBytes(thread) - before) / calls;
    }

    private static void print(LatencyRace.Plan plan, Map<String, Samples> samples, Map<String, Long> allocated,
                              String loadBefore, String loadAfter) {
        String jdbc = "hand-written JDBC (3 statements)";
        double base = samples.get(jdbc).percentile(50);
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(LocalDate.now()).append(", ").append(plan.describe()).append("; load average ")
                .append(loadBefore).append(" → ").append(loadAfter).append(".\n\n");
        b.append("| contender | p50 | mean | p99 | vs hand JDBC (p50) | allocated per fetch | allocation rate |\n");
        b.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Samples> e : samples.entrySet()) {
            Samples s = e.getValue();
            long bytes = allocated.get(e.getKey());
            b.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | ×%.2f | %,d KB | %,.0f MB/s |%n", e.getKey(),
                    s.percentile(50) / 1e6, s.mean() / 1e6, s.percentile(99) / 1e6, s.percentile(50) / base, bytes / 1024,
                    bytes / (s.mean() / 1e9) / 1e6));
        }
        System.out.println(b);
    }
}
