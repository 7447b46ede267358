/**
 * Product benchmark of planning: an organization made by the demo generator, planned whole by the same
 * path as "Plan" in the web app (read the database → engine in a worker thread → explanations and
 * figures stored), against the baseline of bench/plan-baseline.ts on the same open work.
 *
 *   npm run bench:plan -- --people 200 --tasks 5000 --seed 1 [--time-ms T] [--holidays demo]
 *
 * The first-start demo organization is `--people 30 --tasks 400`. By default the organization has no
 * public holidays, so the instance is the one every earlier figure was measured on (and the baseline,
 * which knows no days off, plans the same days); `--holidays demo` keeps the demo's regions (Berlin,
 * two people in London).
 *
 * Ends with one line: plan: people=… tasks=… holidays=… ms=… late=… lateness_h=… overload_h=… growth=…
 * baseline_late=… baseline_lateness_h=… baseline_overload_h=… assigned=… changed_person=…
 * changed_person_pct=… current_late=… current_lateness_h=… current_overload_h=…
 * (assigned: placed tasks that have a person today; changed_person: those the plan gives to someone
 * else; current_*: the organization's plan as it stands, which the proposal is measured against.)
 */
import { planFigures } from '../src/core/plan-figures';
import { connect } from '../src/db/connect';
import { createDemoOrganization } from '../src/server/demo/create-demo';
import { commitmentsOf, figurePeopleOf } from '../src/server/areas/planning/explain-plan';
import { createPlanQueue } from '../src/server/areas/planning/compose';
import { loadSnapshot } from '../src/server/areas/planning/load-snapshot';
import { workerRunner } from '../src/server/areas/planning/runner';
import { startPlanRun } from '../src/server/areas/planning/start-plan-run';
import { getPlanRun } from '../src/server/areas/planning/get-plan-run';
import { fixedClock } from '../src/server/providers/clock';
import { buildPlanInput, HOURS_PER_PERIOD } from '../src/server/areas/planning/build-input';
import { baselineSchedule } from './plan-baseline';
import { latenessBound } from './plan-bound';
import { numberArg, parseArgs } from './common';
import { countChanges } from './plan-changes';

const args = parseArgs(process.argv.slice(2), ['people', 'tasks', 'seed', 'time-ms', 'holidays']);
const people = numberArg(args, 'people') ?? 200;
const tasks = numberArg(args, 'tasks') ?? 5000;
const seed = numberArg(args, 'seed') ?? 1;
const timeMs = numberArg(args, 'time-ms');
const holidays = args.holidays ?? 'none';
if (holidays !== 'none' && holidays !== 'demo')
  throw new Error(`--holidays is none or demo, not ${holidays}`);

const clock = fixedClock('2026-03-02T09:00:00.000Z');
const db = await connect({ memory: true });
try {
  const plain = { hash: async (p: string) => `plain:${p}`, verify: async () => false };
  const demo = await createDemoOrganization({ db: db.db, clock, passwords: plain }, { people, tasks, seed });
  if (holidays === 'none') {
    await db.db
      .updateTable('organizations')
      .set({ holiday_region: null })
      .where('id', '=', demo.orgId)
      .execute();
    await db.db
      .updateTable('people')
      .set({ holiday_region: null })
      .where('org_id', '=', demo.orgId)
      .execute();
  }
  const actor = { userId: 'bench', orgId: demo.orgId, role: 'owner' as const, personId: null };
  const queue = await createPlanQueue({ db, clock, runner: workerRunner });
  const deps = { db: db.db, clock, dialect: db.dialect, queue };

  const t0 = performance.now();
  const started = await startPlanRun(deps, actor, {
    keepAssignees: false,
    seed,
    ...(timeMs !== undefined ? { timeLimitMs: timeMs } : {}),
  });
  await queue.wait(demo.orgId, started.id);
  const ms = Math.round(performance.now() - t0);
  const run = await getPlanRun(deps, actor, started.id);
  if (run.status !== 'done' || !run.figures)
    throw new Error(`the plan run ended ${run.status}: ${run.message ?? ''}`);

  const snapshot = await loadSnapshot(
    db.db,
    demo.orgId,
    null,
    run.startDate <= '2026-03-02' ? '2026-03-02' : run.startDate,
  );
  const baseline = planFigures(
    [...baselineSchedule(snapshot), ...commitmentsOf(snapshot)],
    figurePeopleOf(snapshot),
    snapshot.today,
  );
  const p = run.figures.proposed;
  // lateness no plan can avoid: work already late, or whose predecessors cannot finish in time
  const built = buildPlanInput(snapshot, { keepAssignees: false });
  const forced = Math.round(built.lateBy * HOURS_PER_PERIOD);
  const c = run.figures.current;
  console.log(
    `open tasks ${run.taskCount}, engine ${run.engineStatus} after ${run.progress.schedules} schedules; ` +
      `cannot be placed ${run.unplaceableCount}; time limit ${run.timeLimitMs} ms`,
  );
  console.log(
    `current plan: late ${c.lateTasks}, lateness ${c.latenessHours} h, overload ${c.overloadHours} h, unplanned ${c.unplannedTasks}`,
  );
  console.log(
    `unavoidable lateness ${forced} h; avoidable: plan ${Math.round(p.latenessHours - forced)} h, ` +
      `baseline ${Math.round(baseline.latenessHours - forced)} h (the baseline plans whole days and ignores part-time capacity and time off)`,
  );
  const changes = await countChanges(db.db, demo.orgId, run.id);
  console.log(
    `changes: ${changes.changedPerson} of ${changes.assigned} assigned tasks change person ` +
      `(${changes.changedPersonPct} %), ${changes.changedDatesOnly} keep their person and change dates, ` +
      `${changes.newlyAssigned} of ${changes.unassigned} unassigned tasks get a person`,
  );
  const bound = latenessBound(snapshot, built);
  console.log(
    `lower bound on lateness: ${bound.hours} h (precedence alone ${bound.perTaskHours} h; ` +
      `pinned and unplaceable tasks ${Math.round(bound.fixedHours)} h)`,
  );
  console.log(
    `plan: people=${people} tasks=${tasks} holidays=${holidays} ms=${ms} late=${p.lateTasks} lateness_h=${p.latenessHours} ` +
      `overload_h=${p.overloadHours} growth=${p.growthAssignments} baseline_late=${baseline.lateTasks} ` +
      `baseline_lateness_h=${baseline.latenessHours} baseline_overload_h=${baseline.overloadHours} ` +
      `assigned=${changes.assigned} changed_person=${changes.changedPerson} changed_person_pct=${changes.changedPersonPct} ` +
      `current_late=${c.lateTasks} current_lateness_h=${c.latenessHours} current_overload_h=${c.overloadHours}`,
  );
  await queue.close();
} finally {
  await db.close();
}
