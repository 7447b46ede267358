/**
 * The planning engine: pure TypeScript, no I/O. One entry, `plan(input, options)`, over read-only
 * input; expected outcomes (infeasible, timed out, cancelled) are a `status`, never a throw.
 * `planAsync` is the same search, yielding to the event loop between generations so an AbortSignal
 * fired by a timer or a request can stop it.
 *
 * Importers: the server (builds PlanInput from the database), bench/ and tests. The engine imports
 * nothing from the rest of Tandem.
 */
import { criticalPathBound, lowerBound, resourceBound } from './bounds';
import { compile, OBJ_PREFERENCE, type Problem } from './compile';
import { explain } from './explain';
import { Search } from './search';
import type { ActivityPlan, PlanInput, PlanIssue, PlanOptions, PlanResult, PlanStatus } from './types';

export type * from './types';
export { validatePlan, type Violation, type ViolationKind } from './validate';
export { parsePsplib, parsePsplibResults, psplibKey, ParseError, type PsplibInstance } from './psplib';
export { parseImopse, type ImopseInstance, type ImopseResource, type ImopseTask } from './imopse';

/**
 * Lower bounds on the makespan of an input: the critical path (precedence, releases and pins only)
 * and the capacity bound (renewable energy; the work only a group of people can do). Null when the
 * input cannot be planned at all.
 */
export function makespanBounds(
  input: PlanInput,
): { criticalPath: number; capacity: number; best: number } | null {
  const compiled = compile({ ...input, objectives: ['makespan'] });
  if (!compiled.ok) return null;
  const criticalPath = criticalPathBound(compiled.problem);
  const capacity = resourceBound(compiled.problem);
  return { criticalPath, capacity, best: Math.max(criticalPath, capacity) };
}

const DEFAULT_SCHEDULES = 5000;

interface Run {
  problem: Problem;
  search: Search;
  lowerBound: number;
  now: () => number;
  t0: number;
}

function defaultNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function emptyResult(
  status: PlanStatus,
  issues: PlanIssue[],
  objectives: PlanResult['objectives'],
  elapsedMs = 0,
): PlanResult {
  return {
    status,
    activities: [],
    objectives,
    values: [],
    makespan: 0,
    lowerBound: 0,
    schedules: 0,
    elapsedMs,
    issues,
  };
}

function begin(input: PlanInput, options: PlanOptions): Run | PlanResult {
  const now = options.now ?? defaultNow;
  const t0 = now();
  const objectives =
    input.objectives && input.objectives.length > 0 ? input.objectives : ['makespan' as const];
  const compiled = compile(input);
  if (!compiled.ok) return emptyResult(compiled.status, compiled.issues, objectives, now() - t0);
  const problem = compiled.problem;
  if (options.signal?.aborted) return emptyResult('cancelled', [], objectives, now() - t0);
  const lb = lowerBound(problem);
  const maxSchedules =
    options.maxSchedules ?? (options.timeLimitMs !== undefined ? Infinity : DEFAULT_SCHEDULES);
  const search = new Search(problem, {
    seed: options.seed ?? 1,
    maxSchedules,
    // keep a little of the time budget for the explanations and the result
    timeLimitMs:
      options.timeLimitMs === undefined
        ? Infinity
        : options.timeLimitMs - Math.min(0.05 * options.timeLimitMs, 500),
    populationSize: options.populationSize,
    lowerBound: lb,
    now,
    signal: options.signal,
    onProgress: options.onProgress
      ? (schedules, best) =>
          options.onProgress!({
            schedules,
            elapsedMs: now() - t0,
            best: presentValues(problem, best),
          })
      : undefined,
  });
  return { problem, search, lowerBound: lb, now, t0 };
}

function presentValues(pr: Problem, values: Float64Array): number[] {
  const out: number[] = [];
  for (let x = 0; x < pr.objectiveCodes.length; x++) {
    const v = values[x + 1]!;
    out.push(pr.objectiveCodes[x] === OBJ_PREFERENCE ? -v : v);
  }
  return out;
}

function end(run: Run): PlanResult {
  const { problem: pr, search } = run;
  const elapsedMs = run.now() - run.t0;
  const base = {
    objectives: pr.objectives,
    lowerBound: run.lowerBound,
    schedules: search.schedules,
    elapsedMs,
  };
  if (!search.hasBest) {
    if (search.stop === 'failed')
      return {
        ...emptyResult('infeasible', [], pr.objectives, elapsedMs),
        ...base,
        issues: [
          {
            kind: 'no-working-time',
            activities: [],
            message: 'Some activity cannot be placed: no qualified person has enough working time.',
          },
        ],
      };
    return {
      ...emptyResult(search.stop === 'cancelled' ? 'cancelled' : 'timedout', [], pr.objectives),
      ...base,
    };
  }
  const reasons = explain(pr, search.bestStart, search.bestFinish, search.bestPerson);
  const activities: ActivityPlan[] = [];
  for (let j = 0; j < pr.n; j++) {
    const q = search.bestPerson[j]!;
    const f = search.bestFinish[j]!;
    const late = f - pr.deadline[j]!;
    const a: ActivityPlan = {
      activity: pr.ids[j]!,
      start: search.bestStart[j]!,
      finish: f,
      tardiness: late > 0 ? late : 0,
      why: reasons[j]!,
    };
    if (q >= 0) a.person = pr.personIds[q]!;
    activities.push(a);
  }
  let makespan = 0;
  for (let j = 0; j < pr.n; j++) makespan = Math.max(makespan, search.bestFinish[j]!);
  const issues: PlanIssue[] = [];
  let status: PlanStatus;
  if (search.bestValues[0]! > 0) {
    status = 'infeasible';
    const broken: string[] = [];
    for (let j = 0; j < pr.n; j++) {
      if (pr.pinStart[j]! < 0) continue;
      let ok = search.bestStart[j] === pr.pinStart[j];
      for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
        if (search.bestFinish[pr.predIdx[y]!]! + pr.predLag[y]! > pr.pinStart[j]!) ok = false;
      if (!ok) broken.push(pr.ids[j]!);
    }
    issues.push({
      kind: 'pin-violated',
      activities: broken,
      message: `No plan was found that keeps every pin: ${broken.join(', ') || 'pinned activities'} cannot start where pinned.`,
    });
  } else if (search.isOptimal()) status = 'optimal';
  else if (search.stop === 'timedout') status = 'timedout';
  else if (search.stop === 'cancelled') status = 'cancelled';
  else status = 'feasible';
  return {
    status,
    activities,
    values: presentValues(pr, search.bestValues),
    makespan,
    issues,
    ...base,
  };
}

/**
 * Plans the activities: who does each one and when. Deterministic for a given `seed` and schedule
 * budget (a time budget makes the result depend on the machine's speed).
 */
export function plan(input: PlanInput, options: PlanOptions = {}): PlanResult {
  const run = begin(input, options);
  if (!('search' in run)) return run;
  while (run.search.step()) {
    // one generation per step
  }
  return end(run);
}

/** As `plan`, but yields to the event loop about every `yieldEveryMs` (default 25) so it can be cancelled. */
export async function planAsync(
  input: PlanInput,
  options: PlanOptions & { yieldEveryMs?: number } = {},
): Promise<PlanResult> {
  const run = begin(input, options);
  if (!('search' in run)) return run;
  const every = options.yieldEveryMs ?? 25;
  let last = run.now();
  while (run.search.step()) {
    if (run.now() - last >= every) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      last = run.now();
    }
  }
  return end(run);
}
