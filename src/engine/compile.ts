/**
 * Turns a PlanInput (ids, records) into the array-based Problem the scheduler works on, and finds
 * the reasons a plan cannot exist at all (unknown ids, cycles, nobody qualified, pins that clash).
 */
import type { Objective, PlanInput, PlanIssue } from './types';

export const EPS = 1e-9;

/** A person's calendar in a form that answers "how much work by period t" in O(log L). */
export interface CompiledCalendar {
  /** Periods 0..L-1 have explicit capacities; every later period has capacity `rate`. */
  length: number;
  caps: Float64Array;
  /** prefix[t] = work deliverable in periods [0, t), for t <= length. */
  prefix: Float64Array;
  /** nextWork[t] = first period >= t with capacity > 0, or `length` when none before it. */
  nextWork: Int32Array;
  rate: number;
}

export const OBJ_MAKESPAN = 0;
export const OBJ_TARDINESS = 1;
export const OBJ_BALANCE = 2;
export const OBJ_PREFERENCE = 3;
export const OBJ_COST = 4;
export const OBJ_STABILITY = 5;

const OBJECTIVE_CODE: Record<Objective, number> = {
  makespan: OBJ_MAKESPAN,
  tardiness: OBJ_TARDINESS,
  balance: OBJ_BALANCE,
  preference: OBJ_PREFERENCE,
  cost: OBJ_COST,
  stability: OBJ_STABILITY,
};

/** Default of `PlanInput.personChangeCost`. */
export const PERSON_CHANGE_COST = 40;

export interface Problem {
  n: number;
  ids: string[];
  work: Int32Array;
  /** Predecessors / successors in CSR form with lags. */
  predStart: Int32Array;
  predIdx: Int32Array;
  predLag: Int32Array;
  succStart: Int32Array;
  succIdx: Int32Array;
  succLag: Int32Array;
  /** A topological order and each activity's rank in it. */
  topo: Int32Array;
  topoRank: Int32Array;
  release: Int32Array;
  /** Soft due date, Infinity when none. */
  deadline: Float64Array;
  weight: Float64Array;
  /** Renewable resources. */
  k: number;
  resourceIds: string[];
  capacity: Int32Array;
  demStart: Int32Array;
  demRes: Int32Array;
  demAmt: Int32Array;
  /** People. */
  p: number;
  personIds: string[];
  needsPerson: Uint8Array;
  qualStart: Int32Array;
  qualIdx: Int32Array;
  /** How many activities each person is qualified for (a versatile person is kept for later). */
  versatility: Int32Array;
  calendars: (CompiledCalendar | null)[];
  /** Long-run capacity per period of each person (1 for full time). */
  nominal: Float64Array;
  rate: Float64Array;
  /** Preference weight of person p for activity j's skill: prefOf[j * p + person]. */
  preference: Float64Array;
  hasPreference: boolean;
  /** Pins: -1 when not pinned. */
  pinPerson: Int32Array;
  pinStart: Int32Array;
  hasPins: boolean;
  /** The plan in force (`Activity.current`): -1 when none. */
  curPerson: Int32Array;
  curStart: Int32Array;
  /** Some activity has a current person or start, and 'stability' is an objective. */
  hasCurrent: boolean;
  /** Stability cost of handing an activity to someone other than its current person. */
  changeCost: number;
  hasCalendars: boolean;
  hasReleases: boolean;
  objectives: Objective[];
  objectiveCodes: Int8Array;
  /** Upper bound on the periods a schedule can reach without calendars (grown on demand otherwise). */
  horizonHint: number;
}

export type CompileOutcome =
  { ok: true; problem: Problem } | { ok: false; status: 'infeasible' | 'invalid'; issues: PlanIssue[] };

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

export function compileCalendar(
  cal: { capacity?: number; periods?: number[]; daysOff?: number[] } | undefined,
): CompiledCalendar | null | 'bad' {
  if (!cal) return null;
  const rate = cal.capacity ?? 1;
  if (!(rate >= 0 && rate <= 1)) return 'bad';
  const periods = cal.periods ?? [];
  const daysOff = cal.daysOff ?? [];
  let length = periods.length;
  for (const d of daysOff) {
    if (!isInt(d) || d < 0) return 'bad';
    length = Math.max(length, d + 1);
  }
  const caps = new Float64Array(length);
  for (let t = 0; t < length; t++) {
    const c = t < periods.length ? periods[t]! : rate;
    if (!(c >= 0 && c <= 1)) return 'bad';
    caps[t] = c;
  }
  for (const d of daysOff) caps[d] = 0;
  let trivial = rate === 1;
  for (let t = 0; t < length && trivial; t++) if (caps[t] !== 1) trivial = false;
  if (trivial) return null;
  const prefix = new Float64Array(length + 1);
  for (let t = 0; t < length; t++) prefix[t + 1] = prefix[t]! + caps[t]!;
  const nextWork = new Int32Array(length + 1);
  nextWork[length] = length;
  for (let t = length - 1; t >= 0; t--) nextWork[t] = caps[t]! > 0 ? t : nextWork[t + 1]!;
  return { length, caps, prefix, nextWork, rate };
}

/** Work a calendar delivers in [0, t). */
export function workBefore(cal: CompiledCalendar, t: number): number {
  if (t <= cal.length) return cal.prefix[t]!;
  return cal.prefix[cal.length]! + (t - cal.length) * cal.rate;
}

/** First working period >= t, or Infinity when the person never works again. */
export function nextWorking(cal: CompiledCalendar, t: number): number {
  if (t < cal.length) {
    const w = cal.nextWork[t]!;
    if (w < cal.length) return w;
    return cal.rate > 0 ? cal.length : Infinity;
  }
  return cal.rate > 0 ? t : Infinity;
}

/** Smallest finish e such that the work in [s, e) reaches `work`, or Infinity. */
export function finishFrom(cal: CompiledCalendar, s: number, work: number): number {
  if (work <= 0) return s;
  const target = workBefore(cal, s) + work - EPS;
  const total = cal.prefix[cal.length]!;
  if (target <= total) {
    let lo = s + 1;
    let hi = cal.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cal.prefix[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  if (cal.rate <= 0) return Infinity;
  const base = Math.max(s, cal.length);
  return base + Math.ceil((target - workBefore(cal, base)) / cal.rate - EPS);
}

/** Finds one cycle in the precedence graph (as activity indices, first repeated at the end). */
function findCycle(n: number, succ: number[][], inCycleCandidate: Uint8Array): number[] {
  const color = new Uint8Array(n);
  const parent = new Int32Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (!inCycleCandidate[root] || color[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    color[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      const list = succ[v]!;
      if (i < list.length) {
        top[1] = i + 1;
        const w = list[i]!;
        if (color[w] === 1) {
          const cycle = [w];
          let x = v;
          while (x !== w && x >= 0) {
            cycle.push(x);
            x = parent[x]!;
          }
          cycle.push(w);
          return cycle.reverse();
        }
        if (color[w] === 0) {
          color[w] = 1;
          parent[w] = v;
          stack.push([w, 0]);
        }
      } else {
        color[v] = 2;
        stack.pop();
      }
    }
  }
  return [];
}

export function compile(input: PlanInput): CompileOutcome {
  const invalid: PlanIssue[] = [];
  const infeasible: PlanIssue[] = [];
  const acts = input.activities;
  const n = acts.length;
  const index = new Map<string, number>();
  acts.forEach((a, i) => {
    if (index.has(a.id))
      invalid.push({
        kind: 'duplicate-id',
        activities: [a.id],
        message: `Activity id ${a.id} is used twice.`,
      });
    else index.set(a.id, i);
  });
  const resources = input.resources ?? [];
  const resIndex = new Map<string, number>();
  resources.forEach((r, i) => {
    if (resIndex.has(r.id))
      invalid.push({
        kind: 'duplicate-id',
        activities: [],
        related: [r.id],
        message: `Resource id ${r.id} is used twice.`,
      });
    else resIndex.set(r.id, i);
    if (!isInt(r.capacity) || r.capacity < 0)
      invalid.push({
        kind: 'bad-number',
        activities: [],
        related: [r.id],
        message: `Resource ${r.id} needs a whole, non-negative capacity.`,
      });
  });
  const people = input.people ?? [];
  const personIndex = new Map<string, number>();
  const calendars: (CompiledCalendar | null)[] = [];
  people.forEach((p, i) => {
    if (personIndex.has(p.id))
      invalid.push({
        kind: 'duplicate-id',
        activities: [],
        related: [p.id],
        message: `Person id ${p.id} is used twice.`,
      });
    else personIndex.set(p.id, i);
    const cal = compileCalendar(p.calendar);
    if (cal === 'bad') {
      invalid.push({
        kind: 'bad-number',
        activities: [],
        related: [p.id],
        message: `The calendar of ${p.id} needs capacities between 0 and 1 and whole, non-negative days off.`,
      });
      calendars.push(null);
    } else calendars.push(cal);
  });

  const work = new Int32Array(n);
  const release = new Int32Array(n);
  const deadline = new Float64Array(n).fill(Infinity);
  const weight = new Float64Array(n).fill(1);
  const pinPerson = new Int32Array(n).fill(-1);
  const pinStart = new Int32Array(n).fill(-1);
  const curPerson = new Int32Array(n).fill(-1);
  const curStart = new Int32Array(n).fill(-1);
  const changeCost = input.personChangeCost ?? PERSON_CHANGE_COST;
  if (!isInt(changeCost) || changeCost < 0)
    invalid.push({
      kind: 'bad-number',
      activities: [],
      message: 'The cost of a change of person needs to be a whole, non-negative number.',
    });
  const preds: number[][] = [];
  const lags: number[][] = [];
  const succs: number[][] = Array.from({ length: n }, () => []);
  const dem: [number, number][][] = [];
  const qual: number[][] = [];
  const needsPerson = new Uint8Array(n);

  for (let j = 0; j < n; j++) {
    const a = acts[j]!;
    if (!isInt(a.duration) || a.duration < 0)
      invalid.push({
        kind: 'bad-number',
        activities: [a.id],
        message: `Activity ${a.id} needs a whole, non-negative duration.`,
      });
    work[j] = Math.max(0, Math.floor(a.duration || 0));
    if (a.release !== undefined) {
      if (!isInt(a.release) || a.release < 0)
        invalid.push({
          kind: 'bad-number',
          activities: [a.id],
          message: `Activity ${a.id} needs a whole, non-negative release date.`,
        });
      else release[j] = a.release;
    }
    if (a.deadline !== undefined) {
      if (typeof a.deadline !== 'number' || !Number.isFinite(a.deadline))
        invalid.push({
          kind: 'bad-number',
          activities: [a.id],
          message: `Activity ${a.id} has a bad deadline.`,
        });
      else deadline[j] = a.deadline;
    }
    if (a.weight !== undefined) {
      if (!(a.weight >= 0))
        invalid.push({
          kind: 'bad-number',
          activities: [a.id],
          message: `Activity ${a.id} needs a non-negative weight.`,
        });
      else weight[j] = a.weight;
    }
    const pl: number[] = [];
    const ll: number[] = [];
    for (const link of a.predecessors ?? []) {
      const pid = typeof link === 'string' ? link : link.activity;
      const lag = typeof link === 'string' ? 0 : (link.lag ?? 0);
      const i = index.get(pid);
      if (i === undefined) {
        invalid.push({
          kind: 'unknown-activity',
          activities: [a.id],
          related: [pid],
          message: `Activity ${a.id} follows ${pid}, which is not in the plan.`,
        });
        continue;
      }
      if (!isInt(lag)) {
        invalid.push({
          kind: 'bad-number',
          activities: [a.id],
          message: `A lag of ${a.id} is not a whole number.`,
        });
        continue;
      }
      pl.push(i);
      ll.push(lag);
      succs[i]!.push(j);
    }
    preds.push(pl);
    lags.push(ll);
    const dl: [number, number][] = [];
    for (const [rid, amount] of Object.entries(a.demands ?? {})) {
      const k = resIndex.get(rid);
      if (k === undefined) {
        invalid.push({
          kind: 'unknown-resource',
          activities: [a.id],
          related: [rid],
          message: `Activity ${a.id} uses ${rid}, which is not a resource.`,
        });
        continue;
      }
      if (!isInt(amount) || amount < 0) {
        invalid.push({
          kind: 'bad-number',
          activities: [a.id],
          related: [rid],
          message: `Activity ${a.id} needs a whole, non-negative amount of ${rid}.`,
        });
        continue;
      }
      if (amount === 0) continue;
      const cap = resources[k]!.capacity;
      if (amount > cap)
        infeasible.push({
          kind: 'demand-exceeds-capacity',
          activities: [a.id],
          related: [rid],
          message: `Activity ${a.id} needs ${amount} of ${rid}, but only ${cap} exist.`,
        });
      dl.push([k, amount]);
    }
    dem.push(dl);

    let q: number[] = [];
    if (a.skill) {
      const level = a.skill.level ?? 0;
      let bestLevel = -Infinity;
      people.forEach((p, pi) => {
        const has = p.skills[a.skill!.skill];
        if (has !== undefined) {
          bestLevel = Math.max(bestLevel, has);
          if (has >= level) q.push(pi);
        }
      });
      if (q.length === 0)
        infeasible.push({
          kind: 'no-qualified-person',
          activities: [a.id],
          related: [a.skill.skill],
          message:
            bestLevel === -Infinity
              ? `Nobody has the skill ${a.skill.skill} that ${a.id} needs.`
              : `Nobody has ${a.skill.skill} at level ${level} or above (the best is ${bestLevel}), which ${a.id} needs.`,
        });
      needsPerson[j] = 1;
    }
    if (a.pin?.person !== undefined) {
      const pi = personIndex.get(a.pin.person);
      if (pi === undefined) {
        invalid.push({
          kind: 'unknown-person',
          activities: [a.id],
          related: [a.pin.person],
          message: `Activity ${a.id} is pinned to ${a.pin.person}, who is not in the plan.`,
        });
      } else {
        if (a.skill && !q.includes(pi))
          infeasible.push({
            kind: 'pinned-person-unqualified',
            activities: [a.id],
            related: [a.pin.person, a.skill.skill],
            message: `Activity ${a.id} is pinned to ${a.pin.person}, who lacks ${a.skill.skill} at level ${a.skill.level ?? 0}.`,
          });
        pinPerson[j] = pi;
        q = [pi];
        needsPerson[j] = 1;
      }
    }
    if (a.pin?.start !== undefined) {
      if (!isInt(a.pin.start) || a.pin.start < 0)
        invalid.push({
          kind: 'bad-number',
          activities: [a.id],
          message: `Activity ${a.id} is pinned to a start that is not a whole, non-negative period.`,
        });
      else {
        pinStart[j] = a.pin.start;
        if (a.pin.start < release[j]!)
          infeasible.push({
            kind: 'pin-before-release',
            activities: [a.id],
            message: `Activity ${a.id} is pinned to start at ${a.pin.start}, before its release date ${release[j]}.`,
          });
      }
    }
    if (a.current?.person !== undefined) {
      const pi = personIndex.get(a.current.person);
      if (pi === undefined)
        invalid.push({
          kind: 'unknown-person',
          activities: [a.id],
          related: [a.current.person],
          message: `Activity ${a.id} is currently with ${a.current.person}, who is not in the plan.`,
        });
      else curPerson[j] = pi;
    }
    if (a.current?.start !== undefined) {
      if (!isInt(a.current.start) || a.current.start < 0)
        invalid.push({
          kind: 'bad-number',
          activities: [a.id],
          message: `Activity ${a.id} has a current start that is not a whole, non-negative period.`,
        });
      else curStart[j] = a.current.start;
    }
    // people who can never deliver this much work are not candidates
    if (needsPerson[j] && work[j]! > 0 && q.length > 0) {
      const usable = q.filter((pi) => {
        const cal = calendars[pi];
        return !cal || cal.rate > 0 || cal.prefix[cal.length]! >= work[j]! - EPS;
      });
      if (usable.length === 0)
        infeasible.push({
          kind: 'no-working-time',
          activities: [a.id],
          related: q.map((pi) => people[pi]!.id),
          message: `No qualified person has enough working time left in their calendar for ${a.id}.`,
        });
      q = usable;
    }
    qual.push(q);
  }
  if (invalid.length > 0) return { ok: false, status: 'invalid', issues: invalid };

  // topological order (Kahn); leftovers lie on or behind a cycle
  const indeg = new Int32Array(n);
  for (let j = 0; j < n; j++) indeg[j] = preds[j]!.length;
  const topo = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let j = 0; j < n; j++) if (indeg[j] === 0) topo[tail++] = j;
  while (head < tail) {
    const v = topo[head++]!;
    for (const w of succs[v]!) if (--indeg[w]! === 0) topo[tail++] = w;
  }
  if (tail < n) {
    const left = new Uint8Array(n);
    for (let j = 0; j < n; j++) if (indeg[j]! > 0) left[j] = 1;
    const cycle = findCycle(n, succs, left);
    const names = cycle.map((j) => acts[j]!.id);
    infeasible.push({
      kind: 'precedence-cycle',
      activities: names,
      message: `The activities wait for each other in a circle: ${names.join(' → ')}.`,
    });
    return { ok: false, status: 'infeasible', issues: infeasible };
  }
  const topoRank = new Int32Array(n);
  for (let r = 0; r < n; r++) topoRank[topo[r]!] = r;

  // earliest starts by precedence alone: pins may not be earlier than their predecessors allow
  const es = new Float64Array(n);
  const why = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    const j = topo[r]!;
    let e = release[j]!;
    const pl = preds[j]!;
    for (let x = 0; x < pl.length; x++) {
      const i = pl[x]!;
      const f = es[i]! + work[i]! + lags[j]![x]!;
      if (f > e) {
        e = f;
        why[j] = i;
      }
    }
    if (pinStart[j]! >= 0) {
      if (pinStart[j]! < e) {
        const chain: string[] = [acts[j]!.id];
        for (let x = why[j]!; x >= 0; x = why[x]!) chain.unshift(acts[x]!.id);
        infeasible.push({
          kind: 'pin-before-predecessors',
          activities: chain,
          message: `Activity ${acts[j]!.id} is pinned to start at ${pinStart[j]}, but its predecessors (${chain.slice(0, -1).join(' → ')}) cannot finish before ${e}.`,
        });
      }
      e = pinStart[j]!;
      why[j] = -1;
    }
    es[j] = e;
  }
  // pins of the same person that overlap, and pins on a day off
  const pinnedByPerson = new Map<number, number[]>();
  for (let j = 0; j < n; j++) {
    if (pinPerson[j]! >= 0 && pinStart[j]! >= 0 && work[j]! > 0) {
      const list = pinnedByPerson.get(pinPerson[j]!) ?? [];
      list.push(j);
      pinnedByPerson.set(pinPerson[j]!, list);
      const cal = calendars[pinPerson[j]!];
      if (cal && nextWorking(cal, pinStart[j]!) !== pinStart[j]!)
        infeasible.push({
          kind: 'pin-on-day-off',
          activities: [acts[j]!.id],
          related: [people[pinPerson[j]!]!.id],
          message: `Activity ${acts[j]!.id} is pinned to start at ${pinStart[j]}, when ${people[pinPerson[j]!]!.id} is not working.`,
        });
    }
  }
  for (const [pi, list] of pinnedByPerson) {
    const cal = calendars[pi] ?? null;
    const span = (j: number): [number, number] => {
      const s = pinStart[j]!;
      return [s, cal ? finishFrom(cal, s, work[j]!) : s + work[j]!];
    };
    list.sort((a, b) => pinStart[a]! - pinStart[b]!);
    for (let x = 1; x < list.length; x++) {
      const a = list[x - 1]!;
      const b = list[x]!;
      if (span(a)[1] > span(b)[0])
        infeasible.push({
          kind: 'pins-overlap',
          activities: [acts[a]!.id, acts[b]!.id],
          related: [people[pi]!.id],
          message: `${acts[a]!.id} and ${acts[b]!.id} are both pinned to ${people[pi]!.id} at overlapping times.`,
        });
    }
  }
  if (infeasible.length > 0) return { ok: false, status: 'infeasible', issues: infeasible };

  // CSR arrays
  const csr = (lists: number[][]): [Int32Array, Int32Array] => {
    const start = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) start[j + 1] = start[j]! + lists[j]!.length;
    const idx = new Int32Array(start[n]!);
    for (let j = 0; j < n; j++) idx.set(lists[j]!, start[j]);
    return [start, idx];
  };
  const [predStart, predIdx] = csr(preds);
  const [, predLagArr] = csr(lags);
  const succLists: number[][] = Array.from({ length: n }, () => []);
  const succLagLists: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < n; j++)
    preds[j]!.forEach((i, x) => {
      succLists[i]!.push(j);
      succLagLists[i]!.push(lags[j]![x]!);
    });
  const [succStart, succIdx] = csr(succLists);
  const [, succLag] = csr(succLagLists);
  const demStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) demStart[j + 1] = demStart[j]! + dem[j]!.length;
  const demRes = new Int32Array(demStart[n]!);
  const demAmt = new Int32Array(demStart[n]!);
  for (let j = 0; j < n; j++)
    dem[j]!.forEach(([k, a], x) => {
      demRes[demStart[j]! + x] = k;
      demAmt[demStart[j]! + x] = a;
    });
  const [qualStart, qualIdx] = csr(qual);
  const P = people.length;
  const versatility = new Int32Array(P);
  for (let x = 0; x < qualIdx.length; x++) versatility[qualIdx[x]!]!++;

  const objectives: Objective[] =
    input.objectives && input.objectives.length > 0 ? input.objectives : ['makespan'];
  const objectiveCodes = Int8Array.from(objectives.map((o) => OBJECTIVE_CODE[o]));
  let hasPreference = false;
  const preference = new Float64Array(objectives.includes('preference') ? n * P : 0);
  if (preference.length > 0)
    for (let j = 0; j < n; j++) {
      const skill = acts[j]!.skill?.skill;
      if (skill === undefined) continue;
      for (let pi = 0; pi < P; pi++) {
        const w = people[pi]!.preferences?.[skill] ?? 0;
        preference[j * P + pi] = w;
        if (w !== 0) hasPreference = true;
      }
    }
  const nominal = new Float64Array(P);
  const rate = new Float64Array(P);
  let hasCalendars = false;
  for (let pi = 0; pi < P; pi++) {
    const cal = calendars[pi] ?? null;
    if (cal) hasCalendars = true;
    nominal[pi] = cal ? cal.rate || 1 : 1;
    rate[pi] = people[pi]!.rate ?? 0;
  }
  let horizonHint = 1;
  let maxRelease = 0;
  for (let j = 0; j < n; j++) {
    horizonHint += work[j]!;
    for (let x = predStart[j]!; x < predStart[j + 1]!; x++) horizonHint += Math.max(0, predLagArr[x]!);
    maxRelease = Math.max(maxRelease, release[j]!, pinStart[j]! + work[j]!);
  }
  horizonHint += maxRelease;

  return {
    ok: true,
    problem: {
      n,
      ids: acts.map((a) => a.id),
      work,
      predStart,
      predIdx,
      predLag: predLagArr,
      succStart,
      succIdx,
      succLag,
      topo,
      topoRank,
      release,
      deadline,
      weight,
      k: resources.length,
      resourceIds: resources.map((r) => r.id),
      capacity: Int32Array.from(resources.map((r) => r.capacity)),
      demStart,
      demRes,
      demAmt,
      p: P,
      personIds: people.map((p) => p.id),
      needsPerson,
      qualStart,
      qualIdx,
      versatility,
      calendars,
      nominal,
      rate,
      preference,
      hasPreference,
      pinPerson,
      pinStart,
      hasPins: pinPerson.some((x) => x >= 0) || pinStart.some((x) => x >= 0),
      curPerson,
      curStart,
      hasCurrent:
        objectives.includes('stability') && (curPerson.some((x) => x >= 0) || curStart.some((x) => x >= 0)),
      changeCost,
      hasCalendars,
      hasReleases: release.some((x) => x > 0),
      objectives,
      objectiveCodes,
      horizonHint,
    },
  };
}
