/**
 * Local search on people's work sequences, for tardiness-first problems without renewable resources
 * (the product planner's). The serial SGS of the list search chooses each activity's person greedily
 * (the one who finishes it first), so moves of the list cannot say "let the specialist do the task
 * only she can do, and give this one to someone else". Here the plan is a sequence of activities per
 * person; times follow from the combined graph of precedences and sequences: each activity starts
 * when its predecessors are done, its release has come and its person has finished the one before
 * it, on that person's calendar and around pinned starts (semi-active timing).
 *
 * Evaluation is incremental: a topological order of the combined graph is kept and mended after each
 * move where the new edges of the sequences go against it (Pearce & Kelly 2006: only the activities
 * between the two ends that one reaches or that reach the other change places), and only the
 * activities whose inputs changed are timed again, in that order, stopping where finishes stop
 * changing (a whole pass, Kahn's algorithm, when the move makes a cycle). On the demo organization
 * (3,092 activities) that is about 65,000 evaluations a second against about 170 SGS decodings.
 *
 * Moves target the cause of a late activity: from a late activity (drawn in proportion to its
 * lateness) the search walks back along the predecessors that hold it up to one that waits for its
 * person, then moves it to another qualified person, earlier in its own sequence, or trades places
 * with an activity of another person who can do it — or does the same to the activity it waits for
 * (moving to another person, also to one of the few before that in the same sequence).
 * Some moves instead put off one of the activities before it in its sequence that has slack (by the
 * latest finishes its deadline and its successors' allow) to after it; some moves to another person
 * also hand one of the activities they delay there on to a third (a two-link ejection chain,
 * Glover 1996).
 * These are the relocation and interchange moves of parallel-machine tardiness searches with
 * eligibility, applied along the critical chain as in the block moves of Nowicki & Smutnicki (1996).
 * Most small moves trade such an activity (with up to two back to back before it: a cross exchange,
 * Taillard et al. 1997) for one to three that another qualified person runs at about the same time:
 * in a pool of people who are all busy, who finishes what by each deadline is a packing question
 * that moving one activity at a time does not answer.
 * Half of the evaluations (LNS_SHARE) go to destroy-and-repair moves instead (Shaw 1998, Ropke &
 * Pisinger 2006): a few related activities (a late one's holding-up chain, or the activities its qualified
 * people run around the same time) are taken out and put back one by one, by latest finish, at the
 * cheapest of a few places each (see `cheapestPlace`); trying a place stops as soon as its cost
 * passes the cheapest so far, which makes these evaluations several times cheaper than a move's.
 * A move is kept when the plan is no worse (pin violations first, then weighted tardiness), or with
 * the simulated-annealing probability exp(-worse / temperature) (Kirkpatrick et al. 1983); the best
 * plan is kept apart. The threshold a move must meet is drawn before it is timed, and timing stops
 * once the move is past it for good, or past it by far (REJECT_MARGIN): most moves are rejected.
 * The search starts from the SGS's best plan.
 */
import { finishFrom, nextWorking, type Problem } from './compile';
import type { Random } from './random';
import { stabilityOf } from './stability';

export class SequenceSearch {
  /** The current plan (worse than the best while the temperature is above 0). */
  start: Int32Array;
  finish: Int32Array;
  readonly person: Int32Array;
  /** violations × VIOLATION + weighted tardiness of the current plan. */
  cost = Infinity;
  /** Evaluations so far. */
  evaluations = 0;
  /** Moves that make the plan worse by d are kept with probability exp(-d / temperature). */
  temperature = 0;
  /**
   * Stability counts in the annealing and activities go back to their current person (`giveBack`);
   * before that, equal tardiness is accepted whatever it does to stability.
   */
  settling = false;
  /** The best plan seen (the current one may be worse while the temperature is above 0). */
  bestCost = Infinity;
  readonly bestStart: Int32Array;
  readonly bestFinish: Int32Array;
  readonly bestPerson: Int32Array;

  private readonly pr: Problem;
  private readonly rng: Random;
  /** Times being evaluated; equal to the current plan outside an evaluation. */
  private readonly trialS: Int32Array;
  private readonly trialF: Int32Array;
  /** Each activity's share of `cost` in the current plan. */
  private readonly nodeCost: Float64Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** The activity takes its person's time (work > 0, a person, no pinned start). */
  private readonly inSeq: Uint8Array;
  private readonly fixedFinish: Int32Array;
  /** Pinned-start activities as blocks of each person's time, sorted by start (CSR). */
  private readonly blkOff: Int32Array;
  private blkS: Int32Array = new Int32Array(0);
  private blkE: Int32Array = new Int32Array(0);
  /** A topological order of precedences and sequences in the current plan, and each one's place in it. */
  private readonly order: Int32Array;
  private readonly pos: Int32Array;
  /** Evaluation scratch: in-degrees and queue of the whole pass, the heap and marks of the partial one. */
  private readonly indeg: Int32Array;
  private readonly queue: Int32Array;
  private readonly heap: Int32Array;
  private heapSize = 0;
  private readonly mark: Uint8Array;
  /** Activities whose times the last evaluation wrote (the first `written` of `queue`). */
  private written = 0;
  /**
   * Each activity's weight for drawing late activities (`drawWeight`) and a Fenwick tree of them
   * (Fenwick 1994), kept up to date move by move; whole numbers, so the sums stay exact.
   */
  private readonly drawW: Float64Array;
  private readonly drawTree: Float64Array;
  private drawTotal = 0;
  /** The largest power of two up to the number of activities (where a draw starts down the tree). */
  private readonly drawTop: number;
  /**
   * Latest finish of each activity by its deadline and its successors' (their work before them,
   * without calendars); Infinity when nothing with a deadline follows.
   */
  private readonly due: Float64Array;
  /** Moves draw a late activity by its lateness past this: its deadline or, when later, its earliest finish. */
  private readonly lateFrom: Float64Array;
  /**
   * 'stability' is an objective: each activity's share of `cost` includes STAB_SCALE × its stability
   * (see stability.ts), below any change of tardiness, and moves give activities back to their
   * current person (`giveBack`).
   */
  private readonly stab: boolean;
  /** Activities that can go back to their current person (qualified, neither pinned). */
  private readonly restorable: Int32Array;

  constructor(problem: Problem, rng: Random) {
    this.pr = problem;
    this.rng = rng;
    const n = problem.n;
    const p = problem.p;
    this.start = new Int32Array(n);
    this.finish = new Int32Array(n);
    this.person = new Int32Array(n).fill(-1);
    this.trialS = new Int32Array(n);
    this.trialF = new Int32Array(n);
    this.nodeCost = new Float64Array(n);
    this.head = new Int32Array(p).fill(-1);
    this.tail = new Int32Array(p).fill(-1);
    this.next = new Int32Array(n).fill(-1);
    this.prev = new Int32Array(n).fill(-1);
    this.inSeq = new Uint8Array(n);
    this.fixedFinish = new Int32Array(n);
    this.blkOff = new Int32Array(p + 1);
    this.order = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.indeg = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.mark = new Uint8Array(n);
    this.drawW = new Float64Array(n);
    this.drawTree = new Float64Array(n + 1);
    let top = n > 0 ? 1 : 0;
    while (top * 2 <= n) top *= 2;
    this.drawTop = top;
    this.bestStart = new Int32Array(n);
    this.bestFinish = new Int32Array(n);
    this.bestPerson = new Int32Array(n);
    this.stab = problem.hasCurrent;
    const back: number[] = [];
    if (this.stab)
      for (let j = 0; j < n; j++) {
        const cur = problem.curPerson[j]!;
        if (cur < 0 || problem.pinPerson[j]! >= 0 || problem.pinStart[j]! >= 0) continue;
        if (!problem.needsPerson[j] || problem.work[j]! <= 0) continue;
        for (let y = problem.qualStart[j]!; y < problem.qualStart[j + 1]!; y++)
          if (problem.qualIdx[y] === cur) back.push(j);
      }
    this.restorable = Int32Array.from(back);
    this.stamp = new Uint32Array(n);
    this.fwdPos = new Int32Array(n);
    this.fwd = new Int32Array(n);
    this.bwd = new Int32Array(n);
    this.bwdPos = new Int32Array(n);
    this.slots = new Int32Array(n);
    this.slotNode = new Int32Array(n);
    this.due = new Float64Array(n);
    this.taken = new Uint8Array(n);
    this.saved = {
      start: new Int32Array(n),
      finish: new Int32Array(n),
      person: new Int32Array(n),
      next: new Int32Array(n),
      prev: new Int32Array(n),
      order: new Int32Array(n),
      pos: new Int32Array(n),
      nodeCost: new Float64Array(n),
      head: new Int32Array(p),
      tail: new Int32Array(p),
      drawW: new Float64Array(n),
      drawTree: new Float64Array(n + 1),
      drawTotal: 0,
    };
    const byRank = new Int32Array(n);
    for (let j = 0; j < n; j++) byRank[problem.topoRank[j]!] = j;
    for (let r = n - 1; r >= 0; r--) {
      const j = byRank[r]!;
      let d = problem.deadline[j]!;
      for (let y = problem.succStart[j]!; y < problem.succStart[j + 1]!; y++) {
        const x = problem.succIdx[y]!;
        d = Math.min(d, this.due[x]! - problem.work[x]!);
      }
      this.due[j] = d;
    }
    // lateness is drawn only past the earliest finish by precedence, releases and the calendars of
    // the qualified people (a task whose only person is away is late whatever the plan)
    this.lateFrom = new Float64Array(n);
    const ef = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const j = byRank[r]!;
      let e = problem.release[j]!;
      for (let y = problem.predStart[j]!; y < problem.predStart[j + 1]!; y++)
        e = Math.max(e, ef[problem.predIdx[y]!]! + problem.predLag[y]!);
      const w = problem.work[j]!;
      let f = e + w;
      if (problem.pinStart[j]! >= 0) f = Math.max(f, problem.pinStart[j]! + w);
      else if (problem.needsPerson[j] && w > 0) {
        let best = Infinity;
        const pin = problem.pinPerson[j]!;
        const from = pin >= 0 ? 0 : problem.qualStart[j]!;
        const to = pin >= 0 ? 1 : problem.qualStart[j + 1]!;
        for (let y = from; y < to; y++) {
          const cal = problem.calendars[pin >= 0 ? pin : problem.qualIdx[y]!];
          if (!cal) best = Math.min(best, e + w);
          else {
            const s0 = nextWorking(cal, e);
            if (s0 !== Infinity) best = Math.min(best, finishFrom(cal, s0, w));
          }
        }
        if (best !== Infinity) f = best;
      }
      ef[j] = f;
      this.lateFrom[j] = Math.max(problem.deadline[j]!, f);
    }
  }

  /**
   * The worst cost a move from cost `from` (the current one) may reach and still be kept: `from`, or
   * by the annealing rule (kept with probability exp(-worse / temperature)) `from` + temperature ×
   * -ln(u).
   */
  private threshold(from = this.cost, temperature = this.temperature): number {
    if (temperature <= 0) return from;
    if (!this.stab) return from - temperature * Math.log(1 - this.rng.next());
    // lexicographic annealing: whole periods of tardiness (any change of stability comes below one),
    // and, at equal tardiness, STAB_HEAT times as much stability
    const e = -temperature * Math.log(1 - this.rng.next());
    const room = this.isSettling() ? Math.min(STAB_HEAT * e, STAB_ROOM) : STAB_ROOM;
    return from + Math.floor(e) + STAB_SCALE * room;
  }

  /** Settling (see `settling`), or nothing is late any more: the tardiness moves have nothing to do. */
  private isSettling(): boolean {
    return this.settling || this.drawTotal === 0;
  }

  private accepts(cost: number): boolean {
    if (this.stab) return cost <= this.cost || (cost !== Infinity && cost <= this.threshold());
    if (cost <= this.cost) return true;
    if (this.temperature <= 0 || cost === Infinity) return false;
    return this.rng.next() < Math.exp((this.cost - cost) / this.temperature);
  }

  private keepBest(): void {
    if (this.cost >= this.bestCost) return;
    this.bestCost = this.cost;
    this.bestStart.set(this.start);
    this.bestFinish.set(this.finish);
    this.bestPerson.set(this.person);
  }

  /** The search applies: no renewable resources (people, calendars, releases and pins only). */
  static applies(problem: Problem): boolean {
    return problem.k === 0 && problem.p > 0;
  }

  /** Starts from a plan (an SGS decoding): each person's sequence is their activities by start. */
  load(start: Int32Array, finish: Int32Array, person: Int32Array): boolean {
    const pr = this.pr;
    const n = pr.n;
    this.person.set(person);
    this.head.fill(-1);
    this.tail.fill(-1);
    this.next.fill(-1);
    this.prev.fill(-1);
    const blocks: number[][] = Array.from({ length: pr.p }, () => []);
    const seq: number[] = [];
    for (let j = 0; j < n; j++) {
      const q = person[j]!;
      this.inSeq[j] = 0;
      if (pr.pinStart[j]! >= 0) {
        this.fixedFinish[j] = finish[j]!;
        if (q >= 0 && finish[j]! > start[j]!) blocks[q]!.push(j);
      } else if (pr.needsPerson[j] && pr.work[j]! > 0) {
        if (q < 0) return false;
        this.inSeq[j] = 1;
        seq.push(j);
      }
    }
    seq.sort((a, b) => start[a]! - start[b]! || pr.topoRank[a]! - pr.topoRank[b]!);
    for (const j of seq) this.append(j, person[j]!);
    let total = 0;
    for (const b of blocks) total += b.length;
    this.blkS = new Int32Array(total);
    this.blkE = new Int32Array(total);
    let x = 0;
    for (let q = 0; q < pr.p; q++) {
      this.blkOff[q] = x;
      blocks[q]!.sort((a, b) => start[a]! - start[b]!);
      for (const j of blocks[q]!) {
        this.blkS[x] = start[j]!;
        this.blkE[x] = finish[j]!;
        x++;
      }
    }
    this.blkOff[pr.p] = x;
    this.cost = Infinity;
    this.bestCost = Infinity;
    const cost = this.evaluateAll(Infinity);
    if (cost === Infinity) return false;
    this.commitAll(cost);
    this.keepBest();
    return true;
  }

  private append(j: number, q: number): void {
    this.person[j] = q;
    this.prev[j] = this.tail[q]!;
    this.next[j] = -1;
    if (this.tail[q]! >= 0) this.next[this.tail[q]!] = j;
    else this.head[q] = j;
    this.tail[q] = j;
  }

  private unlink(j: number): void {
    const q = this.person[j]!;
    const a = this.prev[j]!;
    const b = this.next[j]!;
    if (a >= 0) this.next[a] = b;
    else this.head[q] = b;
    if (b >= 0) this.prev[b] = a;
    else this.tail[q] = a;
    this.prev[j] = -1;
    this.next[j] = -1;
  }

  /** Puts j into q's sequence just before k (at the end when k < 0). */
  private insertBefore(j: number, q: number, k: number): void {
    if (k < 0) {
      this.append(j, q);
      return;
    }
    this.person[j] = q;
    const a = this.prev[k]!;
    this.prev[j] = a;
    this.next[j] = k;
    this.prev[k] = j;
    if (a >= 0) this.next[a] = j;
    else this.head[q] = j;
  }

  /**
   * Times activity j into trialS/trialF from the trial times of its predecessors and of the one
   * before it in its person's sequence; returns its share of the cost (Infinity when someone's
   * calendar runs out).
   */
  private timeOne(j: number): number {
    const pr = this.pr;
    const S = this.trialS;
    const F = this.trialF;
    const { predStart, predIdx, predLag } = pr;
    let ready = pr.release[j]!;
    for (let y = predStart[j]!; y < predStart[j + 1]!; y++) {
      const f = F[predIdx[y]!]! + predLag[y]!;
      if (f > ready) ready = f;
    }
    let cost = 0;
    const pin = pr.pinStart[j]!;
    if (pin >= 0) {
      S[j] = pin;
      F[j] = this.fixedFinish[j]!;
      for (let y = predStart[j]!; y < predStart[j + 1]!; y++)
        if (F[predIdx[y]!]! + predLag[y]! > pin) cost += VIOLATION;
    } else if (this.inSeq[j]) {
      const pv = this.prev[j]!;
      if (pv >= 0 && F[pv]! > ready) ready = F[pv]!;
      const q = this.person[j]!;
      const cal = pr.calendars[q]!;
      const w = pr.work[j]!;
      let s = ready;
      let f: number;
      for (;;) {
        if (cal) {
          s = nextWorking(cal, s);
          if (s === Infinity) return Infinity;
          f = finishFrom(cal, s, w);
          if (f === Infinity) return Infinity;
        } else f = s + w;
        // around the person's pinned blocks
        let clash = false;
        for (let b = this.blkOff[q]!; b < this.blkOff[q + 1]!; b++) {
          if (this.blkE[b]! <= s) continue;
          if (f > this.blkS[b]!) {
            s = this.blkE[b]!;
            clash = true;
          }
          break;
        }
        if (!clash) break;
      }
      S[j] = s;
      F[j] = f;
    } else {
      // (an activity taken out of the sequences by `lns` is timed as if someone could start it at once)
      S[j] = ready;
      F[j] = ready + pr.work[j]!;
    }
    const late = F[j] - pr.deadline[j]!;
    if (late > 0) cost += late * pr.weight[j]!;
    if (this.stab) cost += STAB_SCALE * stabilityOf(pr, j, this.person[j]!, S[j]);
    return cost;
  }

  /**
   * Times every activity in topological order (Kahn) into trialS/trialF; the order it found is left in
   * `queue`. Returns the cost, or Infinity when it exceeds `bound`, the sequences make a cycle or
   * someone's calendar runs out (trialS/trialF are then put back).
   */
  private evaluateAll(bound: number): number {
    const pr = this.pr;
    const n = pr.n;
    this.evaluations++;
    const { predStart, succStart, succIdx } = pr;
    const indeg = this.indeg;
    const queue = this.queue;
    const next = this.next;
    let qt = 0;
    for (let j = 0; j < n; j++) {
      const d = predStart[j + 1]! - predStart[j]! + (this.prev[j]! >= 0 ? 1 : 0);
      indeg[j] = d;
      if (d === 0) queue[qt++] = j;
    }
    let qh = 0;
    let cost = 0;
    while (qh < qt) {
      const j = queue[qh++]!;
      this.written = qh;
      cost += this.timeOne(j);
      if (cost > bound) return this.restore(Infinity);
      for (let y = succStart[j]!; y < succStart[j + 1]!; y++) {
        const s = succIdx[y]!;
        if (--indeg[s]! === 0) queue[qt++] = s;
      }
      const nx = next[j]!;
      if (nx >= 0 && --indeg[nx]! === 0) queue[qt++] = nx;
    }
    return qt < n ? this.restore(Infinity) : cost;
  }

  /** Puts the current plan back into trialS/trialF where the last evaluation wrote. */
  private restore(cost: number): number {
    const queue = this.queue;
    for (let i = 0; i < this.written; i++) {
      const j = queue[i]!;
      this.trialS[j] = this.start[j]!;
      this.trialF[j] = this.finish[j]!;
    }
    this.written = 0;
    return cost;
  }

  private commitAll(cost: number): void {
    const n = this.pr.n;
    this.start.set(this.trialS);
    this.finish.set(this.trialF);
    this.order.set(this.queue);
    for (let i = 0; i < n; i++) this.pos[this.order[i]!] = i;
    for (let j = 0; j < n; j++) this.nodeCost[j] = this.costOf(j);
    this.written = 0;
    this.cost = cost;
    this.drawTable();
  }

  /** An activity's share of the cost in the current plan. */
  private costOf(j: number): number {
    const pr = this.pr;
    let c = 0;
    const late = this.finish[j]! - pr.deadline[j]!;
    if (late > 0) c += late * pr.weight[j]!;
    const pin = pr.pinStart[j]!;
    if (pin >= 0)
      for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
        if (this.finish[pr.predIdx[y]!]! + pr.predLag[y]! > pin) c += VIOLATION;
    if (this.stab) c += STAB_SCALE * stabilityOf(pr, j, this.person[j]!, this.start[j]!);
    return c;
  }

  /**
   * An activity's weight for drawing: the square root of its weighted lateness past `lateFrom` (more
   * of the moves go to the many activities a little late), in 1/1024ths.
   */
  private drawWeight(j: number): number {
    const late = this.finish[j]! - this.lateFrom[j]!;
    return late > 0 ? Math.round(1024 * Math.sqrt(late * this.pr.weight[j]!)) : 0;
  }

  /** Builds the draw weights and their tree from the current plan. */
  private drawTable(): void {
    const n = this.pr.n;
    const tree = this.drawTree;
    tree.fill(0);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const w = this.drawWeight(j);
      this.drawW[j] = w;
      tree[j + 1] = w;
      total += w;
    }
    for (let i = 1; i <= n; i++) {
      const up = i + (i & -i);
      if (up <= n) tree[up] = tree[up]! + tree[i]!;
    }
    this.drawTotal = total;
  }

  /** Brings j's draw weight up to date with the current plan. */
  private redraw(j: number): void {
    const w = this.drawWeight(j);
    const d = w - this.drawW[j]!;
    if (d === 0) return;
    this.drawW[j] = w;
    this.drawTotal += d;
    const tree = this.drawTree;
    for (let i = j + 1; i < tree.length; i += i & -i) tree[i] = tree[i]! + d;
  }

  private heapPush(x: number): void {
    const h = this.heap;
    let c = this.heapSize++;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (h[p]! <= x) break;
      h[c] = h[p]!;
      c = p;
    }
    h[c] = x;
  }

  private heapPop(): number {
    const h = this.heap;
    const top = h[0]!;
    const last = h[--this.heapSize]!;
    const size = this.heapSize;
    let c = 0;
    for (;;) {
      let m = 2 * c + 1;
      if (m >= size) break;
      if (m + 1 < size && h[m + 1]! < h[m]!) m++;
      if (last <= h[m]!) break;
      h[c] = h[m]!;
      c = m;
    }
    if (size > 0) h[c] = last;
    return top;
  }

  private touch(j: number): void {
    if (this.mark[j]) return;
    this.mark[j] = 1;
    this.heapPush(this.pos[j]!);
  }

  /** Activities in the heap that may finish earlier than now (mark 2: their inputs may have). */
  private mayDecrease = 0;
  /** Their share of the cost in the current plan. */
  private decCost = 0;

  /** `touch`, for an activity whose inputs may have moved earlier. */
  private touchEarlier(j: number): void {
    const m = this.mark[j]!;
    if (m === 2) return;
    if (m === 0) this.heapPush(this.pos[j]!);
    this.mark[j] = 2;
    this.mayDecrease++;
    this.decCost += this.nodeCost[j]!;
  }

  /**
   * Times again only what a move changed, in the current topological order (which the move keeps
   * valid): the activities in `roots`, then the successors (by precedence or sequence) of every
   * activity whose finish changed. Writes into trialS/trialF and lists the activities in `queue`.
   * Returns Infinity (and stops timing) when the cost passes `bound` for good: at once when the
   * caller knows the move only delays (`delaysOnly`), otherwise once no activity left to time can
   * finish earlier than it does now.
   */
  private evaluateFrom(roots: number[], bound = Infinity, delaysOnly = true): number {
    this.evaluations++;
    const pr = this.pr;
    const { succStart, succIdx } = pr;
    this.heapSize = 0;
    this.mayDecrease = 0;
    this.decCost = 0;
    for (const r of roots) if (r >= 0) this.touchEarlier(r);
    let cost = this.cost;
    let w = 0;
    let bad = false;
    while (this.heapSize > 0) {
      const j = this.order[this.heapPop()]!;
      if (this.mark[j] === 2) {
        this.mayDecrease--;
        this.decCost -= this.nodeCost[j]!;
      }
      this.mark[j] = 0;
      this.queue[w++] = j;
      this.written = w;
      const c = bad ? 0 : this.timeOne(j);
      if (c === Infinity) bad = true;
      if (bad) continue;
      cost += c - this.nodeCost[j]!;
      // past the bound for good once nothing left to time can finish earlier (timing is monotone:
      // later inputs never give an earlier finish, and a later finish never costs less); given up
      // as hopeless before that when it passes the bound by REJECT_MARGIN times what the activities
      // left that may finish earlier cost now
      if (
        cost > bound &&
        (delaysOnly || this.mayDecrease === 0 || cost - REJECT_MARGIN * this.decCost > bound)
      ) {
        bad = true;
        continue;
      }
      const f = this.trialF[j]!;
      const old = this.finish[j]!;
      if (f === old) continue;
      const nx = this.next[j]!;
      if (f < old) {
        for (let y = succStart[j]!; y < succStart[j + 1]!; y++) this.touchEarlier(succIdx[y]!);
        if (nx >= 0) this.touchEarlier(nx);
      } else {
        for (let y = succStart[j]!; y < succStart[j + 1]!; y++) this.touch(succIdx[y]!);
        if (nx >= 0) this.touch(nx);
      }
    }
    return bad ? Infinity : cost;
  }

  private commitFrom(cost: number): void {
    for (let i = 0; i < this.written; i++) {
      const j = this.queue[i]!;
      this.start[j] = this.trialS[j]!;
      this.finish[j] = this.trialF[j]!;
    }
    for (let i = 0; i < this.written; i++) {
      const j = this.queue[i]!;
      this.nodeCost[j] = this.costOf(j);
      this.redraw(j);
    }
    this.written = 0;
    this.cost = cost;
  }

  /** The predecessor that set the last `readyOf` (-1: the release). */
  private readyBy = -1;

  /**
   * Ready time of j from its release and predecessors in the current plan; the predecessor that
   * sets it goes to `readyBy`.
   */
  private readyOf(j: number): number {
    const pr = this.pr;
    let ready = pr.release[j]!;
    let by = -1;
    for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++) {
      const p = pr.predIdx[y]!;
      const f = this.finish[p]! + pr.predLag[y]!;
      if (f > ready) {
        ready = f;
        by = p;
      }
    }
    this.readyBy = by;
    return ready;
  }

  /** A qualified person for j other than `not`, at random (-1 when none or j's person is pinned). */
  private otherPerson(j: number, not: number): number {
    const pr = this.pr;
    if (pr.pinPerson[j]! >= 0) return -1;
    const a = pr.qualStart[j]!;
    const c = pr.qualStart[j + 1]! - a;
    let has = false;
    for (let y = a; y < a + c; y++) if (pr.qualIdx[y] === not) has = true;
    const choices = has ? c - 1 : c;
    if (choices <= 0) return -1;
    let x = this.rng.int(choices);
    for (let y = a; y < a + c; y++) {
      const q = pr.qualIdx[y]!;
      if (q === not) continue;
      if (x-- === 0) return q;
    }
    return -1;
  }

  /** The place in q's sequence where j, ready at `ready`, would go: before the first that finishes after it. */
  private placeIn(q: number, ready: number): number {
    let k = this.head[q]!;
    while (k >= 0 && this.finish[k]! <= ready) k = this.next[k]!;
    // sometimes one later, so that an activity already running keeps its place
    if (k >= 0 && this.rng.next() < 0.5) k = this.next[k]!;
    return k;
  }

  /**
   * Tries `count` moves; returns how many improved the plan. A share of the evaluations goes to
   * destroy-and-repair moves (`repair`), while more than one of them fits in `room` evaluations.
   */
  improve(count: number, room = Infinity): number {
    let improved = 0;
    const base = this.evaluations;
    const restores = this.restorable.length > 0 && this.isSettling();
    for (let x = 0; x < count && (this.drawTotal > 0 || restores); x++) {
      const left = room - (this.evaluations - base);
      if (left <= 0) break;
      if (restores && (this.drawTotal === 0 || this.rng.next() < RESTORE_SHARE)) {
        if (this.giveBack()) improved++;
      } else if (this.lnsEvaluations < LNS_SHARE * this.evaluations && left > REPAIR_MAX) {
        const before = this.evaluations;
        if (this.repair()) improved++;
        this.lnsEvaluations += this.evaluations - before;
      } else if (this.move()) improved++;
    }
    return improved;
  }

  private move(): boolean {
    let c = this.drawLate();
    // walk back along the predecessors that hold it up, to one that waits for its person
    for (let step = 0; step < 100; step++) {
      const ready = this.readyOf(c);
      const by = this.readyBy;
      const pv = this.inSeq[c] ? this.prev[c]! : -1;
      const seqReady = pv >= 0 ? this.finish[pv]! : -1;
      if (by >= 0 && ready >= seqReady && this.start[c]! <= ready && this.rng.next() < 0.9) c = by;
      else break;
    }
    if (!this.inSeq[c]) return false;
    const q0 = this.person[c]!;
    const ready = this.readyOf(c);
    const ops = this.ops;
    ops.length = 0;
    if (this.rng.next() < DEFER) {
      // one that goes before c in its person's sequence although it could wait (the one with the
      // most slack of those back to back before c) goes after c
      let b = -1;
      let most = 0;
      let y = this.prev[c]!;
      for (let s = 0; s < DEFER_BACK && y >= 0; s++) {
        const slack = this.due[y]! - this.finish[y]!;
        if (slack > most && this.rng.next() < 0.7) {
          most = slack;
          b = y;
        }
        const py = this.prev[y]!;
        if (py < 0 || this.finish[py]! < this.start[y]! - DEFER_IDLE) break;
        y = py;
      }
      if (b < 0) return false;
      let k = this.next[c]!;
      for (let skip = this.rng.int(3); skip > 0 && k >= 0; skip--) k = this.next[k]!;
      ops.push(b, q0, k);
      return this.tryOps() === true;
    }
    if (this.rng.next() < CROSS) return this.crossExchange(c, q0, ready);
    if (this.rng.next() < WIDE) return this.wideSwap(c, q0, ready);
    const kind = this.rng.next();
    if (kind < 0.2) {
      // c to another person
      const q = this.otherPerson(c, q0);
      if (q < 0) return false;
      const k = this.placeIn(q, ready);
      ops.push(c, q, k);
      this.eject(q, k);
    } else if (kind < 0.45) {
      // c earlier in its own sequence, before one that runs while it could already start
      let k = this.prev[c]!;
      if (k < 0 || this.finish[k]! <= ready) return false;
      let cands = 1;
      let pick = k;
      for (let y = this.prev[k]!; y >= 0 && this.finish[y]! > ready; y = this.prev[y]!)
        if (this.rng.int(++cands) === 0) pick = y;
      if (this.rng.next() < 0.5) pick = k;
      k = pick;
      ops.push(c, q0, k);
    } else if (kind < 0.6) {
      // the activity c waits for, or one before it in the same sequence, to another person
      let b = this.prev[c]!;
      if (b < 0 || this.finish[b]! <= ready) return false;
      // (any of the 8 before c, at random: where the person's work runs back to back, handing over
      // one further back brings c forward too, and may suit another person better; about 2 % less
      // avoidable lateness on the demo organization)
      for (let y = this.prev[b]!, cands = 1; y >= 0 && cands < 8; y = this.prev[y]!)
        if (this.rng.int(++cands) === 0) b = y;
      const q = this.otherPerson(b, q0);
      if (q < 0) return false;
      const k = this.placeIn(q, this.readyOf(b));
      ops.push(b, q, k);
      this.eject(q, k);
    } else {
      // c, or the activity it waits for, trades places with an activity of another person
      let a = c;
      if (kind < 0.8) {
        a = this.prev[c]!;
        if (a < 0 || this.finish[a]! <= ready) return false;
      }
      const q = this.otherPerson(a, q0);
      if (q < 0) return false;
      let x = this.head[q]!;
      const ra = a === c ? ready : this.readyOf(a);
      while (x >= 0 && this.finish[x]! <= ra) x = this.next[x]!;
      for (let skip = this.rng.int(3); skip > 0 && x >= 0; skip--) x = this.next[x]!;
      while (x >= 0 && !this.canDo(q0, x)) x = this.next[x]!;
      if (x < 0) return false;
      const an = this.next[a]!;
      ops.push(a, q, this.next[x]!, x, q0, an);
    }
    return this.tryOps() === true;
  }

  /** A `giveBack` move is being tried (it has its own threshold, see `giveBackThreshold`). */
  private givingBack = false;

  /**
   * Stability: an activity the plan has taken from its current person goes back to them, where its
   * current start (or, half the time, its ready time) puts it in their sequence — alone, or half the
   * time trading places with one of theirs around then that its present person can do and that is
   * not theirs in the plan in force. True when the plan is better.
   */
  private giveBack(): boolean {
    this.givingBack = true;
    const kept = this.giveBackOnce();
    this.givingBack = false;
    return kept;
  }

  private giveBackOnce(): boolean {
    const pr = this.pr;
    const list = this.restorable;
    let j = -1;
    for (let tries = 0; tries < 8 && j < 0; tries++) {
      const c = list[this.rng.int(list.length)]!;
      if (this.person[c] !== pr.curPerson[c] && this.inSeq[c]) j = c;
    }
    if (j < 0) return false;
    const back = pr.curPerson[j]!;
    const q0 = this.person[j]!;
    const ready = this.readyOf(j);
    const t = pr.curStart[j]! > ready && this.rng.next() < 0.5 ? pr.curStart[j]! : ready;
    const ops = this.ops;
    ops.length = 0;
    if (this.rng.next() < 0.5) {
      for (let tries = 0; tries < 3; tries++) {
        const x = this.partnerNear(back, t, WIDE_WINDOW, q0);
        if (x < 0) break;
        if (pr.curPerson[x] === back) continue;
        ops.push(j, back, this.next[x]!, x, q0, this.next[j]!);
        return this.tryOps() === true;
      }
    }
    let k = this.head[back]!;
    while (k >= 0 && this.finish[k]! <= t) k = this.next[k]!;
    ops.push(j, back, k);
    return this.tryOps() === true;
  }

  /** `threshold` for `giveBack`: no tardiness is given up to give an activity back. */
  private giveBackThreshold(): number {
    if (this.temperature <= 0) return this.cost;
    const e = -this.temperature * Math.log(1 - this.rng.next());
    return this.cost + STAB_SCALE * Math.min(STAB_HEAT * e, STAB_ROOM);
  }

  /**
   * The activity a wide interchange or cross exchange starts from: c or, half the time when the one
   * before c runs while c could already start, one of the few (up to 8) before c in its sequence.
   */
  private swapStart(c: number, ready: number): number {
    const b = this.prev[c]!;
    if (b < 0 || this.finish[b]! <= ready || this.rng.next() >= 0.5) return c;
    let a = b;
    for (let y = this.prev[b]!, cands = 1; y >= 0 && cands < 8; y = this.prev[y]!)
      if (this.rng.int(++cands) === 0) a = y;
    return a;
  }

  /**
   * At random, one of q's activities that runs within `window` periods of t and that person r can
   * do (-1 when none).
   */
  private partnerNear(q: number, t: number, window: number, r: number): number {
    const cand = this.related;
    cand.length = 0;
    for (let x = this.head[q]!; x >= 0; x = this.next[x]!) {
      if (this.finish[x]! < t - window) continue;
      if (this.start[x]! > t + window) break;
      if (this.canDo(r, x)) cand.push(x);
    }
    return cand.length === 0 ? -1 : cand[this.rng.int(cand.length)]!;
  }

  /**
   * Wide interchange: the activity `swapStart` gives trades places with any activity that another
   * person qualified for it runs around the same time (within WIDE_WINDOW periods) and that its
   * person can do — not only with the first few after c's ready time, as in `move`. In a pool of
   * people who are all busy this evens out who finishes what by each deadline.
   */
  private wideSwap(c: number, q0: number, ready: number): boolean {
    const a = this.swapStart(c, ready);
    const q = this.otherPerson(a, q0);
    if (q < 0) return false;
    const x = this.partnerNear(q, this.start[a]!, WIDE_WINDOW, q0);
    if (x < 0) return false;
    const ops = this.ops;
    ops.length = 0;
    ops.push(a, q, this.next[x]!, x, q0, this.next[a]!);
    return this.tryOps() === true;
  }

  private readonly segA: number[] = [];
  private readonly segB: number[] = [];

  /**
   * Cross exchange (Taillard et al. 1997): 1–CROSS_MAX activities back to back in c's person's
   * sequence, ending with the one `swapStart` gives, trade places with 1–CROSS_MAX back to back in
   * another qualified person's sequence, from one that runs within CROSS_WINDOW periods of the first;
   * each side goes where the other was, in its order. Trading two short tasks for a long one (or
   * the reverse) moves just the work that lets both people meet a deadline.
   */
  private crossExchange(c: number, q0: number, ready: number): boolean {
    const a = this.swapStart(c, ready);
    const q = this.otherPerson(a, q0);
    if (q < 0) return false;
    const A = this.segA;
    const B = this.segB;
    A.length = 0;
    B.length = 0;
    const la = 1 + this.rng.int(CROSS_MAX);
    const lb = 1 + this.rng.int(CROSS_MAX);
    for (let y = a; y >= 0 && A.length < la; y = this.prev[y]!) {
      if (!this.canDo(q, y)) break;
      A.unshift(y);
    }
    const x0 = this.partnerNear(q, this.start[A[0]!]!, CROSS_WINDOW, q0);
    if (x0 < 0) return false;
    for (let y = x0; y >= 0 && B.length < lb; y = this.next[y]!) {
      if (!this.canDo(q0, y)) break;
      B.push(y);
    }
    // (one for one is the wide interchange's move: only half of those go on)
    if (A.length + B.length <= 2 && this.rng.next() < 0.5) return false;
    const afterA = this.next[A[A.length - 1]!]!;
    const afterB = this.next[B[B.length - 1]!]!;
    const ops = this.ops;
    ops.length = 0;
    for (const j of A) ops.push(j, q, afterB);
    for (const j of B) ops.push(j, q0, afterA);
    return this.tryOps() === true;
  }

  /**
   * Sometimes, with a move that puts an activity into q's sequence before k, hands one of the few
   * activities it delays (k or one after it) to another qualified person: an ejection chain.
   */
  private eject(q: number, k: number): void {
    if (k < 0 || this.rng.next() >= EJECT) return;
    let x = k;
    for (let skip = this.rng.int(3); skip > 0 && this.next[x]! >= 0; skip--) x = this.next[x]!;
    const r = this.otherPerson(x, q);
    if (r < 0) return;
    const before = this.placeIn(r, this.readyOf(x));
    // not before the activity the first move takes away from r (the places are read before the moves)
    if (before >= 0 && before === this.ops[0]) return;
    this.ops.push(x, r, before);
  }

  // Destroy and repair (large neighbourhood search; Shaw 1998, Ropke & Pisinger 2006): a few related
  // activities are taken out of the sequences and put back one by one where they cost least.

  /** Evaluations spent by `repair` so far (its share of all evaluations is `LNS_SHARE`). */
  private lnsEvaluations = 0;
  /** The activities taken out by the current `repair`, in the order they go back. */
  private readonly takenList: number[] = [];
  /** 1 for the activities taken out by the current `repair`. */
  private readonly taken: Uint8Array;
  private readonly related: number[] = [];
  private readonly relatedKey: number[] = [];
  private readonly tryPeople: number[] = [];
  /** The plan before the current `repair`, put back when it is not kept. */
  private readonly saved: {
    start: Int32Array;
    finish: Int32Array;
    person: Int32Array;
    next: Int32Array;
    prev: Int32Array;
    order: Int32Array;
    pos: Int32Array;
    nodeCost: Float64Array;
    head: Int32Array;
    tail: Int32Array;
    drawW: Float64Array;
    drawTree: Float64Array;
    drawTotal: number;
  };
  /** The place `cheapestPlace` found: the person and the activity to go before (-1: the end). */
  private placeQ = -1;
  private placeK = -1;

  private save(): void {
    const v = this.saved;
    v.start.set(this.start);
    v.finish.set(this.finish);
    v.person.set(this.person);
    v.next.set(this.next);
    v.prev.set(this.prev);
    v.order.set(this.order);
    v.pos.set(this.pos);
    v.nodeCost.set(this.nodeCost);
    v.head.set(this.head);
    v.tail.set(this.tail);
    v.drawW.set(this.drawW);
    v.drawTree.set(this.drawTree);
    v.drawTotal = this.drawTotal;
  }

  /** Puts back the plan `save` kept (every activity taken out back in its sequence). */
  private putBack(cost: number): void {
    const v = this.saved;
    this.start.set(v.start);
    this.finish.set(v.finish);
    this.trialS.set(v.start);
    this.trialF.set(v.finish);
    this.person.set(v.person);
    this.next.set(v.next);
    this.prev.set(v.prev);
    this.order.set(v.order);
    this.pos.set(v.pos);
    this.nodeCost.set(v.nodeCost);
    this.head.set(v.head);
    this.tail.set(v.tail);
    this.drawW.set(v.drawW);
    this.drawTree.set(v.drawTree);
    this.drawTotal = v.drawTotal;
    for (const j of this.takenList) this.inSeq[j] = 1;
    this.cost = cost;
    this.written = 0;
  }

  /** A late activity, in proportion to its draw weight (see `drawWeight`). */
  private drawLate(): number {
    const tree = this.drawTree;
    const n = this.pr.n;
    let rest = this.rng.next() * this.drawTotal;
    // the first activity whose running sum of weights passes `rest`: down the tree's powers of two
    let at = 0;
    for (let step = this.drawTop; step > 0; step >>= 1) {
      const next = at + step;
      if (next <= n && tree[next]! <= rest) {
        at = next;
        rest -= tree[next]!;
      }
    }
    return at;
  }

  /** j can be taken out and put back: it is in a sequence and its person is not pinned. */
  private movable(j: number): boolean {
    return this.inSeq[j] === 1 && this.pr.pinPerson[j]! < 0;
  }

  /**
   * Chooses up to LNS_SIZE related activities to take out (into takenList), from a late activity
   * and the chain that holds it up (as `move` walks it): either that chain with the activities back
   * to back before each link in its sequence, or the activities of the people qualified for the
   * chain's first link that run closest in time to it (Shaw's relatedness, with some noise).
   */
  private chooseTaken(): void {
    const pr = this.pr;
    const set = this.takenList;
    set.length = 0;
    let c = this.drawLate();
    const chain = this.related;
    chain.length = 0;
    for (let step = 0; step < 100; step++) {
      if (this.inSeq[c]) chain.push(c);
      const ready = this.readyOf(c);
      const by = this.readyBy;
      const pv = this.inSeq[c] ? this.prev[c]! : -1;
      const seqReady = pv >= 0 ? this.finish[pv]! : -1;
      if (by >= 0 && ready >= seqReady && this.start[c]! <= ready && this.rng.next() < 0.9) c = by;
      else break;
    }
    if (!this.inSeq[c]) return;
    if (this.rng.next() < LNS_CHAIN) {
      for (const x of chain) this.take(x);
      for (let back = 1; set.length < LNS_SIZE && back <= LNS_SIZE; back++) {
        for (const x of chain) {
          let y = x;
          for (let s = 0; s < back && y >= 0; s++) y = this.prev[y]!;
          if (y >= 0) this.take(y);
        }
      }
      return;
    }
    const t = this.start[c]!;
    const cand = this.related;
    const key = this.relatedKey;
    cand.length = 0;
    key.length = 0;
    this.take(c);
    for (let y = pr.qualStart[c]!; y < pr.qualStart[c + 1]!; y++) {
      const q = pr.qualIdx[y]!;
      for (let x = this.head[q]!; x >= 0; x = this.next[x]!) {
        if (this.finish[x]! < t - LNS_WINDOW) continue;
        if (this.start[x]! > t + LNS_WINDOW) break;
        if (x === c || !this.movable(x)) continue;
        cand.push(x);
        key.push(Math.abs(this.start[x]! - t) * (1 + this.rng.next()));
      }
    }
    const idx = cand.map((_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b);
    for (const i of idx) this.take(cand[i]!);
  }

  /** Adds x to the activities to take out, unless there are enough or it cannot move. */
  private take(x: number): void {
    const set = this.takenList;
    if (set.length < LNS_SIZE && this.taken[x] === 0 && this.movable(x)) {
      this.taken[x] = 1;
      set.push(x);
    }
  }

  /**
   * Puts j (taken out) into q's sequence before k and times what changes: the cost, or Infinity on
   * a cycle or as soon as the cost passes `bound` (putting an activity in only delays others, so
   * the cost only grows as the timing goes on). `unplace` undoes it unless it is committed.
   */
  private place(j: number, q: number, k: number, bound: number): number {
    this.moved.length = 0;
    this.inSeq[j] = 1;
    this.insertBefore(j, q, k);
    let ok = true;
    const a = this.prev[j]!;
    if (a >= 0 && this.pos[a]! > this.pos[j]!) ok = this.fixEdge(a, j);
    const b = this.next[j]!;
    if (ok && b >= 0 && this.pos[j]! > this.pos[b]!) ok = this.fixEdge(j, b);
    if (ok) ok = this.inPlace(j);
    if (!ok) return Infinity;
    const roots = this.roots;
    roots.length = 0;
    roots.push(j, b);
    return this.evaluateFrom(roots, bound);
  }

  private unplace(j: number): void {
    this.restore(0);
    const moved = this.moved;
    for (let i = moved.length - 2; i >= 0; i -= 2) {
      this.order[moved[i + 1]!] = moved[i]!;
      this.pos[moved[i]!] = moved[i + 1]!;
    }
    moved.length = 0;
    this.unlink(j);
    this.inSeq[j] = 0;
  }

  /** Tries j before k in q's sequence; keeps it in placeQ/placeK when cheaper than `best`. */
  private tryPlace(j: number, q: number, k: number, best: number): number {
    const c = this.place(j, q, k, best);
    this.unplace(j);
    if (c >= best) return best;
    this.placeQ = q;
    this.placeK = k;
    return c;
  }

  /**
   * The cheapest place for j (taken out) into placeQ/placeK, and its cost: its old place, and for
   * the person who had it and up to LNS_PEOPLE - 1 others qualified (at random), the place where it
   * would start on time (before the first activity that finishes after it is ready) and the place
   * its latest finish gives it among that person's later activities, and the one before that.
   */
  private cheapestPlace(j: number, limit: number): number {
    const pr = this.pr;
    const ready = this.readyOf(j);
    const people = this.tryPeople;
    people.length = 0;
    const had = this.saved.person[j]!;
    people.push(had);
    const cur = pr.curPerson[j]!;
    if (this.stab && cur >= 0 && cur !== had && this.canDo(cur, j)) people.push(cur);
    const a0 = pr.qualStart[j]!;
    const nq = pr.qualStart[j + 1]! - a0;
    if (nq <= LNS_PEOPLE) {
      for (let y = a0; y < a0 + nq; y++) if (pr.qualIdx[y] !== had) people.push(pr.qualIdx[y]!);
    } else {
      for (let y = people.length; y < LNS_PEOPLE; y++) {
        const q = pr.qualIdx[a0 + this.rng.int(nq)]!;
        if (!people.includes(q)) people.push(q);
      }
    }
    this.placeQ = -1;
    this.placeK = -1;
    // its old place: before the first of those after it that were not taken out
    let k = this.saved.next[j]!;
    while (k >= 0 && this.taken[k] === 1) k = this.saved.next[k]!;
    let best = this.tryPlace(j, had, k, limit);
    for (const q of people) {
      k = this.head[q]!;
      while (k >= 0 && this.finish[k]! <= ready) k = this.next[k]!;
      best = this.tryPlace(j, q, k, best);
      if (k < 0) continue;
      k = this.next[k]!;
      if (k < 0) continue;
      while (k >= 0 && this.due[k]! <= this.due[j]!) k = this.next[k]!;
      best = this.tryPlace(j, q, k, best);
      const before = k >= 0 ? this.prev[k]! : this.tail[q]!;
      if (before >= 0 && this.finish[before]! > ready) best = this.tryPlace(j, q, before, best);
    }
    return best;
  }

  /**
   * One destroy-and-repair move: takes out related activities (`chooseTaken`), then puts them back
   * in order of latest finish, each at its cheapest place (`cheapestPlace`, the others still out:
   * timed as if someone could start them at once). The new plan is kept by the annealing rule at
   * LNS_HEAT times the temperature, else the old one is put back. True when better.
   */
  private repair(): boolean {
    this.chooseTaken();
    const set = this.takenList;
    const kept = this.repairTaken();
    for (const j of set) this.taken[j] = 0;
    set.length = 0;
    return kept;
  }

  private repairTaken(): boolean {
    const set = this.takenList;
    if (set.length < 2) return false;
    const oldCost = this.cost;
    this.save();
    const roots = this.roots;
    roots.length = 0;
    for (const j of set) {
      roots.push(j, this.next[j]!);
      this.unlink(j);
      this.inSeq[j] = 0;
    }
    let cost = this.evaluateFrom(roots);
    if (cost === Infinity) {
      this.restore(0);
      this.putBack(oldCost);
      return false;
    }
    this.commitFrom(cost);
    // the annealing's threshold (at LNS_HEAT times the temperature), drawn first: putting an
    // activity back only delays others, so a repair past it at any point is rejected at the end
    const limit = this.threshold(oldCost, this.temperature * LNS_HEAT);
    // (a place exactly at the threshold is kept; with stability the costs are exact, and a margin
    // would let changes of person through)
    const bound = this.stab ? limit : limit + 1e-9 * Math.max(1, Math.abs(limit));
    set.sort((a, b) => this.due[a]! - this.due[b]! || a - b);
    for (const j of set) {
      this.cheapestPlace(j, bound);
      cost = this.placeQ < 0 ? Infinity : this.place(j, this.placeQ, this.placeK, Infinity);
      if (cost === Infinity) {
        if (this.placeQ >= 0) this.unplace(j);
        this.putBack(oldCost);
        return false;
      }
      this.commitFrom(cost);
    }
    this.cost = cost;
    this.keepBest();
    return cost < oldCost;
  }

  /** Person q is qualified for activity x and x's person is not pinned. */
  private canDo(q: number, x: number): boolean {
    const pr = this.pr;
    if (pr.pinPerson[x]! >= 0) return false;
    for (let y = pr.qualStart[x]!; y < pr.qualStart[x + 1]!; y++) if (pr.qualIdx[y] === q) return true;
    return false;
  }

  private readonly ops: number[] = [];
  private readonly undoOps: number[] = [];
  private readonly roots: number[] = [];
  private readonly moved: number[] = [];

  /** fixEdge's walks (as queues). */
  private readonly fwd: Int32Array;
  private readonly bwd: Int32Array;
  private readonly fwdPos: Int32Array;
  private readonly bwdPos: Int32Array;
  private readonly slots: Int32Array;
  private readonly slotNode: Int32Array;
  /** Marks of fixEdge's walks (the walk's number). */
  private readonly stamp: Uint32Array;
  private stampNow = 0;

  /**
   * Makes `order` topological again after the edge x → y, with y before x in it, joined the graph
   * (Pearce & Kelly 2006): the activities that y reaches before x's place, then those that reach x
   * after y's place, are put in those places, those that reach x first. Only edges that `order`
   * already respects are followed (the other new edges are fixed in their turn). False when x is
   * reached from y (a cycle); the changes are logged in `moved` for undoing.
   */
  private fixEdge(x: number, y: number): boolean {
    const pr = this.pr;
    const pos = this.pos;
    const order = this.order;
    const stamp = this.stamp;
    if (++this.stampNow === 0xffffffff) {
      stamp.fill(0);
      this.stampNow = 1;
    }
    const now = this.stampNow;
    const lb = pos[y]!;
    const ub = pos[x]!;
    const fwd = this.fwd;
    const bwd = this.bwd;
    let nf = 0;
    let nb = 0;
    // forward from y, then back from x (breadth first; the lists are the queues)
    stamp[y] = now;
    fwd[nf++] = y;
    for (let h = 0; h < nf; h++) {
      const u = fwd[h]!;
      const pu = pos[u]!;
      const nx = this.next[u]!;
      for (let y2 = pr.succStart[u]!; y2 <= pr.succStart[u + 1]!; y2++) {
        const v = y2 < pr.succStart[u + 1]! ? pr.succIdx[y2]! : nx;
        if (v < 0) continue;
        const pv = pos[v]!;
        if (pv <= pu || pv > ub || stamp[v] === now) continue;
        if (v === x) return false;
        stamp[v] = now;
        fwd[nf++] = v;
      }
    }
    stamp[x] = now;
    bwd[nb++] = x;
    for (let h = 0; h < nb; h++) {
      const u = bwd[h]!;
      const pu = pos[u]!;
      const pv0 = this.prev[u]!;
      for (let y2 = pr.predStart[u]!; y2 <= pr.predStart[u + 1]!; y2++) {
        const v = y2 < pr.predStart[u + 1]! ? pr.predIdx[y2]! : pv0;
        if (v < 0) continue;
        const pv = pos[v]!;
        if (pv >= pu || pv < lb || stamp[v] === now) continue;
        stamp[v] = now;
        bwd[nb++] = v;
      }
    }
    // each list by place (places are distinct: sort them and read the activities back), then the
    // places of both, merged, go to those that reach x first
    const fp = this.fwdPos.subarray(0, nf);
    const bp = this.bwdPos.subarray(0, nb);
    for (let i = 0; i < nf; i++) fp[i] = pos[fwd[i]!]!;
    for (let i = 0; i < nb; i++) bp[i] = pos[bwd[i]!]!;
    fp.sort();
    bp.sort();
    const moved = this.moved;
    const slots = this.slots;
    const slotNode = this.slotNode;
    let i = 0;
    let a = 0;
    let b = 0;
    // (bwd's activities first, then fwd's, each list in its order, take the merged places)
    for (let z = 0; z < nb + nf; z++) {
      const from = z < nb ? bp[z]! : fp[z - nb]!;
      const u = order[from]!;
      moved.push(u, from);
      slots[i] = a < nb && (b >= nf || bp[a]! < fp[b]!) ? bp[a++]! : fp[b++]!;
      slotNode[i++] = u;
    }
    for (let z = 0; z < i; z++) {
      const u = this.slotNode[z]!;
      order[this.slots[z]!] = u;
      pos[u] = this.slots[z]!;
    }
    return true;
  }

  private inPlace(j: number): boolean {
    const pr = this.pr;
    const pos = this.pos;
    const at = pos[j]!;
    if (this.prev[j]! >= 0 && pos[this.prev[j]!]! >= at) return false;
    if (this.next[j]! >= 0 && pos[this.next[j]!]! <= at) return false;
    for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
      if (pos[pr.predIdx[y]!]! >= at) return false;
    for (let y = pr.succStart[j]!; y < pr.succStart[j + 1]!; y++)
      if (pos[pr.succIdx[y]!]! <= at) return false;
    return true;
  }

  /**
   * Applies `ops` (triples: activity, person, the activity to go before or -1 for the end) and keeps
   * them when the plan is no worse (or by the temperature). Returns true when better, false when
   * kept equal, null when undone.
   */
  private tryOps(): boolean | null {
    const ops = this.ops;
    const undo = this.undoOps;
    const roots = this.roots;
    undo.length = 0;
    roots.length = 0;
    this.moved.length = 0;
    for (let i = 0; i < ops.length; i += 3) {
      const j = ops[i]!;
      const q = ops[i + 1]!;
      const k = ops[i + 2]!;
      if (k === j || (k === this.next[j] && q === this.person[j])) continue;
      undo.push(j, this.person[j]!, this.next[j]!);
      roots.push(j, this.next[j]!, k);
      this.unlink(j);
      this.insertBefore(j, q, k);
    }
    if (undo.length === 0) return null;
    // the topological order is mended where a moved activity's new neighbours in its sequence are
    // on the wrong side of it (the edge out of the place it left is kept by the order); the whole
    // plan is timed again only when that fails (a cycle)
    let ok = true;
    for (let i = 0; i < undo.length && ok; i += 3) {
      const j = undo[i]!;
      const a = this.prev[j]!;
      if (a >= 0 && this.pos[a]! > this.pos[j]!) ok = this.fixEdge(a, j);
      const b = this.next[j]!;
      if (ok && b >= 0 && this.pos[j]! > this.pos[b]!) ok = this.fixEdge(j, b);
    }
    for (let i = 0; i < undo.length && ok; i += 3) ok = this.inPlace(undo[i]!);
    let cost: number;
    if (ok) {
      // the annealing's threshold, drawn first, bounds the timing (see evaluateFrom)
      const limit = this.givingBack ? this.giveBackThreshold() : this.threshold();
      cost = this.evaluateFrom(roots, limit, false);
      if (cost <= limit) {
        const better = cost < this.cost;
        this.commitFrom(cost);
        this.keepBest();
        return better;
      }
      this.restore(0);
    }
    const moved = this.moved;
    for (let i = moved.length - 2; i >= 0; i -= 2) {
      this.order[moved[i + 1]!] = moved[i]!;
      this.pos[moved[i]!] = moved[i + 1]!;
    }
    if (!ok) {
      cost = this.evaluateAll(this.cost + 20 * this.temperature);
      if (this.givingBack ? cost <= this.giveBackThreshold() : this.accepts(cost)) {
        const better = cost < this.cost;
        this.commitAll(cost);
        this.keepBest();
        return better;
      }
      this.restore(0);
    }
    for (let i = undo.length - 3; i >= 0; i -= 3) {
      this.unlink(undo[i]!);
      this.insertBefore(undo[i]!, undo[i + 1]!, undo[i + 2]!);
    }
    return null;
  }
}

/**
 * Share of moves to another person that also hand over an activity they delay (see `eject`); about
 * 0.5 % less avoidable lateness on the demo organizations (seeds 1 and 2), within the noise.
 */
const EJECT = 0.3;
/**
 * Share of moves that put off an activity with slack (see `move`): about 2.5 % less avoidable
 * lateness on the demo organizations (0.35: less gain).
 */
const DEFER = 0.2;
/**
 * Share of the small moves (after the put-off ones) that are cross exchanges (see
 * `crossExchange`), and of the rest that are wide interchanges (see `wideSwap`). With both, the
 * sampling of late activities by the square root of lateness past the earliest finish, and a starting
 * temperature of 3: on the demo organizations (engine alone, 7 s CPU, mean of engine seeds) seed 1
 * 2,208 → 1,916 h of avoidable lateness (seeds 1–4), seed 2 about 3,200 → 3,037 h (seeds 1–2).
 */
const CROSS = 0.7;
const WIDE = 0.7;
/** How far (periods) from the first activity's start the cross exchange looks for its partner. */
const CROSS_WINDOW = 4;
/** The most activities on each side of a cross exchange (3: 1,957 h against 1,994 h for 2, 1,982 h for 6). */
const CROSS_MAX = 3;
/** How far (periods) from the activity's start the wide interchange looks for its partner (8–15 alike, 30: +40 h, 60: +60 h). */
const WIDE_WINDOW = 10;
/** How far back (in activities) before the late one the put-off activity is looked for. */
const DEFER_BACK = 12;
/** Idle periods between two activities of a sequence that still count as back to back (a weekend). */
const DEFER_IDLE = 16;

/**
 * Share of the evaluations spent on destroy-and-repair moves. Those evaluations are cheap (each stops
 * once the cost passes the cheapest place so far), so at a time limit the search makes about twice
 * as many; on the demo organization (seed 1, 7 s) about 6 % less avoidable lateness, none at an equal
 * number of evaluations (0.3: less gain at a time limit). Since the small moves are given up early
 * too (REJECT_MARGIN), half is best: 0.4 / 0.5 / 0.6 / 0.7 gave 1,850 / 1,840 / 1,848 / 1,851 h
 * (engine seeds 1–8 at 7 s).
 */
const LNS_SHARE = 0.5;
/**
 * A move is given up once its cost passes the annealing's threshold by this many times what the
 * activities still to time that may finish earlier cost now (`evaluateFrom`). That is a guess, not a
 * bound: their successors may gain too. But 96 % of the small moves are rejected, most by far, and
 * with the exact bound alone a rejected move still timed 52 activities on average; with the margin,
 * 9. Engine alone, seed 1 organization, 7 s, engine seeds 1–8: 3.0 million evaluations against 1.85
 * million, and 1,879 h of avoidable lateness with the exact bound only against 1,858 / 1,851 h with
 * margins 2 / 3 (5: 1,857 h on seeds 1–4).
 */
const REJECT_MARGIN = 3;
/** Activities taken out by one destroy-and-repair move (3–12 alike; 20 and 30 worse). */
const LNS_SIZE = 6;
/** People tried for each activity put back (the one who had it and others at random; 5–30 alike). */
const LNS_PEOPLE = 5;
/** Share of destroy-and-repair moves that take out the holding-up chain (else activities close in time). */
const LNS_CHAIN = 0.5;
/** How far (periods) from the chain's first link the activities close in time are looked for. */
const LNS_WINDOW = 80;
/**
 * The temperature for keeping a worse destroy-and-repair result, as a multiple of the small moves'
 * (8–12 best; 1: about 2 % more avoidable lateness, 25–50 also worse).
 */
const LNS_HEAT = 10;
/** The most evaluations one destroy-and-repair move can spend (its old place, then 3 per person, each). */
const REPAIR_MAX = 2 + LNS_SIZE * (2 + LNS_PEOPLE * 3);

/** A pin violation outweighs any tardiness. */
export const VIOLATION = 1e12;

/**
 * Stability's weight in the cost: a power of two, so costs stay exact (whole periods of tardiness
 * below 2^29 plus stability below 2^24), and below one period of tardiness (lexicographic).
 */
const STAB_SCALE = 2 ** -24;
/** The most stability one annealing step may give up (keeps it below one period of tardiness). */
const STAB_ROOM = 2 ** 20;
/**
 * Stability given up at equal tardiness, per unit of the annealing's temperature: about one change of
 * person at 1 (200: the same on the 200-person demo organization).
 */
const STAB_HEAT = 40;
/**
 * Share of the moves that give an activity back to its current person (`giveBack`) once settling:
 * 0.3 and 0.6 measured the same (32 % of the assigned tasks of the 200-person demo organization
 * change person either way).
 */
const RESTORE_SHARE = 0.3;
/**
 * Share of the search after which it settles (see `settling`). Settling from the start cost the
 * 200-person demo organization about 60 h of lateness at an equal number of evaluations (1,968 h
 * against 1,907 h of engine tardiness, engine seeds 1–4) for 28 % of its assigned tasks changing
 * person; from 0.7 / 0.8 / 0.9: 1,955 / 1,919 / 1,910 h for 30 / 31 / 33 %. Before settling, the
 * tardiness moves walk freely across plans of equal tardiness, which stability would forbid.
 */
export const SETTLE_FROM = 0.9;
/**
 * The search settles sooner when its best tardiness has not improved for this share of the budget: a
 * scope that reaches its best early gives its people back for longer (30-person demo organization,
 * engine seeds 1–4: 7–8 tasks change person, against 8–16 settling at SETTLE_FROM only; 0.1 and 0.5
 * gave 7–9 and 8–12). The 200-person one improves to the end and does not settle sooner.
 */
export const SETTLE_STALL = 0.25;
