package demo;

import static demo.FlowNoteTable.FLOW_NOTES;
import static demo.FlowRunTable.FLOW_RUNS;
import static demo.FlowStepTable.FLOW_STEPS;
import static demo.FlowTable.FLOWS;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.query.FetchPlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Written against the generated relations: every nested result is typed, nothing is cast. */
public final class RelationScenarios {
    private RelationScenarios() {
    }

    public record RunView(FlowRun run, List<FlowStep> steps, FlowNote note) {
    }

    public record FlowPage(Flow flow, List<RunView> runs) {
    }

    public record StepWithRun(FlowStep step, FlowRun run) {
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** flow → 3 newest runs (per flow) → live steps in position order + the one-to-one note; many-to-one back up. */
    public static void nestedFetchIsTypedAndPerParent(Database db) {
        FlowDao flows = new FlowDao(db);
        FlowRunDao runs = new FlowRunDao(db);
        FlowStepDao steps = new FlowStepDao(db);
        FlowNoteDao notes = new FlowNoteDao(db);
        Flow a = flows.insert(new FlowDao.New("a"));
        Flow b = flows.insert(new FlowDao.New("b"));
        Flow empty = flows.insert(new FlowDao.New("empty"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            runs.insert(new FlowRunDao.New(a.id(), t0.plusSeconds(i)));
            runs.insert(new FlowRunDao.New(b.id(), t0.plusSeconds(100 + i)));
        }
        FlowRun newestOfA = runs.select().where(FLOW_RUNS.FLOW_ID.eq(a.id())).orderBy(FLOW_RUNS.STARTED_AT.desc()).first().orElseThrow();
        steps.insert(new FlowStepDao.New(newestOfA.id(), 2));
        steps.insert(new FlowStepDao.New(newestOfA.id(), 1));
        FlowStep gone = steps.insert(new FlowStepDao.New(newestOfA.id(), 3));
        steps.archive(gone.id(), "test");
        steps.insert(new FlowStepDao.New(null, 9));
        notes.insert(new FlowNoteDao.New(newestOfA.id(), "the newest"));

        for (FetchPlan plan : FetchPlan.values()) {
            List<FlowPage> pages = flows.select().orderBy(FLOWS.ID.asc())
                    .with(FLOWS.flowRuns().orderBy(FLOW_RUNS.STARTED_AT.desc()).limit(3)
                            .with(FLOW_RUNS.flowSteps().orderBy(FLOW_STEPS.POSITION.asc()))
                            .with(FLOW_RUNS.flowNote())
                            .into(RunView::new))
                    .into(FlowPage::new)
                    .plan(plan)
                    .list();
            check(pages.size() == 3, plan + ": three flows, got " + pages.size());
            check(pages.get(0).runs().size() == 3 && pages.get(1).runs().size() == 3, plan + ": three runs for each flow, not in total");
            check(pages.get(2).runs().isEmpty(), plan + ": a flow without runs has an empty list");
            RunView first = pages.get(0).runs().get(0);
            check(first.run().id() == newestOfA.id(), plan + ": newest first");
            check(first.steps().stream().map(FlowStep::position).toList().equals(List.of(1, 2)),
                    plan + ": live steps in position order, archived hidden: " + first.steps());
            check(first.note() != null && first.note().text().equals("the newest"), plan + ": one-to-one note");
            check(pages.get(0).runs().get(1).note() == null, plan + ": no note reads as null");
            check(pages.get(1).runs().get(0).run().startedAt().equals(t0.plusSeconds(104)), plan + ": b's newest run");
        }

        List<StepWithRun> withRuns = steps.select().orderBy(FLOW_STEPS.ID.asc())
                .with(FLOW_STEPS.run()).into(StepWithRun::new).list();
        check(withRuns.size() == 3, "live steps only: " + withRuns);
        check(withRuns.get(0).run().id() == newestOfA.id(), "many-to-one");
        check(withRuns.get(2).run() == null, "a NULL reference reads as null");

        List<StepWithRun> archived = steps.select().includeArchived().orderBy(FLOW_STEPS.ID.asc())
                .with(FLOW_STEPS.run()).into(StepWithRun::new).list();
        check(archived.size() == 4, "includeArchived on the root");

        Optional<FlowPage> inTx = db.transaction(tx -> flows.select().where(FLOWS.ID.eq(b.id()))
                .with(FLOWS.flowRuns().limit(1)).into((f, r) -> new FlowPage(f, r.stream()
                        .map(run -> new RunView(run, List.of(), null)).toList())).first());
        check(inTx.orElseThrow().runs().size() == 1, "inside a transaction");
        check(notes.select().with(FLOW_NOTES.run()).into((n, r) -> r.flowId()).list().equals(List.of(a.id())), "note → run");
    }
}
