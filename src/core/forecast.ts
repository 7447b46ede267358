/**
 * Deadline forecasting by Monte Carlo simulation of the current plan (pure, seeded).
 *
 * Each run replays the schedule (core/schedule.ts) with each task's work × a ratio of actual to
 * estimated hours drawn from the history of its person (when they have at least `minPersonSamples`
 * finished tasks with logged time) or else of the whole organization. A task starts when its planned
 * start comes (never before today, to the hour), its predecessors have finished, and its person has
 * finished the work queued before it (in order of planned start) — the work of the same kind: a plan
 * lays its tasks hour by hour around the person's other work (tasks spread over their dates), so a
 * laid task queues behind the person's laid tasks only, and a spread task behind spread ones; both
 * share the person's days as the schedule has them. A task the applied plan laid takes
 * its planned span of working time × the ratio — at a ratio of 1 it ends exactly when the plan says;
 * a task spread over its dates takes its hours × the ratio at its person's hours per day and ends no
 * earlier than its planned end (its dates are the commitment); a task without dates or person starts
 * today (8 h a day when nobody is assigned). So with no history of overruns the forecast is the plan,
 * unless the plan puts more work on someone than their hours allow. A project is on time in a run
 * when its last task finishes on or before the deadline.
 *
 * The tasks that drive the risk: in the bad runs (late ones, or without a deadline the slowest fifth),
 * the chain of tasks that made the project's last task finish when it did — each link the predecessor
 * or the same person's earlier task it waited for. A task's share is how many bad runs it lies on.
 */
import { dateOf, dayNumber, isWorkdayNumber } from './workdays';

export interface ForecastTask {
  id: string;
  projectId: string | null;
  personId: string | null;
  /** Remaining hours at the estimate. */
  hours: number;
  plannedStart: string | null;
  /**
   * Where the schedule has it, in working time (day number + calendar hour / 8); `isLaid` when the
   * applied plan laid it hour by hour. Absent: it starts at `plannedStart` (or today).
   */
  planned?: { start: number; finish: number; isLaid: boolean } | undefined;
  deadline: string | null;
  dependsOn: readonly string[];
}

export interface ForecastPerson {
  id: string;
  hoursPerDay: number;
  daysOff: ReadonlySet<string>;
}

export interface RatioHistory {
  byPerson: ReadonlyMap<string, readonly number[]>;
  organization: readonly number[];
}

export interface ForecastOptions {
  today: string;
  runs?: number;
  seed?: number;
  minPersonSamples?: number;
}

export interface ProjectOutlook {
  /** Chance to finish by the deadline; null without a deadline. */
  probability: number | null;
  /** When the schedule has the project's last task end; null when none of its tasks has dates. */
  planEnd: string | null;
  /** When it ends replayed at the estimates (every ratio 1): later than the plan when someone is overbooked. */
  estimateEnd: string;
  p50: string;
  p80: string;
  p95: string;
  /** Chance to be done by each date (at most 60 points). */
  curve: { date: string; probability: number }[];
  drivers: { taskId: string; share: number }[];
}

export interface Forecast {
  runs: number;
  /** Chance each task with a deadline finishes by it. */
  taskOnTime: Map<string, number>;
  /** Median finish date of every task. */
  taskP50: Map<string, string>;
  project(projectId: string, deadline: string | null): ProjectOutlook | null;
}

/** Ratios outside this range are data-entry slips, not history. */
const MIN_RATIO = 0.2;
const MAX_RATIO = 5;
const FALLBACK_HOURS_PER_DAY = 8;
const MAX_DAYS = 3650;

export function clampRatio(ratio: number): number {
  // NaN (0 ÷ 0) says nothing about the estimates: take them as right
  if (Number.isNaN(ratio)) return 1;
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
}

/** mulberry32: small, fast and good enough for sampling. */
function random(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function forecast(
  tasks: readonly ForecastTask[],
  people: readonly ForecastPerson[],
  history: RatioHistory,
  options: ForecastOptions,
): Forecast {
  const runs = options.runs ?? 500;
  const rand = random(options.seed ?? 1);
  const minSamples = options.minPersonSamples ?? 3;
  const n = tasks.length;
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const todayDay = dayNumber(options.today);

  // per task: person index (-1 none), release time, predecessors, ratio pool
  const personOf = new Int32Array(n).fill(-1);
  const release = new Float64Array(n);
  const preds: number[][] = [];
  const pools: (readonly number[])[] = [];
  const orgPool = history.organization.length > 0 ? history.organization.map(clampRatio) : [1];
  const personPools = new Map<string, number[]>();
  for (const [id, list] of history.byPerson)
    if (list.length >= minSamples) personPools.set(id, list.map(clampRatio));
  tasks.forEach((t, i) => {
    const p = t.personId === null ? undefined : personIndex.get(t.personId);
    personOf[i] = p ?? -1;
    const start = t.planned ? t.planned.start : t.plannedStart ? dayNumber(t.plannedStart) : todayDay;
    release[i] = Math.max(todayDay, start);
    preds.push(t.dependsOn.map((d) => index.get(d)).filter((x): x is number => x !== undefined));
    pools.push((t.personId !== null && personPools.get(t.personId)) || orgPool);
  });

  const order = processingOrder(tasks, preds, personOf);

  // calendars: whether day d is a working day of person p
  const works = (p: number, day: number): boolean => {
    if (!isWorkdayNumber(day)) return false;
    if (p < 0) return true;
    const off = people[p]!.daysOff;
    return off.size === 0 || !off.has(dateOf(day));
  };
  const hoursPerDay = (p: number): number =>
    p < 0 || !(people[p]!.hoursPerDay > 0) ? FALLBACK_HOURS_PER_DAY : people[p]!.hoursPerDay;
  const advance = (p: number, t: number, hours: number): number => {
    let day = Math.floor(t);
    let frac = t - day;
    const perDay = hoursPerDay(p);
    for (let guard = 0; guard < MAX_DAYS; guard++, day++, frac = 0) {
      if (!works(p, day)) continue;
      const available = perDay * (1 - frac);
      if (hours <= available + 1e-9) return day + frac + hours / perDay;
      hours -= available;
    }
    return day;
  };

  /** Working time (in days of 8 calendar hours) from `t` to `until` on the person's calendar. */
  const workTime = (p: number, t: number, until: number): number => {
    let sum = 0;
    for (let day = Math.floor(t), guard = 0; day < until && guard < MAX_DAYS; day++, guard++)
      if (works(p, day)) sum += Math.min(until, day + 1) - Math.max(t, day);
    return sum;
  };
  /** The time at which `span` working time from `t` ends. */
  const advanceSpan = (p: number, t: number, span: number): number => {
    let day = Math.floor(t);
    let frac = t - day;
    for (let guard = 0; guard < MAX_DAYS; guard++, day++, frac = 0) {
      if (!works(p, day)) continue;
      if (span <= 1 - frac + 1e-12) return day + frac + span;
      span -= 1 - frac;
    }
    return day;
  };
  const span = tasks.map((t, i) =>
    t.planned?.isLaid ? workTime(personOf[i]!, t.planned.start, t.planned.finish) : 0,
  );
  const finishOf = (i: number, start: number, ratio: number): number => {
    const t = tasks[i]!;
    const q = personOf[i]!;
    if (t.planned?.isLaid && q >= 0) return advanceSpan(q, start, span[i]! * ratio);
    const end = advance(q, start, Math.max(0, t.hours) * ratio);
    return t.planned ? Math.max(end, t.planned.finish) : end;
  };
  /** The last day a finish time falls on (work ending at the end of a day ends that day). */
  const dayOfFinish = (end: number) => Math.max(todayDay, Math.ceil(end - 1e-9) - 1);

  const projectTasks = new Map<string, number[]>();
  tasks.forEach((t, i) => {
    if (t.projectId !== null) projectTasks.set(t.projectId, [...(projectTasks.get(t.projectId) ?? []), i]);
  });
  const finishDays: Int32Array[] = []; // per run: finish day of each task
  const bindings: Int32Array[] = [];
  const taskOnTimeCount = new Float64Array(n);
  const finish = new Float64Array(n);
  const binding = new Int32Array(n);
  // per person and lane (laid by a plan: 0; spread over its dates or unplanned: 1)
  const personFree = new Float64Array(2 * people.length);
  const personLast = new Int32Array(2 * people.length);
  const lane = (i: number) => 2 * personOf[i]! + (tasks[i]!.planned?.isLaid ? 0 : 1);
  const keepRuns = n * runs <= 20_000_000; // memory bound for the per-run detail
  const deadlineDay = tasks.map((t) => (t.deadline ? dayNumber(t.deadline) : Infinity));
  // run -1 replays the schedule at the estimates (every ratio 1), without counting as a sample
  const atEstimate = new Int32Array(n);
  for (let r = -1; r < runs; r++) {
    personFree.fill(todayDay);
    personLast.fill(-1);
    for (const i of order) {
      let start = release[i]!;
      let bind = -1;
      for (const p of preds[i]!)
        if (finish[p]! > start) {
          start = finish[p]!;
          bind = p;
        }
      const q = personOf[i]!;
      const l = q >= 0 ? lane(i) : -1;
      if (l >= 0 && personFree[l]! > start) {
        start = personFree[l]!;
        bind = personLast[l]!;
      }
      const pool = pools[i]!;
      const ratio = r < 0 ? 1 : pool[Math.floor(rand() * pool.length)]!;
      const end = finishOf(i, start, ratio);
      finish[i] = end;
      binding[i] = bind;
      if (l >= 0) {
        personFree[l] = end;
        personLast[l] = i;
      }
      if (r >= 0 && dayOfFinish(end) <= deadlineDay[i]!) taskOnTimeCount[i]!++;
    }
    if (r < 0) {
      for (let i = 0; i < n; i++) atEstimate[i] = dayOfFinish(finish[i]!);
      continue;
    }
    if (keepRuns) {
      const days = new Int32Array(n);
      for (let i = 0; i < n; i++) days[i] = dayOfFinish(finish[i]!);
      finishDays.push(days);
      bindings.push(Int32Array.from(binding));
    }
  }

  const taskOnTime = new Map<string, number>();
  const taskP50 = new Map<string, string>();
  tasks.forEach((t, i) => {
    if (t.deadline) taskOnTime.set(t.id, taskOnTimeCount[i]! / runs);
    if (keepRuns) {
      const days = finishDays.map((d) => d[i]!).sort((a, b) => a - b);
      taskP50.set(t.id, dateOf(days[Math.floor(0.5 * (days.length - 1))]!));
    }
  });

  return {
    runs,
    taskOnTime,
    taskP50,
    project(projectId, deadline) {
      const members = projectTasks.get(projectId);
      if (!members || members.length === 0 || !keepRuns) return null;
      const ends = finishDays.map((days) => {
        let last = members[0]!;
        for (const i of members) if (days[i]! > days[last]!) last = i;
        return { day: days[last]!, last };
      });
      const sorted = ends.map((e) => e.day).sort((a, b) => a - b);
      const at = (q: number) =>
        dateOf(sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!);
      const due = deadline ? dayNumber(deadline) : null;
      const onTime = due === null ? null : ends.filter((e) => e.day <= due).length / runs;
      const cut =
        due !== null && onTime !== null && onTime < 1 ? due : sorted[Math.floor(0.8 * (sorted.length - 1))]!;
      const bad = ends
        .map((e, r) => ({ ...e, r }))
        .filter((e) => (due !== null && onTime! < 1 ? e.day > cut : e.day >= cut));
      const counts = new Map<number, number>();
      for (const e of bad) {
        const seen = new Set<number>();
        for (let i = e.last, guard = 0; i >= 0 && !seen.has(i) && guard < n; guard++) {
          seen.add(i);
          counts.set(i, (counts.get(i) ?? 0) + 1);
          i = bindings[e.r]![i]!;
        }
      }
      const drivers = [...counts.entries()]
        .map(([i, c]) => ({ taskId: tasks[i]!.id, share: bad.length > 0 ? c / bad.length : 0 }))
        .sort((a, b) => b.share - a.share || a.taskId.localeCompare(b.taskId))
        .slice(0, 5);
      // the chance to be done by each date, from the first possible finish to the last
      const curve: { date: string; probability: number }[] = [];
      const firstDay = sorted[0]!;
      const lastDay = sorted[sorted.length - 1]!;
      const step = Math.max(1, Math.ceil((lastDay - firstDay + 1) / 60));
      let k = 0;
      for (let d = firstDay; d <= lastDay + step - 1; d += step) {
        while (k < sorted.length && sorted[k]! <= d) k++;
        curve.push({ date: dateOf(Math.min(d, lastDay)), probability: k / sorted.length });
      }
      const planned = members.filter((i) => tasks[i]!.planned);
      const planEnd =
        planned.length === 0
          ? null
          : dateOf(Math.max(...planned.map((i) => dayOfFinish(tasks[i]!.planned!.finish))));
      const estimateEnd = dateOf(Math.max(...members.map((i) => atEstimate[i]!)));
      return {
        probability: onTime,
        planEnd,
        estimateEnd,
        p50: at(0.5),
        p80: at(0.8),
        p95: at(0.95),
        curve,
        drivers,
      };
    },
  };
}

/** Where a task's person takes it up: its planned start to the hour, its start date, or last. */
function startKey(t: ForecastTask): number {
  if (t.planned) return t.planned.start;
  return t.plannedStart ? dayNumber(t.plannedStart) : Number.MAX_SAFE_INTEGER;
}

/**
 * An order in which every task comes after its predecessors and after the same person's tasks of
 * its lane planned before it. When the two disagree (a person's earlier-planned task waits for a later one), the
 * dependency wins.
 */
function processingOrder(tasks: readonly ForecastTask[], preds: number[][], personOf: Int32Array): number[] {
  const n = tasks.length;
  const byPerson = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const q = personOf[i]!;
    // one queue per person and lane, as the replay has them
    const l = 2 * q + (tasks[i]!.planned?.isLaid ? 0 : 1);
    if (q >= 0) byPerson.set(l, [...(byPerson.get(l) ?? []), i]);
  }
  const key = (i: number) => startKey(tasks[i]!);
  const personPrev = new Int32Array(n).fill(-1);
  for (const list of byPerson.values()) {
    list.sort(
      (a, b) =>
        key(a) - key(b) ||
        (tasks[a]!.deadline ?? '9999').localeCompare(tasks[b]!.deadline ?? '9999') ||
        a - b,
    );
    for (let x = 1; x < list.length; x++) personPrev[list[x]!] = list[x - 1]!;
  }
  const done = new Uint8Array(n);
  const order: number[] = [];
  const succ: number[][] = Array.from({ length: n }, () => []);
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (const p of preds[i]!) {
      succ[p]!.push(i);
      waiting[i]!++;
    }
    if (personPrev[i]! >= 0) {
      succ[personPrev[i]!]!.push(i);
      waiting[i]!++;
    }
  }
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) ready.push(i);
  const release = (i: number) => {
    for (const s of succ[i]!) if (--waiting[s]! === 0 && !done[s]) ready.push(s);
  };
  while (order.length < n) {
    let next = ready.pop();
    while (next !== undefined && done[next]) next = ready.pop();
    if (next === undefined) {
      // a person's order disagrees with the dependencies: take the earliest task whose predecessors are done
      let best = -1;
      for (let i = 0; i < n; i++)
        if (!done[i] && preds[i]!.every((p) => done[p]) && (best < 0 || key(i) < key(best))) best = i;
      if (best < 0) for (let i = 0; i < n && best < 0; i++) if (!done[i]) best = i;
      next = best;
    }
    done[next] = 1;
    order.push(next);
    release(next);
  }
  return order;
}

/**
 * The tasks whose simulation can move the given ones: their predecessors and, for each person, the
 * work queued before theirs — recursively. Simulating only these gives the same outcomes for the
 * given tasks, at a fraction of the cost in a large organization.
 */
export function forecastClosure(
  tasks: readonly ForecastTask[],
  targetIds: ReadonlySet<string>,
): ForecastTask[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const queues = new Map<string, ForecastTask[]>();
  for (const t of tasks)
    if (t.personId !== null) queues.set(t.personId, [...(queues.get(t.personId) ?? []), t]);
  for (const list of queues.values())
    list.sort(
      (a, b) => startKey(a) - startKey(b) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
    );
  const keep = new Set<string>();
  const stack = [...targetIds].filter((id) => byId.has(id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    const t = byId.get(id)!;
    for (const d of t.dependsOn) if (byId.has(d) && !keep.has(d)) stack.push(d);
    if (t.personId !== null) {
      const queue = queues.get(t.personId)!;
      for (const other of queue) {
        if (other === t) break;
        if (!keep.has(other.id)) stack.push(other.id);
      }
    }
  }
  return tasks.filter((t) => keep.has(t.id));
}
