/**
 * Explanations: for every activity of a finished plan, why it got its person and its start. They are
 * read off the final plan (not recorded inside the search), so they describe what the user sees:
 * the predecessor it waited for, the person or resource that was busy, the calendar, the pin, and
 * who else could have done it and when.
 */
import { finishFrom, nextWorking, OBJ_BALANCE, OBJ_COST, OBJ_PREFERENCE, type Problem } from './compile';
import type { Reason } from './types';

interface Interval {
  s: number;
  f: number;
  j: number;
}

/** Earliest (start, finish) >= es for person q in the final plan, ignoring activity `skip`. */
function earliestFor(
  pr: Problem,
  timeline: Interval[],
  q: number,
  es: number,
  w: number,
  skip: number,
): [number, number] {
  const cal = pr.calendars[q] ?? null;
  let cand = es;
  const fin = (s: number): number => (cal ? finishFrom(cal, s, w) : s + w);
  for (const iv of timeline) {
    if (iv.j === skip || iv.f <= cand) continue;
    if (cal) cand = nextWorking(cal, cand);
    if (cand === Infinity) return [Infinity, Infinity];
    if (fin(cand) <= iv.s) return [cand, fin(cand)];
    cand = Math.max(cand, iv.f);
  }
  if (cal) cand = nextWorking(cal, cand);
  if (cand === Infinity) return [Infinity, Infinity];
  return [cand, fin(cand)];
}

function tieCriterion(
  pr: Problem,
  load: Float64Array,
  j: number,
  a: number,
  b: number,
): 'balance' | 'preference' | 'cost' | 'versatility' {
  const codes = pr.objectiveCodes;
  for (let x = 1; x < codes.length; x++) {
    const c = codes[x];
    if (c === OBJ_BALANCE && load[a]! / pr.nominal[a]! !== load[b]! / pr.nominal[b]!) return 'balance';
    if (
      c === OBJ_PREFERENCE &&
      pr.hasPreference &&
      pr.preference[j * pr.p + a] !== pr.preference[j * pr.p + b]
    )
      return 'preference';
    if (c === OBJ_COST && pr.rate[a] !== pr.rate[b]) return 'cost';
  }
  return 'versatility';
}

export function explain(pr: Problem, start: Int32Array, finish: Int32Array, person: Int32Array): Reason[][] {
  const n = pr.n;
  const timelines: Interval[][] = Array.from({ length: pr.p }, () => []);
  const load = new Float64Array(pr.p);
  for (let j = 0; j < n; j++) {
    const q = person[j]!;
    if (q < 0) continue;
    load[q]! += pr.work[j]!;
    if (finish[j]! > start[j]!) timelines[q]!.push({ s: start[j]!, f: finish[j]!, j });
  }
  for (const t of timelines) t.sort((a, b) => a.s - b.s);
  const out: Reason[][] = [];
  for (let j = 0; j < n; j++) {
    const why: Reason[] = [];
    const s = start[j]!;
    const q = person[j]!;
    if (pr.pinStart[j]! >= 0) why.push({ kind: 'pinned-start', start: pr.pinStart[j]! });
    if (pr.pinPerson[j]! >= 0) why.push({ kind: 'pinned-person', person: pr.personIds[pr.pinPerson[j]!]! });
    let es = pr.release[j]!;
    for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
      es = Math.max(es, finish[pr.predIdx[y]!]! + pr.predLag[y]!);
    es = Math.max(0, es);
    if (pr.pinStart[j]! < 0) {
      if (es === 0 && s === 0) why.push({ kind: 'project-start' });
      else {
        if (pr.release[j]! > 0 && pr.release[j] === es)
          why.push({ kind: 'release', release: pr.release[j]! });
        for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++) {
          const i = pr.predIdx[y]!;
          if (es > 0 && finish[i]! + pr.predLag[y]! === es)
            why.push({
              kind: 'waited-for-predecessor',
              predecessor: pr.ids[i]!,
              finish: finish[i]!,
              lag: pr.predLag[y]!,
            });
        }
      }
      if (s > es) {
        let blocked = false;
        if (q >= 0) {
          let blocker: Interval | null = null;
          for (const iv of timelines[q]!)
            if (iv.j !== j && iv.f > es && iv.f <= s && (!blocker || iv.f > blocker.f)) blocker = iv;
          if (blocker) {
            why.push({
              kind: 'person-busy',
              person: pr.personIds[q]!,
              with: pr.ids[blocker.j]!,
              until: blocker.f,
            });
            blocked = true;
          } else {
            const cal = pr.calendars[q];
            if (cal && nextWorking(cal, es) === s) {
              why.push({ kind: 'person-off', person: pr.personIds[q]!, until: s });
              blocked = true;
            }
          }
        }
        const t = s - 1;
        for (let x = pr.demStart[j]!; x < pr.demStart[j + 1]!; x++) {
          const r = pr.demRes[x]!;
          let used = 0;
          const busy: string[] = [];
          for (let i = 0; i < n; i++) {
            if (i === j || start[i]! > t || finish[i]! <= t) continue;
            for (let z = pr.demStart[i]!; z < pr.demStart[i + 1]!; z++)
              if (pr.demRes[z] === r) {
                used += pr.demAmt[z]!;
                busy.push(pr.ids[i]!);
              }
          }
          if (used + pr.demAmt[x]! > pr.capacity[r]!) {
            why.push({ kind: 'resource-full', resource: pr.resourceIds[r]!, busyWith: busy });
            blocked = true;
          }
        }
        if (!blocked) why.push({ kind: 'sequenced-for-objective' });
      }
    }
    if (q >= 0 && pr.pinPerson[j]! < 0) {
      const f = finish[j]!;
      const others: Reason[] = [];
      let earliest = true;
      let tie = -1;
      const cur = pr.hasCurrent ? pr.curPerson[j]! : -1;
      let left: Reason | null =
        cur >= 0 && cur !== q
          ? {
              kind: 'left-current-person',
              person: pr.personIds[cur]!,
              couldFinish: null,
              reason: 'unqualified',
            }
          : null;
      for (let y = pr.qualStart[j]!; y < pr.qualStart[j + 1]!; y++) {
        const o = pr.qualIdx[y]!;
        if (o === q) continue;
        if (o === cur) {
          const [os, of] = earliestFor(
            pr,
            timelines[o]!,
            o,
            pr.pinStart[j]! >= 0 ? pr.pinStart[j]! : es,
            pr.work[j]!,
            j,
          );
          const cal = pr.calendars[o];
          const off = cal ? nextWorking(cal, es) === os && os > es : false;
          left = {
            kind: 'left-current-person',
            person: pr.personIds[o]!,
            couldFinish: of === Infinity ? null : of,
            reason: of === Infinity || off ? 'off' : 'busy',
          };
          if (of < f) earliest = false;
          else if (of === f) tie = o;
          continue;
        }
        const [os, of] = earliestFor(
          pr,
          timelines[o]!,
          o,
          pr.pinStart[j]! >= 0 ? pr.pinStart[j]! : es,
          pr.work[j]!,
          j,
        );
        if (of < f) earliest = false;
        else if (of === f) tie = o;
        else if (others.length < 3) {
          const cal = pr.calendars[o];
          const off = cal ? nextWorking(cal, es) === os && os > es : false;
          others.push({
            kind: 'other-person-later',
            person: pr.personIds[o]!,
            couldFinish: of,
            reason: off ? 'off' : 'busy',
          });
        }
      }
      if (earliest) {
        why.push({
          kind: 'earliest-qualified-person',
          person: pr.personIds[q]!,
          candidates: pr.qualStart[j + 1]! - pr.qualStart[j]!,
        });
        if (tie >= 0) why.push({ kind: 'tie-broken-by', criterion: tieCriterion(pr, load, j, q, tie) });
      } else if (!why.some((r) => r.kind === 'sequenced-for-objective'))
        why.push({ kind: 'sequenced-for-objective' });
      if (cur >= 0 && cur === q) why.push({ kind: 'kept-current-person', person: pr.personIds[q]! });
      if (left) why.push(left);
      why.push(...others);
    }
    out.push(why);
  }
  return out;
}
