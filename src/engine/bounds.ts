/**
 * Simple, valid lower bounds. Makespan: the critical path (precedence only), the energy of each
 * renewable resource, and for people the work that only a given group of people can do (all people;
 * every skill at every level). Tardiness: the lateness that the critical path alone forces, and that
 * the work of a group of people due by a time beyond what they can deliver by then forces.
 */
import { EPS, OBJ_MAKESPAN, OBJ_TARDINESS, workBefore, type Problem } from './compile';

/** Earliest start of every activity by precedence, releases and pinned starts alone. */
export function earliestStarts(pr: Problem): Float64Array {
  const es = new Float64Array(pr.n);
  for (let r = 0; r < pr.n; r++) {
    const j = pr.topo[r]!;
    let e = pr.release[j]!;
    for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++) {
      const i = pr.predIdx[y]!;
      e = Math.max(e, es[i]! + pr.work[i]! + pr.predLag[y]!);
    }
    if (pr.pinStart[j]! >= 0) e = Math.max(e, pr.pinStart[j]!);
    es[j] = Math.max(0, e);
  }
  return es;
}

export function criticalPathBound(pr: Problem): number {
  const es = earliestStarts(pr);
  let lb = 0;
  for (let j = 0; j < pr.n; j++) lb = Math.max(lb, es[j]! + pr.work[j]!);
  return lb;
}

/** Smallest T by which the given people can together deliver `work` units (their calendars included). */
function capacityBound(pr: Problem, people: number[], work: number): number {
  if (work <= 0 || people.length === 0) return 0;
  const by = (t: number): number => {
    let sum = 0;
    for (const q of people) {
      const cal = pr.calendars[q];
      sum += cal ? workBefore(cal, t) : t;
    }
    return sum;
  };
  let hi = 1;
  while (by(hi) < work - 1e-9) {
    hi *= 2;
    if (hi > 1e9) return 0;
  }
  let lo = 0;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (by(mid) >= work - 1e-9) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function resourceBound(pr: Problem): number {
  let lb = 0;
  for (let r = 0; r < pr.k; r++) {
    let energy = 0;
    for (let j = 0; j < pr.n; j++)
      for (let x = pr.demStart[j]!; x < pr.demStart[j + 1]!; x++)
        if (pr.demRes[x] === r) energy += pr.demAmt[x]! * pr.work[j]!;
    if (pr.capacity[r]! > 0) lb = Math.max(lb, Math.ceil(energy / pr.capacity[r]!));
  }
  // groups of people: an activity can only be done by its qualified people; for every distinct
  // qualified set S, the work of activities whose qualified set lies inside S needs S's time
  const groups = new Map<string, number[]>();
  for (let j = 0; j < pr.n; j++) {
    if (!pr.needsPerson[j]) continue;
    const q = Array.from(pr.qualIdx.subarray(pr.qualStart[j], pr.qualStart[j + 1])).sort((a, b) => a - b);
    groups.set(q.join(','), q);
  }
  if (groups.size > 0 && groups.size <= 400) {
    const all: number[] = [];
    for (let q = 0; q < pr.p; q++) all.push(q);
    const sets = [...groups.values(), all];
    const member = new Uint8Array(pr.p);
    for (const set of sets) {
      member.fill(0);
      for (const q of set) member[q] = 1;
      let work = 0;
      for (let j = 0; j < pr.n; j++) {
        if (!pr.needsPerson[j]) continue;
        let inside = true;
        for (let y = pr.qualStart[j]!; y < pr.qualStart[j + 1]! && inside; y++)
          if (!member[pr.qualIdx[y]!]) inside = false;
        if (inside) work += pr.work[j]!;
      }
      lb = Math.max(lb, capacityBound(pr, set, work));
    }
  }
  return lb;
}

/** A lower bound on the first objective (0 when the engine knows none). */
export function lowerBound(pr: Problem): number {
  const code = pr.objectiveCodes[0];
  if (code === OBJ_MAKESPAN) return Math.max(criticalPathBound(pr), resourceBound(pr));
  if (code === OBJ_TARDINESS) return tardinessBound(pr);
  return -Infinity;
}

/**
 * A lower bound on total tardiness, sum of weight x max(0, finish - due), over the activities with
 * `counted` set (default: all), against the due periods `due` (default: the problem's deadlines).
 *
 * Tardiness counts, for every period t, the activities late in it: due <= t < finish. So it is at least
 * the sum over t of a lower bound on how many are late in period t (weighted), and in period t:
 * - A(t): those with due <= t < earliest finish by precedence (es + work, since nobody works faster
 *   than one unit a period) are late whatever the plan; summed over t this is the per-activity bound.
 * - A pool: a set S of people and the activities J_S only people of S can do. By t the people of S
 *   deliver at most W_S(t) = sum of their calendars' work in [0, t) (one activity at a time each), so of
 *   the work of B_S(t) = {j in J_S counted: due <= t, earliest finish <= t} at least D_B(t) - W_S(t)
 *   is still undone at t. An unfinished activity holds at most its own work undone, so the activities
 *   of B_S(t) late in t are at least the fewest (least weight) whose work covers that excess.
 * Pools whose activity sets are disjoint (no activity whose qualified people lie in both) add up, and
 * they are disjoint from A(t); the pools are each distinct qualified set and everyone, and for every t
 * a greedy pick of disjoint pools by their count is taken. Any pick is valid, so the result is.
 * With `pooled` false, only the per-activity part.
 */
export function tardinessBound(
  pr: Problem,
  due: ArrayLike<number> = pr.deadline,
  counted?: ArrayLike<boolean>,
  pooled = true,
): number {
  const es = earliestStarts(pr);
  const ef = new Float64Array(pr.n);
  const counts = new Uint8Array(pr.n);
  let sum = 0;
  let uniform = -1;
  for (let j = 0; j < pr.n; j++) {
    ef[j] = es[j]! + pr.work[j]!;
    if ((counted && !counted[j]) || !Number.isFinite(due[j]!) || pr.weight[j]! <= 0) continue;
    counts[j] = 1;
    sum += Math.max(0, ef[j]! - due[j]!) * pr.weight[j]!;
    if (uniform === -1) uniform = pr.weight[j]!;
    else if (uniform !== pr.weight[j]) uniform = -2;
  }
  // groups of activities by qualified set; pools: every group's set, and everyone
  const groupOf = new Map<string, { people: number[]; jobs: number[] }>();
  for (let j = 0; j < pr.n; j++) {
    if (!pr.needsPerson[j]) continue;
    const q = Array.from(pr.qualIdx.subarray(pr.qualStart[j], pr.qualStart[j + 1])).sort((a, b) => a - b);
    const key = q.join(',');
    let g = groupOf.get(key);
    if (!g) groupOf.set(key, (g = { people: q, jobs: [] }));
    if (counts[j]) g.jobs.push(j);
  }
  const groups = [...groupOf.values()];
  if (!pooled || groups.length === 0 || groups.length > 2000) return sum;
  const all: number[] = [];
  for (let q = 0; q < pr.p; q++) all.push(q);
  const poolPeople = [...groups.map((g) => g.people), all];
  const member = new Uint8Array(pr.p);
  /** The groups (with counted activities) inside a set of people. */
  const insideOf = (people: number[]): number[] => {
    member.fill(0);
    for (const q of people) member[q] = 1;
    const inside: number[] = [];
    groups.forEach((g, x) => {
      if (g.jobs.length > 0 && g.people.every((q) => member[q])) inside.push(x);
    });
    return inside;
  };
  const pools: number[][] = poolPeople.map(insideOf);
  // per pool, the weighted count late in each period from `from`
  const late: { from: number; count: Float64Array }[] = [];
  for (let s = 0; s < pools.length; s++)
    late.push(poolLate(pr, poolPeople[s]!, pools[s]!, groups, due, ef, uniform));
  let horizon = 0;
  for (const l of late) horizon = Math.max(horizon, l.from + l.count.length);
  // disjoint pools share no group
  const taken = new Uint8Array(groups.length);
  const order = pools.map((_, s) => s);
  for (let t = 0; t < horizon; t++) {
    const at = (s: number) => {
      const l = late[s]!;
      return t >= l.from && t < l.from + l.count.length ? l.count[t - l.from]! : 0;
    };
    const live = order.filter((s) => at(s) > 0).sort((a, b) => at(b) - at(a));
    if (live.length === 0) continue;
    taken.fill(0);
    for (const s of live) {
      if (pools[s]!.some((x) => taken[x])) continue;
      for (const x of pools[s]!) taken[x] = 1;
      sum += at(s);
    }
  }
  return sum;
}

/** The weighted count of a pool's activities late in each period by the excess of its work (above). */
function poolLate(
  pr: Problem,
  people: number[],
  inside: number[],
  groups: { jobs: number[] }[],
  due: ArrayLike<number>,
  ef: Float64Array,
  uniform: number,
): { from: number; count: Float64Array } {
  const jobs: number[] = [];
  for (const x of inside) for (const j of groups[x]!.jobs) if (pr.work[j]! > 0) jobs.push(j);
  const none = { from: 0, count: new Float64Array(0) };
  if (jobs.length === 0) return none;
  const enter = (j: number) => Math.max(due[j]!, ef[j]!);
  jobs.sort((a, b) => enter(a) - enter(b));
  const capacity = (t: number): number => {
    let w = 0;
    for (const q of people) {
      const cal = pr.calendars[q];
      w += cal ? workBefore(cal, t) : t;
    }
    return w;
  };
  const from = Math.max(0, Math.ceil(enter(jobs[0]!)));
  const counts: number[] = [];
  // entered activities in cover order: with equal weights, by work, largest first (how many of each
  // amount of work); otherwise least weight per work first
  const entered: number[] = [];
  const amounts: number[] = [];
  const many = new Map<number, number>();
  const key = (j: number) => pr.weight[j]! / pr.work[j]!;
  let next = 0;
  let work = 0;
  for (let t = from; t < from + 200_000; t++) {
    while (next < jobs.length && enter(jobs[next]!) <= t) {
      const j = jobs[next++]!;
      const w = pr.work[j]!;
      work += w;
      const list = uniform > 0 ? amounts : entered;
      const at = uniform > 0 ? -w : key(j);
      if (uniform > 0 && many.has(w)) {
        many.set(w, many.get(w)! + 1);
        continue;
      }
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((uniform > 0 ? -list[mid]! : key(list[mid]!)) <= at) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, uniform > 0 ? w : j);
      if (uniform > 0) many.set(w, 1);
    }
    const excess = work - capacity(t);
    if (excess <= EPS) {
      counts.push(0);
      if (next >= jobs.length) break;
      // capacity only grows: nothing is late until the next activity enters
      for (const to = Math.ceil(enter(jobs[next]!)); t + 1 < to; t++) counts.push(0);
      continue;
    }
    let covered = 0;
    let count = 0;
    if (uniform > 0)
      for (const w of amounts) {
        if (covered >= excess - EPS) break;
        const k = Math.min(many.get(w)!, Math.ceil((excess - covered) / w - EPS));
        covered += k * w;
        count += k * uniform;
      }
    else
      for (const j of entered) {
        if (covered >= excess - EPS) break;
        const w = pr.work[j]!;
        const part = Math.min(1, (excess - covered) / w);
        covered += part * w;
        count += part * pr.weight[j]!;
      }
    counts.push(count);
  }
  while (counts.length > 0 && counts[counts.length - 1] === 0) counts.pop();
  return { from, count: Float64Array.from(counts) };
}
