/**
 * The search: a genetic algorithm over activity lists whose every child is decoded by the serial SGS
 * and improved by forward-backward improvement (double justification), the combination the RCPSP
 * literature found strongest per generated schedule (Hartmann 1998; Valls, Ballestín & Quintanilla
 * 2005, 2008; Debels & Vanhoucke 2007). The initial population comes from regret-based biased random
 * sampling on latest finish times (Kolisch & Drexl 1996). For renewable-resource problems whose
 * mirrored backward schedules are plans too, the GA keeps a left- and a right-justified population
 * and decodes each child in the direction opposite to its parents (the bi-population GA of Debels &
 * Vanhoucke 2007), so a child is one pass; its initial population cycles through four priority rules
 * (LFT, LST, MTS, GRPW; Kolisch 1996), and after 60 % of the budget its left population is rebuilt
 * around the best plan by insertion moves (the second phase of Valls, Ballestín & Quintanilla 2008).
 * Under long schedule budgets (20,000 or more) a run that has stalled for a tenth of the budget is
 * rebuilt around its best (`longRebuild`), and one that has stalled for a fifth is dropped and the GA
 * starts again from uniformly random lists (see `longRestart`).
 * A decomposition of the best plan (Debels & Vanhoucke 2007), with a forward-only or a bi-population
 * sub-GA, is built but off by default: both measured worse per schedule. Schedules are counted honestly: every SGS pass, forward or backward, including
 * those of the rebuild and of decomposition sub-problems, is one schedule.
 *
 * Problems whose first objective is total weighted tardiness (the product planner's) take their own
 * path, `stepTardy`: priority rules for tardiness (EDD, i.e. the modified due date when deadlines are
 * raised to earliest finishes, and LFT variants), a tardiness-aware person choice in the SGS, then
 * moves of delaying activities earlier in the best list, each decoded forward from the first changed
 * position (a counted schedule), with GA generations when the moves stall. Without renewable
 * resources (the product planner's case) the moves after the initial plans are those of the sequence
 * search instead (sequence.ts: people's work sequences, timed incrementally, about a hundred times
 * more moves per second than list decoding; measured in docs/benchmarks.md).
 */
import { OBJ_STABILITY, OBJ_TARDINESS, type Problem } from './compile';
import { Random } from './random';
import { SequenceSearch, SETTLE_FROM, SETTLE_STALL } from './sequence';
import { Decoder, type Prefix } from './sgs';
import { currentOrderKeys } from './stability';

export interface SearchOptions {
  seed: number;
  maxSchedules: number;
  timeLimitMs: number;
  populationSize?: number;
  lowerBound: number;
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (schedules: number, best: Float64Array) => void;
  /** GA settings (global, never per instance); defaults in DEFAULT_SETTINGS. */
  settings?: Partial<SearchSettings>;
}

/** Global settings of the GA (never per instance), with the defaults below. */
export interface SearchSettings {
  /** Share of children made by peak crossover; the rest by two-point crossover. */
  peakShare: number;
  /** Probability of an adjacent swap at each position of a child's list. */
  mutation: number;
  /** Generations without improvement before the population is resampled (all but its best fifth). */
  restartAfter: number;
  /**
   * Bi-population search for renewable-resource problems whose backward schedules are plans too (no
   * people, calendars, releases, pins or tardiness): every child costs one pass. Otherwise, or when
   * false, each child is decoded forward and double-justified (three passes); with people that
   * measured better on iMOPSE (0.76 % against 1.11 % at 1 s).
   */
  bidirectional: boolean;
  /** Bi-population search: a decomposition of the best plan every this many generations (0: never). */
  decompEvery: number;
  /** Schedules spent on one decomposition (each sub-problem pass is counted). */
  decompBudget: number;
  /** Share of the activities in a decomposition window: drawn between these two. */
  decompMin: number;
  decompMax: number;
  /** Population of the decomposition's sub-problem GA. */
  decompPop: number;
  /** Share of the schedule budget after which decompositions start. */
  decompFrom: number;
  /** Bi-population search: equal plans are ranked by their total finish (tighter first). */
  tieBreak: boolean;
  /** Bi-population search: how many priority rules the sampling cycles through (LFT, LST, MTS, GRPW). */
  rules: number;
  /**
   * Bi-population search: once this share of the budget is spent, the left population is rebuilt
   * around the best plan (its best fifth kept, the rest random insertion moves of the best list, after
   * the second phase of Valls, Ballestín & Quintanilla 2008); 0: never.
   */
  intensifyAt: number;
  /** Insertion moves per rebuilt member, as a share of the activities (at least one). */
  intensifyMoves: number;
  /** Rebuild the right population around its best too. */
  intensifyRight: boolean;
  /**
   * The decomposition's sub-problem GA is itself bi-population: left and right sub-populations, each
   * child decoded in the direction opposite to its parents (see `decomposeBi`).
   */
  decompBi: boolean;
  /**
   * Bi-population search: schedule budgets from this size on are long, and the search diversifies
   * (`longUniform`, `longRestart`); shorter budgets are not affected.
   */
  longBudget: number;
  /**
   * Long budgets: after the first restart of the GA (`longRestart`), every sampled member is a
   * uniformly random precedence-feasible list instead of a priority-rule sample. The rules steer
   * every run towards the same region, which is where the first run stalled.
   */
  longUniform: boolean;
  /**
   * Long budgets: when the best of the current run has not improved for this share of the budget,
   * and as much budget is left, both populations start afresh from sampling (the best plan is kept
   * apart, and the rebuild around the best comes again at `intensifyAt` of the rest); 0: never.
   */
  longRestart: number;
  /**
   * Long budgets: when the best of the current run has not improved for this share of the budget,
   * its left population is rebuilt around its best (once per run, see `intensifyAt`); 0: never.
   */
  longRebuild: number;
  /**
   * Bi-population search: share of the first population sampled by the parallel SGS (non-delay
   * schedules, regret-based sampling on the same rule; Kolisch 1996) instead of a sampled list and
   * the serial SGS. Those members start with the parallel gene of `selfAdapt`.
   */
  parallelShare: number;
  /**
   * Bi-population search: self-adapting decoding (after Hartmann 2002). Each plan carries a gene for
   * the SGS that decodes its children, serial or parallel (the child's list as priorities: at each
   * decision time the activity first in the list among those that fit); a child takes its first
   * parent's gene, flipped with probability `geneMutation`, and passes it on.
   */
  selfAdapt: boolean;
  geneMutation: number;
}

export const DEFAULT_SETTINGS: SearchSettings = {
  peakShare: 0.5,
  mutation: 0.05,
  restartAfter: 25,
  bidirectional: true,
  decompEvery: 0,
  decompBudget: 100,
  decompMin: 0.2,
  decompMax: 0.5,
  decompPop: 10,
  decompFrom: 0,
  tieBreak: false,
  rules: 4,
  intensifyAt: 0.6,
  intensifyMoves: 0.05,
  intensifyRight: false,
  decompBi: false,
  longBudget: 20000,
  longUniform: true,
  longRestart: 0.2,
  longRebuild: 0.1,
  parallelShare: 0.5,
  selfAdapt: true,
  geneMutation: 0.05,
};

export type StopReason = 'budget' | 'optimal' | 'timedout' | 'cancelled' | 'failed';

interface Individual {
  /** Forward activity list (by increasing start), made when first needed. */
  list: Int32Array | null;
  values: Float64Array;
  hash: number;
  /** Secondary fitness on equal objectives (bi-population search): the total finish in its own direction. */
  tie: number;
  start: Int32Array;
  finish: Int32Array;
  /** Backward list (by decreasing finish), made when first needed. */
  back: Int32Array | null;
  /** The people of the plan (tardiness-first search only). */
  person?: Int32Array;
  /** Bi-population search: this plan's children are decoded by the parallel SGS (see `selfAdapt`). */
  par?: boolean;
}

const EPS = 1e-9;
/** Tardiness-first moves: the share that go before the first activity in the way (else a random one). */
const TARDY_FIRST = 0.5;
/**
 * Starting temperature of the sequence search (weighted periods late): a move that makes the plan
 * worse by this much is kept with probability 1/e at the start, never at the end (3 with the wide
 * interchanges and cross exchanges; 2 was best before them).
 */
const SEQUENCE_TEMPERATURE = 3;

/** Lexicographic comparison of objective vectors (violations first). */
export function compareValues(a: Float64Array, b: Float64Array): number {
  for (let x = 0; x < a.length; x++) {
    const d = a[x]! - b[x]!;
    if (d < -EPS) return -1;
    if (d > EPS) return 1;
  }
  return 0;
}

export class Search {
  readonly bestStart: Int32Array;
  readonly bestFinish: Int32Array;
  readonly bestPerson: Int32Array;
  bestValues: Float64Array;
  bestList: Int32Array;
  hasBest = false;
  schedules = 0;
  stop: StopReason | null = null;

  private readonly pr: Problem;
  private readonly opt: SearchOptions;
  private readonly rng: Random;
  private readonly dec: Decoder;
  private readonly n: number;
  private readonly m: number;
  private readonly t0: number;
  private readonly lft: Float64Array;
  private readonly isPred: Uint32Array | null;
  private readonly negativeLags: boolean;
  private readonly keys: Float64Array;
  private readonly scratch: Uint8Array;
  private readonly values: Float64Array;
  private readonly popSize: number;
  private readonly set: SearchSettings;
  private population: Individual[] = [];
  /** The right-justified population of the bi-population search. */
  private right: Individual[] = [];
  /** The bi-population search applies (see SearchSettings.bidirectional). */
  private readonly mirror: boolean;
  /** The bi-population search under a long schedule budget (see `longBudget`). */
  private readonly long: boolean;
  private generation = 0;
  private stall = 0;
  /** Priority keys of the sampling rules (bi-population search), made when first needed. */
  private rules: Float64Array[] | null = null;
  private samples = 0;
  private uniformKey: Float64Array | null = null;
  private intensified = false;
  /** Bi-population search: where the current run started (see `longRestart`), and its best so far. */
  private runStart = 0;
  private runBest: Float64Array | null = null;
  private runImproved = 0;
  /** Tardiness-first search (see `stepTardy`). */
  private readonly tardy: boolean;
  /** Tardiness-first search: the list being improved by moves of delaying activities, and its plan. */
  private cur: Individual | null = null;
  /** Tardiness-first search: moves tried on `cur` since it last improved. */
  private curTries = 0;
  private tardyPos: Int32Array | null = null;
  /** Positions in a list, for the parallel SGS's choice (see `listPick`). */
  private posScratch: Int32Array | null = null;
  /** Tardiness-first search: the priority keys of the best rule, for sampling. */
  private tardyRule: Float64Array = new Float64Array(0);
  /** Tardiness-first search without renewable resources: the local search on people's sequences. */
  private seq: SequenceSearch | null = null;
  /** The sequence search's best cost last handed to the decoder (see `syncSequence`). */
  private seqSynced = Infinity;
  /** Chunks of sequence moves in a row that needed no evaluation (it has nothing left to try). */
  private seqIdle = 0;
  /** Sequence search: the tardiness of its best plan, and the share of the budget spent when it was reached. */
  private seqTardy = Infinity;
  private seqTardyAt = 0;

  constructor(problem: Problem, options: SearchOptions) {
    this.pr = problem;
    this.opt = options;
    this.set = { ...DEFAULT_SETTINGS, ...options.settings };
    this.rng = new Random(options.seed);
    this.dec = new Decoder(problem);
    this.n = problem.n;
    this.m = problem.objectiveCodes.length + 1;
    this.t0 = options.now();
    this.bestStart = new Int32Array(this.n);
    this.bestFinish = new Int32Array(this.n);
    this.bestPerson = new Int32Array(this.n).fill(-1);
    this.bestValues = new Float64Array(this.m).fill(Infinity);
    this.bestList = new Int32Array(this.n);
    this.values = new Float64Array(this.m);
    this.keys = new Float64Array(this.n);
    this.scratch = new Uint8Array(this.n);
    this.lft = this.latestFinish();
    const n = this.n;
    this.negativeLags = problem.predLag.some((l) => l < 0);
    if (n <= 6000) {
      this.isPred = new Uint32Array(Math.ceil((n * n) / 32));
      for (let j = 0; j < n; j++)
        for (let y = problem.predStart[j]!; y < problem.predStart[j + 1]!; y++) {
          const bit = problem.predIdx[y]! * n + j;
          this.isPred[bit >>> 5]! |= 1 << (bit & 31);
        }
    } else this.isPred = null;
    this.mirror =
      this.set.bidirectional &&
      problem.p === 0 &&
      !problem.hasCalendars &&
      !problem.hasPins &&
      !problem.release.some((r) => r > 0) &&
      !problem.objectiveCodes.includes(OBJ_TARDINESS) &&
      !problem.objectiveCodes.includes(OBJ_STABILITY);
    this.tardy = !this.mirror && problem.objectiveCodes[0] === OBJ_TARDINESS;
    const budget = options.maxSchedules;
    this.long = this.mirror && Number.isFinite(budget) && budget >= this.set.longBudget;
    // population sizes (global, tuned on J30 and J60): the bi-population search grows with the
    // square root of the schedule budget (120 at 5,000, 380 at 50,000); large inputs stay small so
    // that the first generation is quick
    this.popSize =
      options.populationSize ??
      (n >= 1000
        ? 12
        : n >= 300
          ? 24
          : this.mirror
            ? Number.isFinite(budget)
              ? Math.min(400, Math.max(20, Math.round(1.7 * Math.sqrt(budget))))
              : 120
            : budget <= 1500
              ? 40
              : budget <= 10000
                ? 80
                : 120);
  }

  private elapsed(): number {
    return this.opt.now() - this.t0;
  }

  /** Latest finish times by a backward pass from the critical-path length (deadlines tighten them). */
  private latestFinish(): Float64Array {
    const pr = this.pr;
    const n = pr.n;
    let horizon = 0;
    const ef = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const j = pr.topo[r]!;
      let e = pr.release[j]!;
      for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
        e = Math.max(e, ef[pr.predIdx[y]!]! + pr.predLag[y]!);
      ef[j] = e + pr.work[j]!;
      horizon = Math.max(horizon, ef[j]);
    }
    const lf = new Float64Array(n);
    for (let r = n - 1; r >= 0; r--) {
      const j = pr.topo[r]!;
      let l = Math.min(horizon, pr.deadline[j]!);
      for (let y = pr.succStart[j]!; y < pr.succStart[j + 1]!; y++) {
        const s = pr.succIdx[y]!;
        l = Math.min(l, lf[s]! - pr.work[s]! - pr.succLag[y]!);
      }
      if (pr.pinStart[j]! >= 0) l = Math.min(l, pr.pinStart[j]! + pr.work[j]!);
      lf[j] = l;
    }
    return lf;
  }

  private outOfBudget(): boolean {
    if (this.stop) return true;
    if (this.opt.signal?.aborted) {
      this.stop = 'cancelled';
      return true;
    }
    if (this.schedules >= this.opt.maxSchedules) {
      this.stop = 'budget';
      return true;
    }
    if (this.elapsed() >= this.opt.timeLimitMs) {
      this.stop = 'timedout';
      return true;
    }
    return false;
  }

  /**
   * Priority keys of the sampling rules (lower first): latest finish (LFT), latest start (LST), most
   * total successors (MTS) and greatest rank positional weight (GRPW).
   */
  private ruleKeys(): Float64Array[] {
    const pr = this.pr;
    const n = this.n;
    const lst = new Float64Array(n);
    const mts = new Float64Array(n);
    const grpw = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      lst[j] = this.lft[j]! - pr.work[j]!;
      let g = pr.work[j]!;
      for (let y = pr.succStart[j]!; y < pr.succStart[j + 1]!; y++) g += pr.work[pr.succIdx[y]!]!;
      grpw[j] = -g;
    }
    if (this.isPred) {
      // all successors, by a reverse topological sweep over bit sets
      const words = Math.ceil(n / 32);
      const reach = new Uint32Array(n * words);
      for (let r = n - 1; r >= 0; r--) {
        const j = pr.topo[r]!;
        for (let y = pr.succStart[j]!; y < pr.succStart[j + 1]!; y++) {
          const s = pr.succIdx[y]!;
          reach[j * words + (s >>> 5)]! |= 1 << (s & 31);
          for (let w = 0; w < words; w++) reach[j * words + w]! |= reach[s * words + w]!;
        }
        let c = 0;
        for (let w = 0; w < words; w++) {
          let v = reach[j * words + w]!;
          while (v) {
            v &= v - 1;
            c++;
          }
        }
        mts[j] = -c;
      }
    } else for (let j = 0; j < n; j++) mts[j] = -(pr.succStart[j + 1]! - pr.succStart[j]!);
    return [this.lft, lst, mts, grpw];
  }

  /** Builds a list by sampling: each step takes an eligible activity, biased by LFT regret. */
  private sampleList(deterministic: boolean, key: Float64Array = this.lft): Int32Array {
    const pr = this.pr;
    const n = this.n;
    const list = new Int32Array(n);
    const missing = new Int32Array(n);
    const eligible: number[] = [];
    for (let j = 0; j < n; j++) {
      missing[j] = pr.predStart[j + 1]! - pr.predStart[j]!;
      if (missing[j] === 0) eligible.push(j);
    }
    const lft = key;
    for (let x = 0; x < n; x++) {
      let pick = 0;
      if (deterministic) {
        for (let e = 1; e < eligible.length; e++) {
          const a = eligible[e]!;
          const b = eligible[pick]!;
          if (lft[a]! < lft[b]! || (lft[a] === lft[b] && a < b)) pick = e;
        }
      } else if (eligible.length > 1) pick = this.regretIndex(eligible, lft);
      const j = eligible[pick]!;
      eligible[pick] = eligible[eligible.length - 1]!;
      eligible.pop();
      list[x] = j;
      for (let y = pr.succStart[j]!; y < pr.succStart[j + 1]!; y++) {
        const s = pr.succIdx[y]!;
        if (--missing[s]! === 0) eligible.push(s);
      }
    }
    return list;
  }

  /** Reorders `list` to be precedence-feasible while keeping its order as far as possible. */
  private repair(list: Int32Array, backward: boolean): void {
    const pr = this.pr;
    const n = this.n;
    const pos = new Int32Array(n);
    for (let x = 0; x < n; x++) pos[list[x]!] = x;
    const predStart = backward ? pr.succStart : pr.predStart;
    const succStart = backward ? pr.predStart : pr.succStart;
    const succIdx = backward ? pr.predIdx : pr.succIdx;
    const missing = new Int32Array(n);
    const heap: number[] = [];
    const push = (j: number): void => {
      heap.push(j);
      let c = heap.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (pos[heap[p]!]! <= pos[heap[c]!]!) break;
        [heap[p], heap[c]] = [heap[c]!, heap[p]!];
        c = p;
      }
    };
    const pop = (): number => {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          if (l >= heap.length) break;
          const r = l + 1;
          const m = r < heap.length && pos[heap[r]!]! < pos[heap[l]!]! ? r : l;
          if (pos[heap[c]!]! <= pos[heap[m]!]!) break;
          [heap[m], heap[c]] = [heap[c]!, heap[m]!];
          c = m;
        }
      }
      return top;
    };
    for (let j = 0; j < n; j++) {
      missing[j] = predStart[j + 1]! - predStart[j]!;
      if (missing[j] === 0) push(j);
    }
    for (let x = 0; x < n; x++) {
      const j = pop();
      list[x] = j;
      for (let y = succStart[j]!; y < succStart[j + 1]!; y++)
        if (--missing[succIdx[y]!]! === 0) push(succIdx[y]!);
    }
  }

  private sortBy(keys: Float64Array): Int32Array {
    const list = new Int32Array(this.n);
    for (let j = 0; j < this.n; j++) list[j] = j;
    list.sort((a, b) => keys[a]! - keys[b]!);
    return list;
  }

  private hashSchedule(): number {
    let h = 2166136261;
    const s = this.dec.start;
    const p = this.dec.person;
    for (let j = 0; j < this.n; j++) {
      h = Math.imul(h ^ s[j]!, 16777619);
      h = Math.imul(h ^ (p[j]! + 1), 16777619);
    }
    return h >>> 0;
  }

  /** The total finish of the decoder's last pass (in its own direction) when ties are broken, else 0. */
  private tieOf(): number {
    if (!this.mirror || !this.set.tieBreak) return 0;
    let t = 0;
    const f = this.dec.finish;
    for (let j = 0; j < this.n; j++) t += f[j]!;
    return t;
  }

  /** Decodes forward; records a new best. Returns false if the list could not be decoded. */
  private forward(list: Int32Array, from?: Prefix): boolean {
    const ok = this.dec.decode(list, false, from);
    this.schedules++;
    if (!ok) {
      this.values.fill(Infinity);
      return false;
    }
    this.record(list);
    return true;
  }

  /** Evaluates the decoder's forward schedule (with forward list `list`) and keeps it if it is the best. */
  private record(list: Int32Array): void {
    this.dec.evaluate(this.values);
    if (!this.hasBest || compareValues(this.values, this.bestValues) < 0) {
      this.hasBest = true;
      this.bestValues = this.values.slice();
      this.bestList = list.slice();
      this.bestStart.set(this.dec.start);
      this.bestFinish.set(this.dec.finish);
      this.bestPerson.set(this.dec.person);
      this.stall = 0;
      if (this.isOptimal()) this.stop = 'optimal';
    }
  }

  isOptimal(): boolean {
    return (
      this.hasBest &&
      this.m === 2 &&
      this.bestValues[0] === 0 &&
      this.bestValues[1]! <= this.opt.lowerBound + EPS
    );
  }

  /** Snapshot of the decoder's current forward schedule as an individual with forward list `list`. */
  private capture(list: Int32Array): Individual {
    return {
      list,
      values: this.values.slice(),
      hash: this.hashSchedule(),
      tie: this.tieOf(),
      start: this.dec.start.slice(),
      finish: this.dec.finish.slice(),
      back: null,
      ...(this.tardy ? { person: this.dec.person.slice() } : {}),
    };
  }

  /** The activities by decreasing finish in a forward schedule (ties: reverse topological order). */
  private backwardList(finish: Int32Array): Int32Array {
    const n = this.n;
    const keys = this.keys;
    for (let j = 0; j < n; j++) keys[j] = -(finish[j]! * n + this.pr.topoRank[j]!);
    const back = this.sortBy(keys);
    if (this.negativeLags) this.repair(back, true);
    return back;
  }

  /**
   * Decodes a backward list on the mirrored network (right justification), then decodes forward in
   * order of increasing start in that schedule (left justification). Two counted schedules.
   */
  private justifyFrom(back: Int32Array): Individual | null {
    const n = this.n;
    this.dec.decode(back, true);
    this.schedules++;
    if (this.outOfBudget()) return null;
    const mk = this.dec.makespan;
    const keys = this.keys;
    for (let j = 0; j < n; j++) keys[j] = (mk - this.dec.finish[j]!) * n + this.pr.topoRank[j]!;
    const fwd = this.sortBy(keys);
    if (this.negativeLags) this.repair(fwd, false);
    if (!this.forward(fwd)) return null;
    return this.capture(fwd);
  }

  /**
   * Decodes a forward list and applies one double justification (a backward pass over the list
   * sorted by decreasing finish, then a forward pass over the result sorted by increasing start).
   */
  private evaluate(list: Int32Array): Individual | null {
    if (!this.forward(list)) return null;
    const first = this.capture(list);
    if (this.outOfBudget()) return first;
    const just = this.justifyFrom(this.backwardList(this.dec.finish));
    return just && compareValues(just.values, first.values) <= 0 ? just : first;
  }

  private parentBack(ind: Individual): Int32Array {
    if (!ind.back) ind.back = this.backwardList(ind.finish);
    return ind.back;
  }

  /** The activities by increasing start (ties in topological order): a plan's activity list. */
  private startOrder(start: Int32Array): Int32Array {
    const n = this.n;
    const keys = this.keys;
    for (let j = 0; j < n; j++) keys[j] = start[j]! * n + this.pr.topoRank[j]!;
    return this.sortBy(keys);
  }

  private parentList(ind: Individual): Int32Array {
    if (!ind.list) {
      ind.list = this.startOrder(ind.start);
      if (this.negativeLags) this.repair(ind.list, false);
    }
    return ind.list;
  }

  /**
   * Decodes a backward list once and keeps the mirrored (right-justified) schedule as an individual:
   * only when backward schedules are real plans (see `mirror`). A new best is left-justified at once
   * by one more forward pass, so the best plan is always a forward schedule. With `par`, the list is
   * decoded by the backward parallel SGS (its order as priorities) and the plan has the parallel gene.
   */
  private evaluateBackward(back: Int32Array, par = false): Individual {
    const n = this.n;
    if (par) this.dec.decodeParallel(this.listPick(back), true);
    else this.dec.decode(back, true);
    this.schedules++;
    const mk = this.dec.makespan;
    const start = new Int32Array(n);
    const finish = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      start[j] = mk - this.dec.finish[j]!;
      finish[j] = mk - this.dec.start[j]!;
    }
    const values = new Float64Array(this.m);
    this.dec.evaluate(values);
    let h = 2166136261;
    for (let j = 0; j < n; j++) {
      h = Math.imul(h ^ start[j]!, 16777619);
      h = Math.imul(h ^ (this.dec.person[j]! + 1), 16777619);
    }
    // a parallel pass does not keep the list's order: the backward list is made from the plan if needed
    const ind: Individual = {
      list: null,
      values,
      hash: h >>> 0,
      tie: this.tieOf(),
      start,
      finish,
      back: par ? null : back,
      par,
    };
    if (compareValues(values, this.bestValues) < 0 && !this.outOfBudget()) this.forward(this.parentList(ind));
    return ind;
  }

  /** Two-point crossover of two lists of the same activities (a whole list or a window). */
  private crossover(mother: Int32Array, father: Int32Array): Int32Array {
    const n = mother.length;
    const child = new Int32Array(n);
    const used = this.scratch;
    used.fill(0);
    let q1 = this.rng.int(n + 1);
    let q2 = this.rng.int(n + 1);
    if (q1 > q2) [q1, q2] = [q2, q1];
    let c = 0;
    for (let x = 0; x < q1; x++) {
      child[c++] = mother[x]!;
      used[mother[x]!] = 1;
    }
    for (let x = 0; x < n && c < q2; x++) {
      const j = father[x]!;
      if (!used[j]) {
        child[c++] = j;
        used[j] = 1;
      }
    }
    for (let x = 0; x < n && c < n; x++) {
      const j = mother[x]!;
      if (!used[j]) {
        child[c++] = j;
        used[j] = 1;
      }
    }
    return child;
  }

  /** The father's most resource-intensive time window [t1, t2), of a random length. */
  private peakWindow(father: Individual): [number, number] {
    const pr = this.pr;
    const n = this.n;
    const fs = father.start;
    let mk = 0;
    for (let j = 0; j < n; j++) mk = Math.max(mk, fs[j]! + pr.work[j]!);
    const use = new Float64Array(mk + 1);
    for (let j = 0; j < n; j++) {
      let u = 0;
      for (let x = pr.demStart[j]!; x < pr.demStart[j + 1]!; x++)
        u += pr.demAmt[x]! / pr.capacity[pr.demRes[x]!]!;
      if (pr.needsPerson[j]) u += 1;
      if (u === 0) continue;
      for (let t = fs[j]!; t < fs[j]! + pr.work[j]!; t++) use[t]! += u;
    }
    const len = Math.max(1, Math.floor(mk * (0.1 + 0.4 * this.rng.next())));
    let sum = 0;
    for (let t = 0; t < Math.min(len, mk); t++) sum += use[t]!;
    let best = sum;
    let t1 = 0;
    for (let t = len; t < mk; t++) {
      sum += use[t]! - use[t - len]!;
      if (sum > best) {
        best = sum;
        t1 = t - len + 1;
      }
    }
    return [t1, t1 + len];
  }

  /**
   * Peak crossover (after Valls, Ballestín & Quintanilla 2008): the child keeps, in the father's
   * order, the activities the father runs in his most resource-intensive time window, and takes the
   * activities before and after that window in the mother's order. With `backward`, the same on
   * backward lists (the activities after the window come first).
   */
  private peakCrossover(mother: Individual, father: Individual, backward: boolean): Int32Array {
    const n = this.n;
    const fs = father.start;
    const [t1, t2] = this.peakWindow(father);
    const ml = backward ? this.parentBack(mother) : this.parentList(mother);
    const fl = backward ? this.parentBack(father) : this.parentList(father);
    const child = new Int32Array(n);
    let c = 0;
    const lo = backward ? t2 : -Infinity;
    const hi = backward ? Infinity : t1;
    for (let x = 0; x < n; x++) if (fs[ml[x]!]! >= lo && fs[ml[x]!]! < hi) child[c++] = ml[x]!;
    for (let x = 0; x < n; x++) {
      const j = fl[x]!;
      if (fs[j]! >= t1 && fs[j]! < t2) child[c++] = j;
    }
    const lo2 = backward ? -Infinity : t2;
    const hi2 = backward ? t1 : Infinity;
    for (let x = 0; x < n; x++) if (fs[ml[x]!]! >= lo2 && fs[ml[x]!]! < hi2) child[c++] = ml[x]!;
    if (this.negativeLags) this.repair(child, backward);
    return child;
  }

  private precedes(a: number, b: number): boolean {
    if (this.isPred) {
      const bit = a * this.n + b;
      return (this.isPred[bit >>> 5]! & (1 << (bit & 31))) !== 0;
    }
    const pr = this.pr;
    for (let y = pr.predStart[b]!; y < pr.predStart[b + 1]!; y++) if (pr.predIdx[y] === a) return true;
    return false;
  }

  /** Adjacent swaps at `rate`, never across a precedence (of the mirrored network when `backward`). */
  private mutate(list: Int32Array, rate: number, backward: boolean): void {
    for (let x = 0; x + 1 < list.length; x++) {
      if (this.rng.next() >= rate) continue;
      const a = list[x]!;
      const b = list[x + 1]!;
      if (!(backward ? this.precedes(b, a) : this.precedes(a, b))) {
        list[x] = b;
        list[x + 1] = a;
      }
    }
  }

  /** Binary tournament. */
  private tournament(pop: Individual[] = this.population): Individual {
    const a = pop[this.rng.int(pop.length)]!;
    const b = pop[this.rng.int(pop.length)]!;
    return (compareValues(b.values, a.values) || b.tie - a.tie) < 0 ? b : a;
  }

  /** Keeps the best `popSize` distinct schedules. */
  private select(candidates: Individual[]): void {
    this.population = this.best(candidates);
  }

  private best(candidates: Individual[]): Individual[] {
    candidates.sort((a, b) => compareValues(a.values, b.values) || a.tie - b.tie || a.hash - b.hash);
    const next: Individual[] = [];
    for (const c of candidates) {
      const last = next[next.length - 1];
      if (last && last.hash === c.hash && compareValues(last.values, c.values) === 0) continue;
      next.push(c);
      if (next.length >= this.popSize) break;
    }
    return next;
  }

  /** A child of the single-population search: crossover, mutation, decoding and justification. */
  private child(a: Individual, b: Individual): Individual | null {
    const set = this.set;
    const child =
      this.rng.next() < set.peakShare
        ? this.peakCrossover(a, b, false)
        : this.crossover(this.parentList(a), this.parentList(b));
    this.mutate(child, set.mutation, false);
    return this.evaluate(child);
  }

  /**
   * Decomposition (after Debels & Vanhoucke 2007): takes the activities that the best plan runs in a
   * window of its list (by start), keeps the activities before the window where they are and those
   * after it in their order, and re-solves the order of the window with a small GA whose objective is
   * the plan's makespan and, on ties, the window's total finish (so a tighter window counts even when
   * the makespan does not move yet). Every sub-problem evaluation is a full counted SGS pass. The
   * best sub-solution joins the left population.
   */
  private decompose(): void {
    if (this.set.decompBi) {
      this.decomposeBi();
      return;
    }
    const set = this.set;
    const n = this.n;
    const base = this.population[0];
    if (!base || n < 4) return;
    const full = this.parentList(base).slice();
    const share = set.decompMin + (set.decompMax - set.decompMin) * this.rng.next();
    const size = Math.max(2, Math.min(n, Math.round(n * share)));
    const p1 = this.rng.int(n - size + 1);
    const stop = this.schedules + set.decompBudget;
    interface Sub {
      perm: Int32Array;
      values: Float64Array;
      tie: number;
      hash: number;
      ind: Individual | null;
    }
    const tieOf = (perm: Int32Array, finish: Int32Array): number => {
      let t = 0;
      for (let x = 0; x < perm.length; x++) t += finish[perm[x]!]!;
      return t;
    };
    const cmp = (a: Sub, b: Sub): number => compareValues(a.values, b.values) || a.tie - b.tie;
    const evalSub = (perm: Int32Array): Sub | null => {
      full.set(perm, p1);
      if (!this.forward(full)) return null;
      return {
        perm,
        values: this.values.slice(),
        tie: tieOf(perm, this.dec.finish),
        hash: this.hashSchedule(),
        ind: null,
      };
    };
    const first: Sub = {
      perm: full.slice(p1, p1 + size),
      values: base.values,
      tie: tieOf(full.subarray(p1, p1 + size), base.finish),
      hash: base.hash,
      ind: base,
    };
    let pop: Sub[] = [first];
    const done = (): boolean => this.schedules >= stop || this.outOfBudget();
    // initial sub-population: random precedence-feasible insertions into the incumbent's window
    while (pop.length < set.decompPop && !done()) {
      const perm = first.perm.slice();
      const moves = 1 + this.rng.int(3);
      for (let x = 0; x < moves; x++) this.insertMove(perm);
      const sub = evalSub(perm);
      if (sub) pop.push(sub);
    }
    const keep = (cands: Sub[]): Sub[] => {
      cands.sort((a, b) => cmp(a, b) || a.hash - b.hash);
      const out: Sub[] = [];
      for (const c of cands) {
        const last = out[out.length - 1];
        if (last && last.hash === c.hash && cmp(last, c) === 0) continue;
        out.push(c);
        if (out.length >= set.decompPop) break;
      }
      return out;
    };
    pop = keep(pop);
    const pick = (): Sub => {
      const a = pop[this.rng.int(pop.length)]!;
      const b = pop[this.rng.int(pop.length)]!;
      return cmp(b, a) < 0 ? b : a;
    };
    while (!done()) {
      const cands = [...pop];
      for (let x = 0; x < set.decompPop && !done(); x++) {
        const child = this.crossover(pick().perm, pick().perm);
        this.mutate(child, set.mutation, false);
        if (this.rng.next() < 0.5) this.insertMove(child);
        const sub = evalSub(child);
        if (sub) cands.push(sub);
      }
      pop = keep(cands);
    }
    const best = pop[0]!;
    if (best.ind === base || compareValues(best.values, base.values) > 0) return;
    full.set(best.perm, p1);
    // re-decode (counted) only if there is budget; otherwise the best plan is already recorded
    if (this.outOfBudget() || !this.forward(full)) return;
    this.population = this.best([...this.population, this.capture(full.slice())]);
  }

  /**
   * Decomposition with a bi-population sub-GA: the window of the best plan's list is re-solved by
   * left and right sub-populations; a child of two right sub-parents is decoded forward (the window
   * crossed over in order of increasing start, the rest in the best plan's forward order), a child of
   * two left sub-parents backward (the window in order of decreasing finish, the rest in the best
   * plan's backward order). Every pass is a full counted schedule.
   */
  private decomposeBi(): void {
    const set = this.set;
    const n = this.n;
    const base = this.population[0];
    if (!base || n < 4) return;
    const full = this.parentList(base);
    const share = set.decompMin + (set.decompMax - set.decompMin) * this.rng.next();
    const size = Math.max(2, Math.min(n, Math.round(n * share)));
    const p1 = this.rng.int(n - size + 1);
    const inWin = new Uint8Array(n);
    for (let x = p1; x < p1 + size; x++) inWin[full[x]!] = 1;
    const baseBack = this.parentBack(base);
    // backward frame: activities after the window (by decreasing finish), window, then before it
    const backHead: number[] = [];
    const backTail: number[] = [];
    const afterWin = new Uint8Array(n);
    for (let x = p1 + size; x < n; x++) afterWin[full[x]!] = 1;
    for (let x = 0; x < n; x++) {
      const j = baseBack[x]!;
      if (afterWin[j]) backHead.push(j);
      else if (!inWin[j]) backTail.push(j);
    }
    const stop = this.schedules + set.decompBudget;
    const done = (): boolean => this.schedules >= stop || this.outOfBudget();
    const winOf = (ind: Individual, backward: boolean): Int32Array => {
      const src = backward ? this.parentBack(ind) : this.parentList(ind);
      const w = new Int32Array(size);
      let c = 0;
      for (let x = 0; x < n; x++) if (inWin[src[x]!]) w[c++] = src[x]!;
      return w;
    };
    const tieOf = (ind: Individual, backward: boolean): number => {
      let t = 0;
      let mk = 0;
      if (backward) for (let j = 0; j < n; j++) mk = Math.max(mk, ind.finish[j]!);
      for (let x = p1; x < p1 + size; x++) {
        const j = full[x]!;
        t += backward ? mk - ind.start[j]! : ind.finish[j]!;
      }
      return t;
    };
    const fwdOf = (w: Int32Array): Individual | null => {
      const list = full.slice();
      list.set(w, p1);
      if (!this.forward(list)) return null;
      const ind = this.capture(list);
      ind.tie = tieOf(ind, false);
      return ind;
    };
    const backOf = (w: Int32Array): Individual => {
      const list = new Int32Array(n);
      let c = 0;
      for (const j of backHead) list[c++] = j;
      list.set(w, c);
      c += size;
      for (const j of backTail) list[c++] = j;
      const ind = this.evaluateBackward(list);
      ind.tie = tieOf(ind, true);
      return ind;
    };
    const cmp = (a: Individual, b: Individual): number => compareValues(a.values, b.values) || a.tie - b.tie;
    const keep = (cands: Individual[]): Individual[] => {
      cands.sort((a, b) => cmp(a, b) || a.hash - b.hash);
      const out: Individual[] = [];
      for (const c of cands) {
        const last = out[out.length - 1];
        if (last && last.hash === c.hash && cmp(last, c) === 0) continue;
        out.push(c);
        if (out.length >= set.decompPop) break;
      }
      return out;
    };
    const pick = (pop: Individual[]): Individual => {
      const a = pop[this.rng.int(pop.length)]!;
      const b = pop[this.rng.int(pop.length)]!;
      return cmp(b, a) < 0 ? b : a;
    };
    const first = { ...base, tie: tieOf(base, false) };
    let left: Individual[] = [first];
    let right: Individual[] = [];
    if (!done()) right.push(backOf(winOf(base, true)));
    while (left.length < set.decompPop && !done()) {
      const w = winOf(base, false);
      const moves = 1 + this.rng.int(3);
      for (let x = 0; x < moves; x++) this.insertMove(w);
      const ind = fwdOf(w);
      if (ind) left.push(ind);
      if (!done()) right.push(backOf(winOf(left[left.length - 1]!, true)));
    }
    left = keep(left);
    right = keep(right);
    while (!done() && right.length > 0) {
      const l = [...left];
      const r = [...right];
      for (let x = 0; x < 2 * set.decompPop && !done(); x++) {
        const backward = (x & 1) === 1;
        const pop = backward ? left : right;
        const child = this.crossover(winOf(pick(pop), backward), winOf(pick(pop), backward));
        this.mutate(child, set.mutation, backward);
        if (backward) r.push(backOf(child));
        else {
          const ind = fwdOf(child);
          if (ind) l.push(ind);
        }
      }
      left = keep(l);
      right = keep(r);
    }
    const best = left[0]!;
    if (best === first) return;
    best.tie = 0;
    this.population = this.best([...this.population, best]);
  }

  /** Moves one activity of `perm` to another position it can take without crossing a precedence. */
  private insertMove(perm: Int32Array, backward = false): void {
    const len = perm.length;
    if (len < 2) return;
    const from = this.rng.int(len);
    const j = perm[from]!;
    const before = (a: number, b: number): boolean => (backward ? this.precedes(b, a) : this.precedes(a, b));
    let lo = from;
    while (lo > 0 && !before(perm[lo - 1]!, j)) lo--;
    let hi = from;
    while (hi < len - 1 && !before(j, perm[hi + 1]!)) hi++;
    if (hi === lo) return;
    const to = lo + this.rng.int(hi - lo + 1);
    if (to < from) perm.copyWithin(to + 1, to, from);
    else perm.copyWithin(from, from + 1, to + 1);
    perm[to] = j;
  }

  /** Picks, from a decision set of the parallel SGS, the activity that comes first in `list`. */
  private listPick(list: Int32Array): (set: number[]) => number {
    const pos = (this.posScratch ??= new Int32Array(this.n));
    for (let x = 0; x < list.length; x++) pos[list[x]!] = x;
    return (set) => {
      let b = 0;
      for (let e = 1; e < set.length; e++) if (pos[set[e]!]! < pos[set[b]!]!) b = e;
      return b;
    };
  }

  /**
   * Regret-based biased random choice (Kolisch & Drexl 1996): the index in `set` of an activity drawn
   * with weight (largest key in the set − its key + 1), so lower keys are likelier.
   */
  private regretIndex(set: readonly number[], key: Float64Array): number {
    let maxL = -Infinity;
    for (const j of set) if (key[j]! > maxL) maxL = key[j]!;
    let total = 0;
    for (const j of set) total += maxL - key[j]! + 1;
    let r = this.rng.next() * total;
    let pick = 0;
    for (; pick < set.length - 1; pick++) {
      r -= maxL - key[set[pick]!]! + 1;
      if (r < 0) break;
    }
    return pick;
  }

  /**
   * A forward pass of the parallel SGS (one counted schedule) that records a new best, as an
   * individual with the parallel gene whose list is its order of increasing start.
   */
  private forwardParallel(pick: (set: number[]) => number): Individual | null {
    const ok = this.dec.decodeParallel(pick);
    this.schedules++;
    if (!ok) return null;
    const list = this.startOrder(this.dec.start);
    this.record(list);
    const ind = this.capture(list);
    ind.par = true;
    return ind;
  }

  /**
   * A sampled individual for the bi-population search: its forward schedule and its mirror. In the
   * first population of the first run, a share `parallelShare` is sampled by the parallel SGS.
   */
  private sampleBoth(deterministic: boolean, left: Individual[], right: Individual[]): void {
    const rules = this.set.rules > 1 ? (this.rules ??= this.ruleKeys()) : null;
    let key = rules ? rules[this.samples++ % Math.min(rules.length, this.set.rules)]! : this.lft;
    // equal keys: every eligible activity is equally likely
    if (this.runStart > 0 && this.set.longUniform) key = this.uniformKey ??= new Float64Array(this.n);
    let ind: Individual | null;
    if (
      !deterministic &&
      this.set.parallelShare > 0 &&
      this.generation === 0 &&
      this.runStart === 0 &&
      !this.negativeLags &&
      this.rng.next() < this.set.parallelShare
    ) {
      ind = this.forwardParallel((set) => this.regretIndex(set, key));
      if (!ind) return;
    } else {
      const list = this.sampleList(deterministic, key);
      if (!this.forward(list)) return;
      ind = this.capture(list);
    }
    left.push(ind);
    if (!this.outOfBudget()) {
      const r = this.evaluateBackward(this.backwardList(ind.finish));
      r.par = ind.par === true;
      right.push(r);
    }
  }

  /**
   * Bi-population generation (after Debels & Vanhoucke 2007): children of right-justified parents
   * are decoded forward into the left population, children of left-justified parents backward into
   * the right one, so every decoded child is at once a crossover and a justification.
   */
  private stepBi(): boolean {
    const set = this.set;
    if (this.generation === 0) {
      const left: Individual[] = [];
      const right: Individual[] = [];
      for (let x = 0; x < this.popSize && (x === 0 || !this.outOfBudget()); x++)
        this.sampleBoth(x === 0, left, right);
      if (!this.hasBest) {
        this.stop = 'failed';
        return false;
      }
      this.population = this.best(left);
      this.right = this.best(right);
      this.generation = 1;
      this.report();
      return !this.outOfBudget();
    }
    if (this.outOfBudget()) return false;
    const before = this.bestValues.slice();
    const left: Individual[] = [...this.population];
    const right: Individual[] = [...this.right];
    for (let x = 0; x < this.popSize && !this.outOfBudget(); x++) {
      const backward = (x & 1) === 1;
      const pop = backward ? this.population : this.right;
      const a = this.tournament(pop);
      const b = this.tournament(pop);
      const child =
        this.rng.next() < set.peakShare
          ? this.peakCrossover(a, b, backward)
          : backward
            ? this.crossover(this.parentBack(a), this.parentBack(b))
            : this.crossover(this.parentList(a), this.parentList(b));
      this.mutate(child, set.mutation, backward);
      // self-adapting decoding: the first parent's gene, sometimes flipped
      let par = set.selfAdapt && a.par === true;
      if (set.selfAdapt && this.rng.next() < set.geneMutation) par = !par;
      if (backward) right.push(this.evaluateBackward(child, par));
      else if (par) {
        const ind = this.forwardParallel(this.listPick(child));
        if (ind) left.push(ind);
      } else if (this.forward(child)) left.push(this.capture(child));
    }
    this.population = this.best(left);
    this.right = this.best(right);
    if (
      set.intensifyAt > 0 &&
      !this.intensified &&
      this.schedules - this.runStart >= set.intensifyAt * (this.opt.maxSchedules - this.runStart)
    )
      this.intensify();
    if (
      set.decompEvery > 0 &&
      this.generation % set.decompEvery === 0 &&
      this.schedules >= set.decompFrom * this.opt.maxSchedules &&
      !this.outOfBudget()
    )
      this.decompose();
    if (compareValues(this.bestValues, before) < 0) this.stall = 0;
    else this.stall++;
    if (this.stall >= set.restartAfter) {
      this.stall = 0;
      const keep = Math.max(1, Math.floor(this.popSize / 5));
      const l = this.population.slice(0, keep);
      const r = this.right.slice(0, keep);
      for (let x = keep; x < this.popSize && !this.outOfBudget(); x++) this.sampleBoth(false, l, r);
      this.population = this.best(l);
      this.right = this.best(r);
    }
    this.generation++;
    this.report();
    if (this.long && set.longRestart > 0) this.restartRun();
    return !this.outOfBudget();
  }

  /**
   * The rebuild around the best plan (after the second phase of Valls, Ballestín & Quintanilla
   * 2008): the left population keeps its best fifth, and each other member is the best plan's list
   * after random insertion moves, decoded forward (one counted pass each).
   */
  private intensify(): void {
    const set = this.set;
    this.intensified = true;
    const keep = Math.max(1, Math.floor(this.popSize / 5));
    const l = this.population.slice(0, keep);
    const base = this.parentList(this.population[0]!);
    const moves = Math.max(1, Math.round(set.intensifyMoves * this.n));
    for (let x = keep; x < this.popSize && !this.outOfBudget(); x++) {
      const list = base.slice();
      const k = 1 + this.rng.int(moves);
      for (let y = 0; y < k; y++) this.insertMove(list);
      if (this.forward(list)) l.push(this.capture(list));
    }
    this.population = this.best(l);
    if (set.intensifyRight) {
      const r = this.right.slice(0, keep);
      const back = this.parentBack(this.right[0]!);
      for (let x = keep; x < this.popSize && !this.outOfBudget(); x++) {
        const list = back.slice();
        const k = 1 + this.rng.int(moves);
        for (let y = 0; y < k; y++) this.insertMove(list, true);
        r.push(this.evaluateBackward(list));
      }
      this.right = this.best(r);
    }
  }

  /**
   * Long budgets: starts the GA afresh (a new initial population at the next step) when the best of
   * the current run has stalled for `longRestart` of the budget and as much is left. The best plan
   * stays recorded apart.
   */
  private restartRun(): void {
    const budget = this.opt.maxSchedules;
    const top = this.population[0];
    if (!top) return;
    if (!this.runBest || compareValues(top.values, this.runBest) < 0) {
      this.runBest = top.values;
      this.runImproved = this.schedules;
      return;
    }
    if (
      this.set.longRebuild > 0 &&
      !this.intensified &&
      this.schedules - this.runImproved >= this.set.longRebuild * budget &&
      !this.outOfBudget()
    )
      this.intensify();
    const span = this.set.longRestart * budget;
    if (this.schedules - this.runImproved < span || budget - this.schedules < span) return;
    this.generation = 0;
    this.intensified = false;
    this.stall = 0;
    this.runStart = this.schedules;
    this.runImproved = this.schedules;
    this.runBest = null;
  }

  /**
   * Priority keys for total tardiness (lower first), each a precedence-feasible list by sampling:
   * earliest due date (ties: earliest finish by precedence), the latest finish without delay (LFT,
   * i.e. deadlines tightened by successors) with a tenth of the earliest finish, plain LFT, and LFT
   * with longer work first on ties. With the deadlines a planner raises to each activity's earliest
   * finish, EDD is the modified due date rule.
   */
  private tardyKeys(): Float64Array[] {
    const pr = this.pr;
    const n = this.n;
    const ef = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const j = pr.topo[r]!;
      let e = pr.release[j]!;
      for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
        e = Math.max(e, ef[pr.predIdx[y]!]! + pr.predLag[y]!);
      ef[j] = e + pr.work[j]!;
    }
    const lft = this.lft;
    const big = Math.max(1, ...lft.filter((v) => Number.isFinite(v)));
    const edd = new Float64Array(n);
    const mix = new Float64Array(n);
    const plain = new Float64Array(n);
    const longer = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const d = Number.isFinite(pr.deadline[j]!) ? pr.deadline[j]! : 2 * big + ef[j]!;
      edd[j] = d + ef[j]! * 1e-6;
      mix[j] = lft[j]! + 0.1 * ef[j]!;
      plain[j] = lft[j]!;
      longer[j] = lft[j]! - pr.work[j]! * 1e-6;
    }
    return [edd, mix, plain, longer];
  }

  /** Decodes forward only (the backward pass ignores calendars and deadlines), as an individual. */
  private evaluateTardy(list: Int32Array): Individual | null {
    return this.forward(list) ? this.capture(list) : null;
  }

  /**
   * The plan in force (`Activity.current`), rebuilt: its activities in the order of their current
   * starts, each with its current person (new work by urgency, to whoever the decoder's rule gives
   * it). One counted schedule; it is the best plan until the search finds a better one, so the
   * result is never worse than the plan in force by the objectives.
   */
  private planInForce(): Individual | null {
    const pr = this.pr;
    const list = this.sampleList(true, currentOrderKeys(pr, this.lft));
    this.dec.keepAll = true;
    const ok = this.dec.decode(list, false);
    this.dec.keepAll = false;
    this.schedules++;
    if (!ok) return null;
    // The decoder fills a person's idle time with any later work that fits, so a plan that left it
    // idle (the sequence search's plans do) would come back with work moved earlier: each person's
    // work is timed again in the order of the plan in force instead, as the sequence search times it
    // (one more counted schedule).
    if (SequenceSearch.applies(pr) && !this.outOfBudget()) {
      const order = Int32Array.from(this.dec.start);
      for (let j = 0; j < this.n; j++) if (pr.curStart[j]! >= 0) order[j] = pr.curStart[j]!;
      const timed = new SequenceSearch(pr, this.rng);
      if (timed.load(order, this.dec.finish, this.dec.person)) {
        const inOrder = this.startOrder(timed.start);
        const from = { count: this.n, start: timed.start, finish: timed.finish, person: timed.person };
        return this.forward(inOrder, from) ? this.capture(inOrder) : null;
      }
    }
    this.record(list);
    return this.capture(list);
  }

  /**
   * Tardiness-first search (objective 1 is total weighted tardiness; people, calendars and
   * releases): the initial population decodes the priority rules of `tardyKeys` with the
   * tardiness-aware person choice and with the plain earliest-finish one, keeps the better choice,
   * and samples the rest around the best rule. Then it improves the best plan by moving delaying
   * activities earlier in its list (`tardyMove`); when that stalls, a GA generation (crossover,
   * mutation, forward decoding) and moves from its best. Every decoding is one counted schedule.
   */
  private stepTardy(): boolean {
    if (this.generation === 0) {
      const keys = this.tardyKeys();
      const due = this.lft;
      const initial: Individual[] = [];
      let bestRule = 0;
      let bestUse = true;
      let bestVals: Float64Array | null = null;
      if (this.pr.hasCurrent) {
        this.dec.due = due;
        const inForce = this.planInForce();
        if (inForce) initial.push(inForce);
      }
      for (const use of [true, false]) {
        this.dec.due = use ? due : null;
        for (let r = 0; r < keys.length && (initial.length === 0 || !this.outOfBudget()); r++) {
          const ind = this.evaluateTardy(this.sampleList(true, keys[r]));
          if (!ind) continue;
          initial.push(ind);
          if (!bestVals || compareValues(ind.values, bestVals) < 0) {
            bestVals = ind.values;
            bestRule = r;
            bestUse = use;
          }
        }
      }
      if (this.pr.hasCurrent) {
        // the same rules with everyone kept on their current work: the plan in force, reordered
        this.dec.due = due;
        this.dec.keepAll = true;
        for (let r = 0; r < keys.length && !this.outOfBudget(); r++) {
          const ind = this.evaluateTardy(this.sampleList(true, keys[r]));
          if (ind) initial.push(ind);
        }
        this.dec.keepAll = false;
      }
      if (!bestVals && initial.length === 0) {
        this.stop = 'failed';
        return false;
      }
      // the better person choice decodes the rest of the search (every plan kept is a real plan)
      this.dec.due = bestUse ? due : null;
      this.tardyRule = keys[bestRule]!;
      for (let x = initial.length; x < this.popSize && !this.outOfBudget(); x++) {
        const ind = this.evaluateTardy(this.sampleList(false, this.tardyRule));
        if (ind) initial.push(ind);
      }
      this.select(initial);
      this.cur = this.population[0] ?? null;
      if (SequenceSearch.applies(this.pr) && this.hasBest) {
        this.seq = new SequenceSearch(this.pr, this.rng);
        if (!this.seq.load(this.bestStart, this.bestFinish, this.bestPerson)) this.seq = null;
        else this.seqSynced = this.seq.bestCost;
      }
      this.generation = 1;
      this.report();
      return !this.outOfBudget();
    }
    if (this.seq) return this.stepSequence();
    if (this.outOfBudget()) return false;
    if (!this.cur) {
      this.stop = 'failed';
      return false;
    }
    const stallAt = Math.max(30, Math.min(200, Math.round(0.2 * this.n)));
    if (this.curTries < stallAt) {
      for (let x = 0; x < 20 && !this.outOfBudget(); x++) this.tardyMove();
    } else {
      // a GA generation, then moves from its best
      const children: Individual[] = [...this.population, this.cur];
      for (let x = 0; x < this.popSize && !this.outOfBudget(); x++) {
        const a = this.tournament();
        const b = this.tournament();
        const child =
          this.rng.next() < this.set.peakShare
            ? this.peakCrossover(a, b, false)
            : this.crossover(this.parentList(a), this.parentList(b));
        this.mutate(child, this.set.mutation, false);
        const ind = this.evaluateTardy(child);
        if (ind) children.push(ind);
      }
      this.select(children);
      const top = this.population[0]!;
      if (compareValues(top.values, this.cur.values) < 0) {
        this.cur = top;
        this.curTries = 0;
      } else {
        // restart the moves from another good plan of the population
        this.cur = this.population[this.rng.int(Math.min(this.population.length, 4))]!;
        this.curTries = Math.floor(stallAt / 2);
      }
    }
    this.generation++;
    this.report();
    return !this.outOfBudget();
  }

  /**
   * Tardiness-first search without renewable resources: a chunk of moves of the sequence search
   * (see sequence.ts), each evaluation counted as a schedule, with a temperature that falls to 0
   * over the budget (simulated annealing; the best plan is kept apart). A better plan is decoded
   * once (its list, with every activity where the sequence search put it) to become the best.
   * When the sequence search has nothing left to try, the list search takes over.
   */
  private stepSequence(): boolean {
    const seq = this.seq!;
    const maxS = this.opt.maxSchedules;
    const limit = this.opt.timeLimitMs;
    for (let x = 0; x < 25; x++) {
      // one schedule is kept for handing the result over
      const room = maxS - 1 - this.schedules;
      if (room <= 0 || this.outOfBudget()) break;
      let spent = Number.isFinite(limit) ? this.elapsed() / limit : 0;
      if (Number.isFinite(maxS)) spent = Math.max(spent, this.schedules / maxS);
      seq.temperature = SEQUENCE_TEMPERATURE * Math.max(0, 1 - spent);
      // (stability counts below one period of tardiness: the whole periods are the tardiness)
      const tardy = Math.floor(seq.bestCost);
      if (tardy < this.seqTardy) {
        this.seqTardy = tardy;
        this.seqTardyAt = spent;
      }
      if (spent >= SETTLE_FROM || spent - this.seqTardyAt >= SETTLE_STALL) seq.settling = true;
      const before = seq.evaluations;
      seq.improve(Math.min(20, room), room);
      this.schedules += seq.evaluations - before;
      this.seqIdle = seq.evaluations === before ? this.seqIdle + 1 : 0;
    }
    this.syncSequence();
    if (this.seqIdle >= 50) this.seq = null;
    this.generation++;
    this.report();
    if (this.schedules >= maxS - 1 && !this.stop) this.stop = 'budget';
    return !this.outOfBudget();
  }

  /** Hands the sequence search's best plan to the decoder when it improved (one counted schedule). */
  private syncSequence(): void {
    const seq = this.seq!;
    if (seq.bestCost >= this.seqSynced) return;
    this.seqSynced = seq.bestCost;
    const n = this.n;
    const list = this.startOrder(seq.bestStart);
    if (
      this.forward(list, { count: n, start: seq.bestStart, finish: seq.bestFinish, person: seq.bestPerson })
    ) {
      const ind = this.capture(list);
      if (this.cur && compareValues(ind.values, this.cur.values) < 0) this.cur = ind;
    }
  }

  /**
   * One improving move on `cur`: an activity that finishes after its latest finish without delay
   * (drawn in proportion to that delay) moves earlier in the list, before an activity that one of
   * its qualified people runs while it waits (or to a random earlier place), never before its
   * predecessors. One decoding; kept when the plan is no worse.
   */
  private tardyMove(): void {
    const cur = this.cur!;
    const pr = this.pr;
    const n = this.n;
    const due = this.lft;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const late = cur.finish[j]! - due[j]!;
      if (late > 0) total += late * (pr.weight[j]! || 1);
    }
    this.curTries++;
    if (total <= 0) {
      this.curTries = Infinity;
      return;
    }
    let r = this.rng.next() * total;
    let j = 0;
    for (; j < n - 1; j++) {
      const late = cur.finish[j]! - due[j]!;
      if (late > 0) {
        r -= late * (pr.weight[j]! || 1);
        if (r < 0) break;
      }
    }
    const list = this.parentList(cur);
    const pos = this.tardyPos ?? (this.tardyPos = new Int32Array(n));
    for (let x = 0; x < n; x++) pos[list[x]!] = x;
    let lo = 0;
    for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++) lo = Math.max(lo, pos[pr.predIdx[y]!]! + 1);
    const at = pos[j]!;
    if (lo >= at) {
      // it already follows its last predecessor: nothing to move (its predecessors are drawn too)
      return;
    }
    // activities placed before j on a person qualified for j, running while j waits
    const qual = this.scratch;
    qual.fill(0);
    if (pr.needsPerson[j])
      for (let y = pr.qualStart[j]!; y < pr.qualStart[j + 1]!; y++) qual[pr.qualIdx[y]!] = 1;
    const person = cur.person;
    const from = Math.min(cur.start[j]!, due[j]! - pr.work[j]!);
    const cands: number[] = [];
    for (let x = lo; x < at; x++) {
      const k = list[x]!;
      const q = person ? person[k]! : -1;
      if (q < 0 || !qual[q]) continue;
      if (cur.finish[k]! > from && cur.start[k]! < cur.finish[j]!) cands.push(x);
    }
    const to =
      cands.length > 0
        ? cands[this.rng.next() < TARDY_FIRST ? 0 : this.rng.int(cands.length)]!
        : lo + this.rng.int(at - lo);
    const next = list.slice();
    next.copyWithin(to + 1, to, at);
    next[to] = j;
    // the activities before `to` keep their places: only the rest of the list is decoded again
    if (!this.forward(next, { count: to, start: cur.start, finish: cur.finish, person: cur.person! })) return;
    const ind = this.capture(next);
    if (compareValues(ind.values, cur.values) <= 0) {
      if (compareValues(ind.values, cur.values) < 0) this.curTries = 0;
      this.cur = ind;
    }
  }

  /** One unit of work: the initial population, then one generation per call. Returns false when done. */
  step(): boolean {
    if (this.mirror) return this.stepBi();
    if (this.tardy) return this.stepTardy();
    if (this.generation === 0) {
      // the first list is always decoded, so every budget returns a plan
      const initial: Individual[] = [];
      const inForce = this.pr.hasCurrent ? this.planInForce() : null;
      if (inForce) initial.push(inForce);
      for (let x = 0; x < this.popSize && ((x === 0 && !inForce) || !this.outOfBudget()); x++) {
        const ind = this.evaluate(this.sampleList(x === 0));
        if (!ind) {
          if (!this.hasBest) this.stop = 'failed';
          continue;
        }
        initial.push(ind);
      }
      this.select(initial);
      this.generation = 1;
      this.report();
      return !this.outOfBudget();
    }
    if (this.outOfBudget()) return false;
    if (this.population.length === 0) {
      this.stop = 'failed';
      return false;
    }
    const before = this.bestValues.slice();
    const children: Individual[] = [...this.population];
    for (let x = 0; x < this.popSize && !this.outOfBudget(); x += 2) {
      const mother = this.tournament();
      const father = this.tournament();
      for (const [a, b] of [
        [mother, father],
        [father, mother],
      ] as const) {
        if (this.outOfBudget()) break;
        const ind = this.child(a, b);
        if (ind) children.push(ind);
      }
    }
    this.select(children);
    // diversify when the population has stopped improving: keep the best, resample the rest
    if (compareValues(this.bestValues, before) < 0) this.stall = 0;
    else this.stall++;
    if (this.stall >= this.set.restartAfter) {
      this.stall = 0;
      const keep = Math.max(1, Math.floor(this.popSize / 5));
      const fresh = this.population.slice(0, keep);
      for (let x = keep; x < this.popSize && !this.outOfBudget(); x++) {
        const ind = this.evaluate(this.sampleList(false));
        if (ind) fresh.push(ind);
      }
      this.select(fresh);
    }
    this.generation++;
    this.report();
    return !this.outOfBudget();
  }

  private report(): void {
    if (this.opt.onProgress && this.hasBest) this.opt.onProgress(this.schedules, this.bestValues);
  }
}
