/**
 * The serial schedule generation scheme (SGS): takes an activity list (a precedence-feasible order)
 * and puts each activity, in turn, at the earliest period where its predecessors are done, its
 * renewable resources have room and a qualified person is free for the whole of it (gaps left by
 * earlier activities are filled). The person is the qualified one who finishes it first; ties go to
 * the next objectives (balance, preference, cost), then to the least versatile person so the
 * versatile ones stay free. For tardiness-first problems the search may set `due`: then a person
 * who finishes it without delaying anything is preferred to an earlier but more versatile one.
 *
 * A backward pass runs the same scheme on the reversed network (successors first, time mirrored) and
 * is used by forward-backward improvement; it ignores calendars, releases and pins, so it only
 * proposes an order, which the next forward pass turns into a real schedule.
 */
import {
  finishFrom,
  nextWorking,
  OBJ_BALANCE,
  OBJ_COST,
  OBJ_MAKESPAN,
  OBJ_PREFERENCE,
  OBJ_STABILITY,
  OBJ_TARDINESS,
  type Problem,
} from './compile';
import { stabilityOf } from './stability';

/** A decoded prefix of a list: its first `count` activities and where a forward pass put them. */
export interface Prefix {
  count: number;
  start: Int32Array;
  finish: Int32Array;
  person: Int32Array;
}

export class Decoder {
  readonly start: Int32Array;
  readonly finish: Int32Array;
  readonly person: Int32Array;
  readonly load: Float64Array;
  /** Pins that could not be honoured in the last forward pass (0 for any valid plan). */
  violations = 0;
  makespan = 0;

  private readonly pr: Problem;
  /** Scratch of `decodeParallel`: predecessors not yet placed, and earliest starts by precedence. */
  private parMissing: Int32Array | null = null;
  private parEs: Float64Array | null = null;
  private avail: Int32Array;
  private horizon: number;
  private used = 0;
  private readonly pOff: Int32Array;
  private readonly pCnt: Int32Array;
  private readonly pS: Int32Array;
  private readonly pE: Int32Array;
  private readonly pA: Int32Array;
  private slotFinish = 0;
  private readonly placed: Uint8Array;
  /**
   * Tardiness-aware person choice (set by the search for tardiness-first problems, else null): the
   * latest finish of each activity that delays nothing (its deadline, tightened by its successors').
   * Among the qualified people who finish an activity by then, the least versatile is chosen (the
   * versatile ones stay free for work only they can do); when nobody can, the one who finishes first.
   */
  due: Float64Array | null = null;
  /**
   * Every activity with a current person (`Activity.current`) goes to that person whenever they are
   * qualified and have the time: a pass over a list in the order of the current starts then rebuilds
   * the plan in force (the search's first plan when there is one).
   */
  keepAll = false;

  constructor(problem: Problem) {
    this.pr = problem;
    const n = problem.n;
    this.start = new Int32Array(n);
    this.finish = new Int32Array(n);
    this.person = new Int32Array(n).fill(-1);
    this.load = new Float64Array(problem.p);
    this.placed = new Uint8Array(n);
    this.horizon = Math.max(16, problem.hasCalendars ? 64 : problem.horizonHint + 1);
    this.avail = new Int32Array(problem.k * this.horizon);
    this.resetProfile(0, this.horizon);
    this.pOff = new Int32Array(problem.p + 1);
    for (let q = 0; q < problem.p; q++) this.pOff[q + 1] = this.pOff[q]! + problem.versatility[q]!;
    const total = this.pOff[problem.p]!;
    this.pCnt = new Int32Array(problem.p);
    this.pS = new Int32Array(total);
    this.pE = new Int32Array(total);
    this.pA = new Int32Array(total);
  }

  private resetProfile(from: number, to: number): void {
    const { k, capacity } = this.pr;
    const H = this.horizon;
    for (let r = 0; r < k; r++) this.avail.fill(capacity[r]!, r * H + from, r * H + to);
  }

  private ensure(t: number): void {
    if (t <= this.horizon) return;
    let H = this.horizon;
    while (H < t) H *= 2;
    const { k, capacity } = this.pr;
    const next = new Int32Array(k * H);
    for (let r = 0; r < k; r++) {
      next.set(this.avail.subarray(r * this.horizon, (r + 1) * this.horizon), r * H);
      next.fill(capacity[r]!, r * H + this.horizon, (r + 1) * H);
    }
    this.avail = next;
    this.horizon = H;
  }

  /** Latest period in [s, f) where activity j does not fit the resources, or -1. */
  private conflict(j: number, s: number, f: number): number {
    const { demStart, demRes, demAmt } = this.pr;
    const H = this.horizon;
    const avail = this.avail;
    let worst = -1;
    for (let x = demStart[j]!; x < demStart[j + 1]!; x++) {
      const base = demRes[x]! * H;
      const need = demAmt[x]!;
      for (let t = f - 1; t > worst && t >= s; t--) {
        if (avail[base + t]! < need) {
          worst = t;
          break;
        }
      }
    }
    return worst;
  }

  /** Earliest start >= es where person q is free (and working) for `w` units of work; sets slotFinish. */
  private personSlot(q: number, es: number, w: number, useCalendar: boolean): number {
    const cal = useCalendar ? this.pr.calendars[q]! : null;
    if (w <= 0) {
      this.slotFinish = es;
      return es;
    }
    const off = this.pOff[q]!;
    const end = off + this.pCnt[q]!;
    const pS = this.pS;
    const pE = this.pE;
    let cand = es;
    for (let x = off; x < end; x++) {
      const e = pE[x]!;
      if (e <= cand) continue;
      let f: number;
      if (cal) {
        cand = nextWorking(cal, cand);
        if (cand === Infinity) return Infinity;
        f = finishFrom(cal, cand, w);
      } else f = cand + w;
      if (f <= pS[x]!) {
        this.slotFinish = f;
        return cand;
      }
      if (e > cand) cand = e;
    }
    if (cal) {
      cand = nextWorking(cal, cand);
      if (cand === Infinity) return Infinity;
      this.slotFinish = finishFrom(cal, cand, w);
      if (this.slotFinish === Infinity) return Infinity;
    } else this.slotFinish = cand + w;
    return cand;
  }

  /** Earliest feasible (start, finish) of activity j with person q (or no person when q < 0). */
  private slot(j: number, q: number, es: number, useCalendar: boolean): number {
    const pr = this.pr;
    const w = pr.work[j]!;
    const hasDemand = pr.demStart[j + 1]! > pr.demStart[j]!;
    let t = es;
    for (;;) {
      let s: number;
      if (q >= 0) {
        s = this.personSlot(q, t, w, useCalendar);
        if (s === Infinity) return Infinity;
      } else {
        s = t;
        this.slotFinish = t + w;
      }
      if (!hasDemand || this.slotFinish === s) return s;
      this.ensure(this.slotFinish);
      const c = this.conflict(j, s, this.slotFinish);
      if (c < 0) return s;
      t = c + 1;
    }
  }

  /** True when person a should be preferred to person b for activity j on a tie in finish time. */
  private better(j: number, a: number, b: number): boolean {
    const pr = this.pr;
    const codes = pr.objectiveCodes;
    for (let x = 1; x < codes.length; x++) {
      const code = codes[x]!;
      if (code === OBJ_BALANCE) {
        const la = this.load[a]! / pr.nominal[a]!;
        const lb = this.load[b]! / pr.nominal[b]!;
        if (la !== lb) return la < lb;
      } else if (code === OBJ_PREFERENCE && pr.hasPreference) {
        const wa = pr.preference[j * pr.p + a]!;
        const wb = pr.preference[j * pr.p + b]!;
        if (wa !== wb) return wa > wb;
      } else if (code === OBJ_COST) {
        if (pr.rate[a] !== pr.rate[b]) return pr.rate[a]! < pr.rate[b]!;
      } else if (code === OBJ_STABILITY) {
        const cur = pr.curPerson[j]!;
        if ((a === cur) !== (b === cur)) return a === cur;
      }
    }
    const va = pr.versatility[a]!;
    const vb = pr.versatility[b]!;
    if (va !== vb) return va < vb;
    return a < b;
  }

  private place(j: number, q: number, s: number, f: number): void {
    const pr = this.pr;
    this.start[j] = s;
    this.finish[j] = f;
    this.person[j] = q;
    this.placed[j] = 1;
    if (f > this.makespan) this.makespan = f;
    if (f > s) {
      if (pr.demStart[j + 1]! > pr.demStart[j]!) {
        this.ensure(f);
        const H = this.horizon;
        for (let x = pr.demStart[j]!; x < pr.demStart[j + 1]!; x++) {
          const base = pr.demRes[x]! * H;
          const need = pr.demAmt[x]!;
          for (let t = s; t < f; t++) this.avail[base + t]! -= need;
        }
        if (f > this.used) this.used = f;
      }
      if (q >= 0) {
        const off = this.pOff[q]!;
        let x = off + this.pCnt[q]!;
        while (x > off && this.pS[x - 1]! > s) {
          this.pS[x] = this.pS[x - 1]!;
          this.pE[x] = this.pE[x - 1]!;
          this.pA[x] = this.pA[x - 1]!;
          x--;
        }
        this.pS[x] = s;
        this.pE[x] = f;
        this.pA[x] = j;
        this.pCnt[q]!++;
      }
    }
    if (q >= 0) this.load[q]! += pr.work[j]!;
  }

  private reset(): void {
    this.resetProfile(0, Math.min(this.used, this.horizon));
    this.used = 0;
    this.pCnt.fill(0);
    this.load.fill(0);
    this.placed.fill(0);
    this.person.fill(-1);
    this.makespan = 0;
    this.violations = 0;
  }

  /**
   * Decodes `list` into start/finish/person. Forward passes honour calendars, releases and pins;
   * backward passes (on the mirrored network) do not. Returns false when some activity cannot be
   * placed at all (a person's calendar runs out of working time). With `from` (forward only), the
   * list's first `from.count` activities are taken as already decoded by a pass over the same prefix.
   */
  decode(list: Int32Array, backward: boolean, from?: Prefix): boolean {
    const pr = this.pr;
    this.reset();
    const useCalendar = !backward && pr.hasCalendars;
    const pinned = !backward && pr.hasPins;
    const predStart = backward ? pr.succStart : pr.predStart;
    const predIdx = backward ? pr.succIdx : pr.predIdx;
    const predLag = backward ? pr.succLag : pr.predLag;
    if (pinned && !this.placePins()) return false;
    const n = list.length;
    let x0 = 0;
    if (from && !backward) {
      // the first `count` activities are placed where an earlier pass over the same prefix put them:
      // the serial SGS is deterministic, so this is the same state, without searching for slots
      for (; x0 < from.count; x0++) {
        const j = list[x0]!;
        if (pinned && pr.pinStart[j]! >= 0) continue;
        this.place(j, from.person[j]!, from.start[j]!, from.finish[j]!);
      }
    }
    for (let x = x0; x < n; x++) {
      const j = list[x]!;
      if (pinned && pr.pinStart[j]! >= 0) continue;
      let es = backward ? 0 : pr.release[j]!;
      for (let y = predStart[j]!; y < predStart[j + 1]!; y++) {
        const f = this.finish[predIdx[y]!]! + predLag[y]!;
        if (f > es) es = f;
      }
      if (!pr.needsPerson[j]) {
        const s = this.slot(j, -1, es, false);
        this.place(j, -1, s, this.slotFinish);
        continue;
      }
      let bestQ = -1;
      let bestS = Infinity;
      let bestF = Infinity;
      const fixed = pinned ? pr.pinPerson[j]! : -1;
      const cur = fixed < 0 && pr.hasCurrent ? pr.curPerson[j]! : -1;
      let curS = Infinity;
      let curF = Infinity;
      const from = fixed >= 0 ? -1 : pr.qualStart[j]!;
      const to = fixed >= 0 ? 0 : pr.qualStart[j + 1]!;
      for (let y = from; y < to; y++) {
        const q = y < 0 ? fixed : pr.qualIdx[y]!;
        const s = this.slot(j, q, es, useCalendar);
        if (s === Infinity) continue;
        const f = this.slotFinish;
        if (q === cur) {
          curS = s;
          curF = f;
        }
        if (this.due && bestQ >= 0) {
          const d = this.due[j]!;
          if (f <= d || bestF <= d) {
            if (f > d) continue;
            if (bestF <= d) {
              const va = pr.versatility[q]!;
              const vb = pr.versatility[bestQ]!;
              if (va > vb || (va === vb && (f > bestF || (f === bestF && !this.better(j, q, bestQ)))))
                continue;
            }
            bestQ = q;
            bestS = s;
            bestF = f;
            continue;
          }
        }
        if (f < bestF || (f === bestF && (s < bestS || (s === bestS && this.better(j, q, bestQ))))) {
          bestQ = q;
          bestS = s;
          bestF = f;
        }
      }
      // the current person keeps it when they finish it as early as anyone, or (tardiness-aware
      // choice) without delaying anything: handing it over would buy nothing
      if (
        curF !== Infinity &&
        (this.keepAll || curF <= bestF || (this.due !== null && curF <= this.due[j]!))
      ) {
        bestQ = cur;
        bestS = curS;
        bestF = curF;
      }
      if (bestQ < 0) return false;
      this.place(j, bestQ, bestS, bestF);
    }
    if (pinned) this.checkPinnedPredecessors();
    return true;
  }

  /**
   * The parallel SGS (Kolisch 1996) for renewable resources only (no people, calendars, releases or
   * pins): time advances from one finish to the next, and at each time the activities whose
   * predecessors are done and that fit the resources from then on (the decision set) are started one
   * by one, each chosen by `pick` (an index into the decision set). The schedule is non-delay.
   * `backward` runs it on the mirrored network, as `decode` does. Used only by the bi-population
   * search (sampling and self-adapting decoding); the caller counts each pass as a schedule.
   */
  decodeParallel(pick: (set: number[]) => number, backward = false): boolean {
    const pr = this.pr;
    const n = pr.n;
    this.reset();
    const predStart = backward ? pr.succStart : pr.predStart;
    const succStart = backward ? pr.predStart : pr.succStart;
    const succIdx = backward ? pr.predIdx : pr.succIdx;
    const succLag = backward ? pr.predLag : pr.succLag;
    const missing = (this.parMissing ??= new Int32Array(n));
    const es = (this.parEs ??= new Float64Array(n));
    es.fill(0);
    const waiting: number[] = [];
    for (let j = 0; j < n; j++) {
      missing[j] = predStart[j + 1]! - predStart[j]!;
      if (missing[j] === 0) waiting.push(j);
    }
    let done = 0;
    let t = 0;
    const running: number[] = [];
    const set: number[] = [];
    while (done < n) {
      // the decision set at t: precedence-eligible activities that are ready and fit from t on
      for (;;) {
        set.length = 0;
        for (const j of waiting) {
          if (es[j]! > t) continue;
          const w = pr.work[j]!;
          if (w > 0 && pr.demStart[j + 1]! > pr.demStart[j]!) {
            // every placed activity starts at t or before, so the room left only grows after t:
            // the activity fits from t on when it fits at t
            this.ensure(t + w);
            const H = this.horizon;
            let fits = true;
            for (let x = pr.demStart[j]!; x < pr.demStart[j + 1]! && fits; x++)
              if (this.avail[pr.demRes[x]! * H + t]! < pr.demAmt[x]!) fits = false;
            if (!fits) continue;
          }
          set.push(j);
        }
        if (set.length === 0) break;
        const j = set[set.length > 1 ? pick(set) : 0]!;
        const x = waiting.indexOf(j);
        waiting[x] = waiting[waiting.length - 1]!;
        waiting.pop();
        this.place(j, -1, t, t + pr.work[j]!);
        done++;
        running.push(j);
        for (let y = succStart[j]!; y < succStart[j + 1]!; y++) {
          const s = succIdx[y]!;
          const e = this.finish[j]! + succLag[y]!;
          if (e > es[s]!) es[s] = e;
          if (--missing[s]! === 0) waiting.push(s);
        }
      }
      if (done >= n) break;
      // the next decision time: the next finish of a running activity or ready time of a waiting one
      let next = Infinity;
      for (let x = running.length - 1; x >= 0; x--) {
        const f = this.finish[running[x]!]!;
        if (f <= t) {
          running[x] = running[running.length - 1]!;
          running.pop();
        } else if (f < next) next = f;
      }
      for (const j of waiting) if (es[j]! > t && es[j]! < next) next = es[j]!;
      if (next === Infinity) return false;
      t = next;
    }
    return true;
  }

  private placePins(): boolean {
    const pr = this.pr;
    for (let r = 0; r < pr.n; r++) {
      const j = pr.topo[r]!;
      const s = pr.pinStart[j]!;
      if (s < 0) continue;
      const w = pr.work[j]!;
      let q = -1;
      let f = s + w;
      if (pr.needsPerson[j]) {
        const fixed = pr.pinPerson[j]!;
        const from = fixed >= 0 ? -1 : pr.qualStart[j]!;
        const to = fixed >= 0 ? 0 : pr.qualStart[j + 1]!;
        let fallback = -1;
        let fallbackF = Infinity;
        for (let y = from; y < to && q < 0; y++) {
          const c = y < 0 ? fixed : pr.qualIdx[y]!;
          const at = this.personSlot(c, s, w, pr.hasCalendars);
          if (at === Infinity) continue;
          if (fallback < 0) {
            fallback = c;
            const cal = pr.calendars[c];
            fallbackF = cal ? finishFrom(cal, s, w) : s + w;
          }
          if (at === s) {
            q = c;
            f = this.slotFinish;
          }
        }
        if (q < 0) {
          if (fallback < 0) return false;
          q = fallback;
          f = fallbackF;
          this.violations++;
        }
      }
      if (f > s && pr.demStart[j + 1]! > pr.demStart[j]!) {
        this.ensure(f);
        if (this.conflict(j, s, f) >= 0) this.violations++;
      }
      this.place(j, q, s, f);
    }
    return true;
  }

  private checkPinnedPredecessors(): void {
    const pr = this.pr;
    for (let j = 0; j < pr.n; j++) {
      if (pr.pinStart[j]! < 0) continue;
      for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
        if (this.finish[pr.predIdx[y]!]! + pr.predLag[y]! > pr.pinStart[j]!) this.violations++;
    }
  }

  /** Objective value of the last forward pass for one objective code. */
  objective(code: number): number {
    const pr = this.pr;
    switch (code) {
      case OBJ_MAKESPAN:
        return this.makespan;
      case OBJ_TARDINESS: {
        let sum = 0;
        for (let j = 0; j < pr.n; j++) {
          const late = this.finish[j]! - pr.deadline[j]!;
          if (late > 0) sum += late * pr.weight[j]!;
        }
        return sum;
      }
      case OBJ_BALANCE: {
        let sum = 0;
        for (let q = 0; q < pr.p; q++) {
          const l = this.load[q]! / pr.nominal[q]!;
          sum += l * l;
        }
        return sum;
      }
      case OBJ_PREFERENCE: {
        let sum = 0;
        if (pr.hasPreference)
          for (let j = 0; j < pr.n; j++) {
            const q = this.person[j]!;
            if (q >= 0) sum += pr.preference[j * pr.p + q]! * pr.work[j]!;
          }
        return -sum;
      }
      case OBJ_COST: {
        let sum = 0;
        for (let j = 0; j < pr.n; j++) {
          const q = this.person[j]!;
          if (q >= 0) sum += pr.rate[q]! * pr.work[j]!;
        }
        return sum;
      }
      case OBJ_STABILITY: {
        let sum = 0;
        for (let j = 0; j < pr.n; j++) sum += stabilityOf(pr, j, this.person[j]!, this.start[j]!);
        return sum;
      }
      default:
        return 0;
    }
  }

  /** Writes [violations, objective 1, objective 2, …] of the last forward pass into `out`. */
  evaluate(out: Float64Array): void {
    out[0] = this.violations;
    const codes = this.pr.objectiveCodes;
    for (let x = 0; x < codes.length; x++) out[x + 1] = this.objective(codes[x]!);
  }
}
