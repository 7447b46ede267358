/**
 * A lower bound on the lateness of any plan of the same open work, in the hours bench/plan.ts reports
 * (planFigures' measure), to tell how far a plan is from the best possible.
 *
 * The measure is a constant plus the engine's part: pinned tasks count as they are planned now and
 * tasks that cannot be planned count as unplanned (neither depends on the plan), and every other
 * placed task counts its periods (hours) past its real deadline. The engine's part is bounded by
 * tardinessBound (src/engine/bounds.ts) against the real deadlines: per period, the tasks that cannot
 * have finished by precedence, plus per pool of people the fewest tasks due by then that must still be
 * unfinished because their work exceeds what the pool can deliver by then on its calendars.
 */
import { planFigures, type ScheduledWork } from '../src/core/plan-figures';
import { currentWindow } from '../src/core/workload';
import { compile } from '../src/engine/compile';
import { tardinessBound } from '../src/engine/bounds';
import { HOURS_PER_PERIOD, type BuiltPlan } from '../src/server/areas/planning/build-input';
import { figurePeopleOf } from '../src/server/areas/planning/explain-plan';
import type { PlanSnapshot } from '../src/server/areas/planning/snapshot';

export interface LatenessBound {
  /** Lower bound on total lateness in hours. */
  hours: number;
  /** The same bound from precedence alone (every task's earliest finish against its deadline). */
  perTaskHours: number;
  /** Lateness no plan changes: pinned tasks and tasks that cannot be planned. */
  fixedHours: number;
}

export function latenessBound(snapshot: PlanSnapshot, built: BuiltPlan): LatenessBound {
  const fixed: ScheduledWork[] = [];
  for (const task of snapshot.tasks) {
    const deadline = built.deadlines.get(task.id)?.date ?? null;
    const base = { taskId: task.id, hours: built.hours.get(task.id) ?? 0, deadline, skillId: task.skillId };
    if (task.pinned) {
      const window =
        task.assigneeId !== null ? currentWindow(task.plannedStart, task.plannedEnd, snapshot.today) : null;
      fixed.push({ ...base, personId: task.assigneeId, window });
    } else if (built.unplaceable.has(task.id)) fixed.push({ ...base, personId: null, window: null });
  }
  const fixedHours = planFigures(fixed, figurePeopleOf(snapshot), snapshot.today).latenessHours;
  const compiled = compile(built.input);
  if (!compiled.ok) throw new Error(`the plan input does not compile: ${compiled.issues[0]?.message ?? ''}`);
  const pr = compiled.problem;
  const pinned = new Set(snapshot.tasks.filter((t) => t.pinned).map((t) => t.id));
  const due = pr.ids.map((id) => built.deadlines.get(id)?.period ?? Infinity);
  const counted = pr.ids.map((id) => !pinned.has(id));
  const engine = tardinessBound(pr, due, counted);
  const perTask = tardinessBound(pr, due, counted, false);
  return {
    hours: Math.floor(fixedHours + engine * HOURS_PER_PERIOD),
    perTaskHours: Math.floor(fixedHours + perTask * HOURS_PER_PERIOD),
    fixedHours,
  };
}
