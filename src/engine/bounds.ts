/**
 * Simple, valid lower bounds. Makespan: the critical path (precedence only), the energy of each
 * renewable resource, and for people the work that only a given group of people can do (all people;
 * every skill at every level). Tardiness: the lateness that the critical path alone forces.
 */
import { OBJ_MAKESPAN, OBJ_TARDINESS, workBefore, type Problem } from './compile';

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
  if (code === OBJ_TARDINESS) {
    const es = earliestStarts(pr);
    let sum = 0;
    for (let j = 0; j < pr.n; j++) {
      const late = es[j]! + pr.work[j]! - pr.deadline[j]!;
      if (late > 0) sum += late * pr.weight[j]!;
    }
    return sum;
  }
  return -Infinity;
}
