/**
 * The whole CPU-bound part of a plan run, pure and in one function so it can run in a worker thread
 * (plan-worker.ts) or in-process: snapshot → engine input → the engine's search → proposals and
 * figures. Progress is reported about once per generation; an AbortSignal stops the search and keeps
 * the best plan found so far.
 */
import { plan, planAsync, validatePlan, type PlanIssue, type PlanResult } from '../../../engine/index';
import { buildPlanInput, HOURS_PER_PERIOD, tightenDeadlines, type BuiltPlan } from './build-input';
import { explainPlan, type PlanIssueView, type ProposalRow } from './explain-plan';
import type { PlanSnapshot } from './snapshot';
import type { PlanFigures } from '../../../core/plan-figures';

export interface PipelineOptions {
  keepAssignees: boolean;
  timeLimitMs: number;
  seed: number;
  /** Stop after this many schedules even with time left (small scopes finish early). */
  maxSchedules?: number;
}

export interface PipelineProgress {
  schedules: number;
  elapsedMs: number;
  /** Lateness of the best plan so far, in hours (working days late × 8). */
  bestLatenessHours: number | null;
}

export interface PipelineHooks {
  onProgress?: (progress: PipelineProgress) => void;
  signal?: AbortSignal;
}

export interface PlanOutcome {
  /** The engine's status, or 'empty' when there was nothing to plan. */
  engineStatus: string;
  /** Whether proposals exist (a run cancelled before its first plan has none). */
  hasPlan: boolean;
  proposals: ProposalRow[];
  figures: { current: PlanFigures; proposed: PlanFigures } | null;
  issues: PlanIssueView[];
  message: string | null;
  schedules: number;
  elapsedMs: number;
  /**
   * The engine's objective values of the proposed plan (tardiness, balance, preference, cost), for
   * choosing between runs; empty without a plan.
   */
  objective: number[];
}

/**
 * Default search budget: 2 s for a project, up to 7.5 s for thousands of tasks (the search finds most
 * of its gains in the first seconds; measured in docs/benchmarks.md). Reading, explaining and storing
 * a plan of 3,000 tasks takes about half a second more, within the 10 s a plan may take.
 */
export function defaultTimeLimitMs(taskCount: number): number {
  return Math.round(Math.min(7500, Math.max(2000, 1000 + 2.5 * taskCount)));
}

/**
 * Scopes of this many open tasks or more run to their time limit; smaller ones stop at their
 * schedule cap (`defaultMaxSchedules`) once the search has settled.
 */
export const TIME_LIMITED_FROM_TASKS = 1000;

/**
 * Enough schedules for a small scope to settle, so it does not use its whole time limit (the 232
 * open tasks of the first-start demo: 0.9 s, and the same plan with 2.5 times the schedules). Large
 * scopes have no cap: the engine's sequence search counts each of its evaluations as a schedule,
 * makes about 400,000 a second on 3,000 tasks and still improves at the end of its 7.5 s.
 */
export function defaultMaxSchedules(taskCount: number): number {
  return taskCount >= TIME_LIMITED_FROM_TASKS ? Infinity : Math.max(3000, 600 * taskCount);
}

const PIN_ISSUES = new Set<PlanIssue['kind']>([
  'pin-before-release',
  'pin-before-predecessors',
  'pins-overlap',
  'pin-on-day-off',
  'pin-violated',
]);

/**
 * The engine refuses inputs it cannot plan at all. build-input.ts prevents the cases it knows; this is
 * the safety net for the rest: ask the engine to check the input (a cancelled run does only that),
 * relax the pins it names or take out the tasks it names, and ask again.
 */
export function makePlannable(built: BuiltPlan): PlanIssue[] {
  const aborted = new AbortController();
  aborted.abort();
  for (let round = 0; round < 8; round++) {
    const check = plan(built.input, { signal: aborted.signal });
    if (check.status !== 'invalid' && check.status !== 'infeasible') return [];
    if (check.issues.length === 0) return [];
    let changed = false;
    for (const issue of check.issues) {
      if (PIN_ISSUES.has(issue.kind)) {
        // the later-named activity of an overlap, or each named one otherwise, loses its start pin
        const names = issue.kind === 'pins-overlap' ? issue.activities.slice(-1) : issue.activities;
        if (relaxStartPins(built, names)) changed = true;
      } else {
        for (const id of issue.activities) {
          if (built.unplaceable.has(id) || !built.input.activities.some((a) => a.id === id)) continue;
          built.unplaceable.set(
            id,
            issue.kind === 'precedence-cycle' ? 'Its dependencies form a circle.' : issue.message,
          );
          changed = true;
        }
      }
    }
    if (!changed) return check.issues;
    removeUnplaceable(built);
    tightenDeadlines(built);
  }
  return [];
}

/** Takes the pinned start off the named activities (their person pin stays); true if any changed. */
function relaxStartPins(built: BuiltPlan, ids: readonly string[]): boolean {
  let changed = false;
  for (const id of ids) {
    const a = built.input.activities.find((x) => x.id === id);
    if (a?.pin?.start !== undefined) {
      delete a.pin.start;
      built.notes.set(id, [...(built.notes.get(id) ?? []), 'Its pinned start could not be kept.']);
      changed = true;
    }
  }
  return changed;
}

function removeUnplaceable(built: BuiltPlan): void {
  const keep = built.input.activities.filter((a) => !built.unplaceable.has(a.id));
  const ids = new Set(keep.map((a) => a.id));
  for (const a of keep)
    if (a.predecessors)
      a.predecessors = a.predecessors.filter((p) => ids.has(typeof p === 'string' ? p : p.activity));
  built.input = { ...built.input, activities: keep };
}

export async function runPipeline(
  snapshot: PlanSnapshot,
  options: PipelineOptions,
  hooks: PipelineHooks = {},
): Promise<PlanOutcome> {
  const t0 = performance.now();
  const built = buildPlanInput(snapshot, { keepAssignees: options.keepAssignees });
  const refused = makePlannable(built);
  if (refused.length > 0) {
    return {
      engineStatus: 'invalid',
      hasPlan: false,
      proposals: [],
      figures: null,
      issues: refused.map((i) => ({ message: i.message, taskIds: i.activities })),
      message: 'The planner could not use this data; the issues name the tasks to fix.',
      schedules: 0,
      elapsedMs: Math.round(performance.now() - t0),
      objective: [],
    };
  }
  let result: PlanResult | null = null;
  // a pinned start that no plan keeps (its predecessors cannot be done in time with the people there
  // are) shows only in the search: the engine then returns its best plan with the pin broken and
  // status infeasible. That pin is taken off, as the input check does, and the search runs again.
  for (let round = 0; round < 4 && built.input.activities.length > 0; round++) {
    if (result !== null) {
      const broken = result.issues.filter((i) => i.kind === 'pin-violated').flatMap((i) => i.activities);
      if (result.status !== 'infeasible' || !relaxStartPins(built, broken)) break;
      tightenDeadlines(built);
    }
    const left = Math.max(300, options.timeLimitMs - (performance.now() - t0));
    result = await planAsync(built.input, {
      seed: options.seed,
      timeLimitMs: left,
      maxSchedules: options.maxSchedules ?? defaultMaxSchedules(built.input.activities.length),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onProgress: hooks.onProgress
        ? (report) =>
            hooks.onProgress!({
              schedules: report.schedules,
              elapsedMs: Math.round(performance.now() - t0),
              bestLatenessHours:
                report.best.length > 0
                  ? Math.round((report.best[0]! + built.lateBy) * HOURS_PER_PERIOD * 10) / 10
                  : null,
            })
        : undefined,
    });
  }
  const elapsedMs = Math.round(performance.now() - t0);
  if (result !== null && result.activities.length === 0) {
    const cancelled = result.status === 'cancelled';
    return {
      engineStatus: result.status,
      hasPlan: false,
      proposals: [],
      figures: null,
      issues: result.issues.map((i) => ({ message: i.message, taskIds: i.activities })),
      message: cancelled
        ? 'Cancelled before the planner found a first plan.'
        : result.status === 'timedout'
          ? 'The time limit ran out before the planner found a first plan; give it more time.'
          : 'The planner found no plan; the issues say why.',
      schedules: result.schedules,
      elapsedMs,
      objective: [],
    };
  }
  if (result !== null) {
    // the independent validator stands between the engine and the people who would apply its plan
    const broken = validatePlan(built.input, result);
    if (broken.length > 0)
      return {
        engineStatus: 'rejected',
        hasPlan: false,
        proposals: [],
        figures: null,
        issues: broken.slice(0, 20).map((v) => ({ message: v.message, taskIds: v.activities })),
        message:
          result.status === 'infeasible'
            ? 'No plan keeps every pinned start; unpin the tasks named below and plan again.'
            : 'The planner made a plan that breaks a rule (a fault in the planner, please report it); nothing is proposed.',
        schedules: result.schedules,
        elapsedMs,
        objective: [],
      };
  }
  const explained = explainPlan(snapshot, built, result);
  return {
    engineStatus: result?.status ?? 'empty',
    hasPlan: true,
    proposals: explained.proposals,
    figures: explained.figures,
    issues: explained.issues,
    message:
      result === null
        ? snapshot.tasks.length === 0
          ? 'There is no open work to plan in this scope.'
          : 'No task in this scope can be planned; the issues say why.'
        : result.status === 'cancelled'
          ? 'Stopped early: this is the best plan found before you cancelled.'
          : null,
    schedules: result?.schedules ?? 0,
    elapsedMs,
    objective: result?.values ?? [],
  };
}
