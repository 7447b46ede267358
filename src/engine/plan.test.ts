import { describe, expect, it } from 'vitest';
import { lowerBound } from './bounds';
import { compile, OBJ_TARDINESS, type Problem } from './compile';
import { plan, planAsync, validatePlan } from './index';
import { Random } from './random';
import { Search } from './search';
import { SequenceSearch } from './sequence';
import { Decoder } from './sgs';
import type { Activity, PlanInput, PlanResult } from './types';

// ---------------------------------------------------------------------------------------------
// Small random instances and an exhaustive solver written independently of the engine: it tries
// every precedence-feasible order (and every person assignment) with its own serial schedule
// generation. For regular objectives (makespan, tardiness) the best such schedule is optimal.
// ---------------------------------------------------------------------------------------------

function randomRcpsp(seed: number, n: number): PlanInput {
  const rng = new Random(seed);
  const activities: Activity[] = [];
  for (let j = 0; j < n; j++) {
    const preds = [];
    for (let i = 0; i < j; i++) if (rng.next() < 0.25) preds.push(`a${i}`);
    activities.push({
      id: `a${j}`,
      duration: 1 + rng.int(4),
      predecessors: preds,
      demands: { r1: 1 + rng.int(3), r2: rng.int(3) },
      deadline: 2 + rng.int(8),
      weight: 1 + rng.int(3),
    });
  }
  return {
    activities,
    resources: [
      { id: 'r1', capacity: 3 },
      { id: 'r2', capacity: 2 },
    ],
  };
}

function randomSkills(seed: number, n: number): PlanInput {
  const rng = new Random(seed);
  const activities: Activity[] = [];
  for (let j = 0; j < n; j++) {
    const preds = [];
    for (let i = 0; i < j; i++) if (rng.next() < 0.2) preds.push(`t${i}`);
    activities.push({
      id: `t${j}`,
      duration: 1 + rng.int(5),
      predecessors: preds,
      skill: { skill: rng.next() < 0.5 ? 'x' : 'y', level: rng.int(3) },
    });
  }
  return {
    activities,
    people: [
      { id: 'p1', skills: { x: 2, y: 0 } },
      { id: 'p2', skills: { x: 1, y: 2 } },
      { id: 'p3', skills: { y: 1 } },
    ],
  };
}

function permutations(input: PlanInput, visit: (order: number[]) => void): void {
  const acts = input.activities;
  const index = new Map(acts.map((a, i) => [a.id, i]));
  const preds = acts.map((a) =>
    (a.predecessors ?? []).map((p) => index.get(typeof p === 'string' ? p : p.activity)!),
  );
  const order: number[] = [];
  const used = acts.map(() => false);
  const rec = (): void => {
    if (order.length === acts.length) return visit(order);
    for (let j = 0; j < acts.length; j++) {
      if (used[j] || preds[j]!.some((i) => !used[i])) continue;
      used[j] = true;
      order.push(j);
      rec();
      order.pop();
      used[j] = false;
    }
  };
  rec();
}

/** Serial SGS with fixed people (one activity at a time each) and resources, by plain time stepping. */
function simpleSchedule(input: PlanInput, order: number[], who: number[]): number[] {
  const acts = input.activities;
  const index = new Map(acts.map((a, i) => [a.id, i]));
  const finish: number[] = acts.map(() => 0);
  const start: number[] = acts.map(() => 0);
  const horizon = acts.reduce((s, a) => s + a.duration, 0) + 1;
  const use = new Map<string, number[]>();
  for (const r of input.resources ?? []) use.set(r.id, new Array<number>(horizon).fill(0));
  const busy = (input.people ?? []).map(() => new Array<boolean>(horizon).fill(false));
  for (const j of order) {
    const a = acts[j]!;
    let t = 0;
    for (const p of a.predecessors ?? [])
      t = Math.max(t, finish[index.get(typeof p === 'string' ? p : p.activity)!]!);
    const fits = (s: number): boolean => {
      for (let u = s; u < s + a.duration; u++) {
        for (const r of input.resources ?? [])
          if (use.get(r.id)![u]! + (a.demands?.[r.id] ?? 0) > r.capacity) return false;
        if (who[j]! >= 0 && busy[who[j]!]![u]) return false;
      }
      return true;
    };
    while (!fits(t)) t++;
    start[j] = t;
    finish[j] = t + a.duration;
    for (let u = t; u < t + a.duration; u++) {
      for (const r of input.resources ?? []) use.get(r.id)![u]! += a.demands?.[r.id] ?? 0;
      if (who[j]! >= 0) busy[who[j]!]![u] = true;
    }
  }
  return finish;
}

function bruteForce(input: PlanInput, objective: 'makespan' | 'tardiness'): number {
  const acts = input.activities;
  const people = input.people ?? [];
  const choices = acts.map((a) =>
    a.skill
      ? people.flatMap((p, i) => ((p.skills[a.skill!.skill] ?? -1) >= (a.skill!.level ?? 0) ? [i] : []))
      : [-1],
  );
  let best = Infinity;
  const who: number[] = acts.map(() => -1);
  const assign = (j: number): void => {
    if (j === acts.length) {
      permutations(input, (order) => {
        const finish = simpleSchedule(input, order, who);
        const value =
          objective === 'makespan'
            ? Math.max(...finish)
            : acts.reduce(
                (s, a, i) => s + Math.max(0, finish[i]! - (a.deadline ?? Infinity)) * (a.weight ?? 1),
                0,
              );
        best = Math.min(best, value);
      });
      return;
    }
    for (const c of choices[j]!) {
      who[j] = c;
      assign(j + 1);
    }
  };
  assign(0);
  return best;
}

function expectValid(input: PlanInput, result: PlanResult): void {
  expect(result.activities.length).toBe(input.activities.length);
  expect(validatePlan(input, result)).toEqual([]);
}

describe('plan: small instances against exhaustive search', () => {
  it('finds the optimal makespan of 12 random 7-activity RCPSP instances', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const input = randomRcpsp(seed, 7);
      const result = plan(input, { seed, maxSchedules: 2000 });
      expectValid(input, result);
      expect(result.values[0], `instance ${seed}`).toBe(bruteForce(input, 'makespan'));
    }
  });

  it('finds the optimal weighted tardiness of 8 random 7-activity instances', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const input: PlanInput = { ...randomRcpsp(seed, 7), objectives: ['tardiness'] };
      const result = plan(input, { seed, maxSchedules: 2000 });
      expectValid(input, result);
      expect(result.values[0], `instance ${seed}`).toBe(bruteForce(input, 'tardiness'));
    }
  });

  it('finds the optimal makespan of 10 random 6-activity multi-skill instances', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const input = randomSkills(seed, 6);
      const result = plan(input, { seed, maxSchedules: 2000 });
      expectValid(input, result);
      expect(result.values[0], `instance ${seed}`).toBe(bruteForce(input, 'makespan'));
    }
  });
});

describe('plan: the two searches', () => {
  it('the single-population search (forward pass and double justification) finds the optimum too', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const input = randomRcpsp(seed, 7);
      const compiled = compile(input);
      if (!compiled.ok) throw new Error('instance does not compile');
      const search = new Search(compiled.problem, {
        seed,
        maxSchedules: 2000,
        timeLimitMs: Infinity,
        lowerBound: lowerBound(compiled.problem),
        now: () => 0,
        settings: { bidirectional: false },
      });
      while (search.step()) {
        // one generation per step
      }
      expect(search.bestValues[1], `instance ${seed}`).toBe(bruteForce(input, 'makespan'));
    }
  });

  it('the bi-population search returns valid plans on larger instances for any budget', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomRcpsp(seed, 40);
      for (const maxSchedules of [1, 2, 3, 57, 600]) {
        const result = plan(input, { seed, maxSchedules });
        expectValid(input, result);
        expect(result.schedules).toBeLessThanOrEqual(maxSchedules);
      }
    }
  });
});

describe('the parallel SGS', () => {
  it('builds precedence- and resource-feasible non-delay schedules, forward and backward', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const compiled = compile(randomRcpsp(seed, 30));
      if (!compiled.ok) throw new Error('instance does not compile');
      const pr = compiled.problem;
      const dec = new Decoder(pr);
      const rng = new Random(seed);
      for (const backward of [false, true]) {
        const keys = Array.from({ length: pr.n }, () => rng.next());
        // the decision set's activity of lowest key first
        const pick = (set: number[]): number => {
          let b = 0;
          for (let e = 1; e < set.length; e++) if (keys[set[e]!]! < keys[set[b]!]!) b = e;
          return b;
        };
        expect(dec.decodeParallel(pick, backward)).toBe(true);
        const start = Array.from(dec.start);
        const finish = Array.from(dec.finish);
        // precedences (of the mirrored network when backward)
        for (let j = 0; j < pr.n; j++)
          for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++) {
            const i = pr.predIdx[y]!;
            if (backward) expect(start[i]!).toBeGreaterThanOrEqual(finish[j]!);
            else expect(start[j]!).toBeGreaterThanOrEqual(finish[i]!);
          }
        // resources, and no activity could have started a period earlier with its predecessors done
        const use = (r: number, t: number, skip = -1): number => {
          let u = 0;
          for (let j = 0; j < pr.n; j++)
            if (j !== skip && start[j]! <= t && t < finish[j]!)
              for (let x = pr.demStart[j]!; x < pr.demStart[j + 1]!; x++)
                if (pr.demRes[x] === r) u += pr.demAmt[x]!;
          return u;
        };
        for (let r = 0; r < pr.k; r++)
          for (let t = 0; t < dec.makespan; t++) expect(use(r, t)).toBeLessThanOrEqual(pr.capacity[r]!);
        for (let j = 0; j < pr.n; j++) {
          const s = start[j]!;
          if (s === 0) continue;
          const predStart = backward ? pr.succStart : pr.predStart;
          const predIdx = backward ? pr.succIdx : pr.predIdx;
          let ready = 0;
          for (let y = predStart[j]!; y < predStart[j + 1]!; y++)
            ready = Math.max(ready, finish[predIdx[y]!]!);
          if (ready >= s) continue;
          // the activity waited for resources: at s - 1 it did not fit beside those running then
          let fits = true;
          for (let x = pr.demStart[j]!; x < pr.demStart[j + 1]!; x++)
            if (use(pr.demRes[x]!, s - 1, j) + pr.demAmt[x]! > pr.capacity[pr.demRes[x]!]!) fits = false;
          expect(fits, `activity ${j} could start at ${s - 1}`).toBe(false);
        }
      }
    }
  });
});

describe('plan: long budgets', () => {
  it('restarts the GA when it stalls, with every pass counted and the best plan never lost', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const input = randomRcpsp(seed, 30);
      const compiled = compile(input);
      if (!compiled.ok) throw new Error('instance does not compile');
      for (const maxSchedules of [150, 600, 2000]) {
        const search = new Search(compiled.problem, {
          seed,
          maxSchedules,
          timeLimitMs: Infinity,
          // no early stop on the bound, so that the runs stall and restart
          lowerBound: 0,
          now: () => 0,
          populationSize: 8,
          // every budget here counts as long, and a run restarts after 5 % of it without improving
          settings: { longBudget: 100, longRestart: 0.05 },
        });
        let best = Infinity;
        while (search.step()) {
          expect(search.bestValues[1]!).toBeLessThanOrEqual(best);
          best = search.bestValues[1]!;
        }
        expect(search.schedules).toBeLessThanOrEqual(maxSchedules);
        const result = makespanPlanOf(compiled.problem, search);
        expect(validatePlan(input, result), `instance ${seed} budget ${maxSchedules}`).toEqual([]);
      }
    }
  });

  it('rebuilds a stalled run around its best before restarting it, deterministically', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const input = randomRcpsp(seed, 30);
      const compiled = compile(input);
      if (!compiled.ok) throw new Error('instance does not compile');
      const run = (longRebuild: number): { search: Search; rebuilds: number } => {
        const search = new Search(compiled.problem, {
          seed,
          maxSchedules: 2000,
          timeLimitMs: Infinity,
          lowerBound: 0,
          now: () => 0,
          populationSize: 8,
          // no rebuild at a share of the budget: only the stalls trigger one
          settings: { longBudget: 100, longRestart: 0.05, longRebuild, intensifyAt: 0 },
        });
        // the rebuild flag is internal; watch it to count the rebuilds
        const inner = search as unknown as { intensified: boolean };
        let rebuilds = 0;
        let was = false;
        let best = Infinity;
        while (search.step()) {
          if (inner.intensified && !was) rebuilds++;
          was = inner.intensified;
          expect(search.bestValues[1]!).toBeLessThanOrEqual(best);
          best = search.bestValues[1]!;
        }
        expect(search.schedules).toBeLessThanOrEqual(2000);
        const result = makespanPlanOf(compiled.problem, search);
        expect(validatePlan(input, result), `instance ${seed} rebuild ${longRebuild}`).toEqual([]);
        return { search, rebuilds };
      };
      expect(run(0).rebuilds).toBe(0);
      const a = run(0.02);
      expect(a.rebuilds).toBeGreaterThan(0);
      const b = run(0.02);
      expect(b.search.bestValues).toEqual(a.search.bestValues);
      expect(b.search.schedules).toBe(a.search.schedules);
    }
  });
});

describe('plan: intensification and decomposition', () => {
  it('keeps every plan valid and every pass counted when the decomposition and the rebuilds run', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const input = randomRcpsp(seed, 30);
      const compiled = compile(input);
      if (!compiled.ok) throw new Error('instance does not compile');
      for (const [maxSchedules, decompBi] of [
        [5, false],
        [90, false],
        [700, false],
        [5, true],
        [90, true],
        [700, true],
      ] as const) {
        const search = new Search(compiled.problem, {
          seed,
          maxSchedules,
          timeLimitMs: Infinity,
          lowerBound: lowerBound(compiled.problem),
          now: () => 0,
          populationSize: 12,
          settings: { decompEvery: 1, decompBudget: 30, intensifyAt: 0.3, intensifyRight: true, decompBi },
        });
        let last = 0;
        while (search.step()) {
          expect(search.schedules).toBeGreaterThanOrEqual(last);
          last = search.schedules;
        }
        expect(search.schedules).toBeLessThanOrEqual(maxSchedules);
        // the best plan is a real forward schedule: re-check it with the independent validator
        const result = makespanPlanOf(compiled.problem, search);
        expect(validatePlan(input, result), `instance ${seed} budget ${maxSchedules} bi ${decompBi}`).toEqual(
          [],
        );
      }
    }
  });
});

describe('plan: metamorphic properties', () => {
  it('gives the same plan when a person nobody needs is added', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const input = randomSkills(seed, 12);
      const more: PlanInput = { ...input, people: [...input.people!, { id: 'extra', skills: { z: 5 } }] };
      const a = plan(input, { seed, maxSchedules: 500 });
      const b = plan(more, { seed, maxSchedules: 500 });
      expectValid(more, b);
      expect(b.values).toEqual(a.values);
    }
  });

  it('never plans a longer project when a qualified person joins (small instances)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomSkills(seed, 6);
      const more: PlanInput = {
        ...input,
        people: [...input.people!, { id: 'extra', skills: { x: 2, y: 2 } }],
      };
      const a = plan(input, { seed, maxSchedules: 1000 });
      const b = plan(more, { seed, maxSchedules: 1000 });
      expectValid(more, b);
      expect(b.values[0]!).toBeLessThanOrEqual(a.values[0]!);
    }
  });

  it('never plans more tardiness when a deadline is relaxed (small instances)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const input: PlanInput = { ...randomRcpsp(seed, 7), objectives: ['tardiness'] };
      const relaxed: PlanInput = {
        ...input,
        activities: input.activities.map((a, i) =>
          i === seed % 7 ? { ...a, deadline: (a.deadline ?? 0) + 3 } : a,
        ),
      };
      const a = plan(input, { seed, maxSchedules: 1500 });
      const b = plan(relaxed, { seed, maxSchedules: 1500 });
      expect(b.values[0]!).toBeLessThanOrEqual(a.values[0]!);
    }
  });

  it('never plans a longer project when a resource grows (small instances)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomRcpsp(seed, 7);
      const bigger: PlanInput = {
        ...input,
        resources: input.resources!.map((r) => ({ ...r, capacity: r.capacity + 1 })),
      };
      expect(plan(bigger, { seed, maxSchedules: 1500 }).values[0]!).toBeLessThanOrEqual(
        plan(input, { seed, maxSchedules: 1500 }).values[0]!,
      );
    }
  });
});

describe('plan: determinism, budgets and cancellation', () => {
  it('returns the same plan for the same seed', () => {
    const input = randomSkills(7, 30);
    expect(plan(input, { seed: 42, maxSchedules: 800 })).toEqual({
      ...plan(input, { seed: 42, maxSchedules: 800 }),
      elapsedMs: expect.any(Number) as number,
    });
  });

  it('stops at the schedule budget with a valid plan', () => {
    const input = randomRcpsp(3, 40);
    const result = plan(input, { seed: 1, maxSchedules: 10 });
    expectValid(input, result);
    expect(result.schedules).toBe(10);
    expect(['feasible', 'optimal']).toContain(result.status);
  });

  it('returns the best plan so far with status timedout when the time budget runs out', () => {
    let clock = 0;
    const input = randomRcpsp(4, 40);
    const result = plan(input, { seed: 1, timeLimitMs: 50, now: () => clock++ });
    expectValid(input, result);
    expect(result.status).toBe('timedout');
    expect(result.schedules).toBeGreaterThan(0);
  });

  it('always returns a plan, even with a zero time budget', () => {
    const input = randomRcpsp(5, 20);
    const result = plan(input, { timeLimitMs: 0 });
    expectValid(input, result);
    expect(result.status).toBe('timedout');
  });

  it('stops with status cancelled when the signal is aborted during the search', () => {
    const controller = new AbortController();
    const input = randomRcpsp(6, 40);
    let reports = 0;
    const result = plan(input, {
      maxSchedules: 100000,
      populationSize: 10,
      signal: controller.signal,
      onProgress: (r) => {
        reports++;
        expect(r.best).toHaveLength(1);
        if (r.schedules > 300) controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(reports).toBeGreaterThan(1);
    expect(result.schedules).toBeLessThan(100000);
    expectValid(input, result);
  });

  it('returns cancelled without a plan when the signal was aborted before the start', () => {
    const controller = new AbortController();
    controller.abort();
    const result = plan(randomRcpsp(6, 10), { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.activities).toEqual([]);
  });

  it('planAsync can be cancelled by a timer', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const input = randomSkills(8, 150);
    const result = await planAsync(input, { maxSchedules: 1e9, signal: controller.signal, yieldEveryMs: 5 });
    expect(result.status).toBe('cancelled');
    expectValid(input, result);
  });
});

describe('plan: infeasible and invalid inputs name the cause', () => {
  it('names the activities of a precedence cycle', () => {
    const result = plan({
      activities: [
        { id: 'A', duration: 1, predecessors: ['B'] },
        { id: 'B', duration: 1, predecessors: ['A'] },
        { id: 'C', duration: 1 },
      ],
    });
    expect(result.status).toBe('infeasible');
    expect(result.issues[0]!.kind).toBe('precedence-cycle');
    expect(result.issues[0]!.activities).toEqual(['A', 'B', 'A']);
  });

  it('names the activity nobody has the skill level for', () => {
    const result = plan({
      people: [{ id: 'ann', skills: { design: 2 } }],
      activities: [
        { id: 'logo', duration: 1, skill: { skill: 'design', level: 3 } },
        { id: 'api', duration: 1, skill: { skill: 'code' } },
      ],
    });
    expect(result.status).toBe('infeasible');
    expect(result.issues.map((i) => [i.kind, i.activities])).toEqual([
      ['no-qualified-person', ['logo']],
      ['no-qualified-person', ['api']],
    ]);
    expect(result.issues[0]!.message).toContain('level 3');
  });

  it('names a demand above a resource capacity', () => {
    const result = plan({
      resources: [{ id: 'crane', capacity: 1 }],
      activities: [{ id: 'lift', duration: 2, demands: { crane: 2 } }],
    });
    expect(result.status).toBe('infeasible');
    expect(result.issues[0]).toMatchObject({ kind: 'demand-exceeds-capacity', activities: ['lift'] });
  });

  it('names pins that clash: unqualified person, overlapping pins, pin before its predecessors', () => {
    const people = [{ id: 'ann', skills: { design: 1 } }];
    expect(
      plan({
        people,
        activities: [{ id: 'a', duration: 1, skill: { skill: 'code' }, pin: { person: 'ann' } }],
      }).issues[0]!.kind,
    ).toBe('no-qualified-person');
    const overlap = plan({
      people,
      activities: [
        { id: 'a', duration: 3, pin: { person: 'ann', start: 0 } },
        { id: 'b', duration: 3, pin: { person: 'ann', start: 2 } },
      ],
    });
    expect(overlap.issues[0]).toMatchObject({ kind: 'pins-overlap', activities: ['a', 'b'] });
    const early = plan({
      activities: [
        { id: 'a', duration: 4 },
        { id: 'b', duration: 1, predecessors: ['a'], pin: { start: 2 } },
      ],
    });
    expect(early.status).toBe('infeasible');
    expect(early.issues[0]).toMatchObject({ kind: 'pin-before-predecessors', activities: ['a', 'b'] });
  });

  it('reports unknown references and bad numbers as invalid input', () => {
    const result = plan({
      activities: [
        { id: 'a', duration: -1 },
        { id: 'b', duration: 1, predecessors: ['zz'] },
      ],
    });
    expect(result.status).toBe('invalid');
    expect(result.issues.map((i) => i.kind)).toEqual(['bad-number', 'unknown-activity']);
  });
});

describe('plan: the product model', () => {
  const team: PlanInput = {
    people: [
      { id: 'ann', skills: { design: 3, code: 1 }, rate: 100, preferences: { code: 5 } },
      { id: 'bob', skills: { design: 1, code: 3 }, rate: 80, calendar: { daysOff: [3, 4] } },
      { id: 'cid', skills: { code: 2 }, rate: 50, calendar: { capacity: 0.5 } },
    ],
    activities: [
      { id: 'brief', duration: 2, skill: { skill: 'design', level: 2 }, deadline: 2 },
      { id: 'api', duration: 4, skill: { skill: 'code', level: 2 }, deadline: 6, weight: 3 },
      { id: 'ui', duration: 3, skill: { skill: 'code' }, predecessors: ['brief'], deadline: 6 },
      { id: 'review', duration: 1, skill: { skill: 'design' }, predecessors: ['api', 'ui'], release: 6 },
      { id: 'launch', duration: 1, skill: { skill: 'code' }, pin: { person: 'cid', start: 12 } },
    ],
    objectives: ['tardiness', 'balance', 'preference', 'cost'],
  };

  it('plans with calendars, releases, deadlines and pins, and the validator agrees', () => {
    const result = plan(team, { seed: 1, maxSchedules: 1000 });
    expectValid(team, result);
    expect(result.status).toBe('feasible');
    expect(result.values).toHaveLength(4);
    const launch = result.activities.find((a) => a.activity === 'launch')!;
    expect(launch).toMatchObject({ start: 12, finish: 14, person: 'cid' }); // half-time: 1 unit of work takes 2 periods
    expect(launch.why).toContainEqual({ kind: 'pinned-start', start: 12 });
    const review = result.activities.find((a) => a.activity === 'review')!;
    expect(review.start).toBeGreaterThanOrEqual(6);
  });

  it('explains each start and person: predecessor waited for, earliest qualified person', () => {
    const input: PlanInput = {
      people: [
        { id: 'ann', skills: { design: 2 } },
        { id: 'bob', skills: { design: 1 } },
      ],
      activities: [
        { id: 'A', duration: 3, skill: { skill: 'design', level: 2 } },
        { id: 'B', duration: 2, skill: { skill: 'design', level: 2 } },
        { id: 'C', duration: 1, skill: { skill: 'design' }, predecessors: ['A'] },
      ],
    };
    const result = plan(input, { seed: 1, maxSchedules: 100 });
    const byId = Object.fromEntries(result.activities.map((a) => [a.activity, a]));
    expect(result.makespan).toBe(5);
    expect(byId.C!.why).toContainEqual({
      kind: 'waited-for-predecessor',
      predecessor: 'A',
      finish: 3,
      lag: 0,
    });
    const second = byId.A!.start === 0 ? byId.B! : byId.A!;
    expect(second.why.some((r) => r.kind === 'person-busy' && r.person === 'ann')).toBe(true);
    expect(byId.C!.why.some((r) => r.kind === 'earliest-qualified-person')).toBe(true);
  });

  it('breaks ties on the next objective: the cheaper person when cost comes next', () => {
    const input: PlanInput = {
      people: [
        { id: 'dear', skills: { code: 1 }, rate: 90 },
        { id: 'cheap', skills: { code: 1 }, rate: 10 },
      ],
      activities: [{ id: 'task', duration: 2, skill: { skill: 'code' } }],
      objectives: ['makespan', 'cost'],
    };
    const result = plan(input, { maxSchedules: 10 });
    expect(result.activities[0]!.person).toBe('cheap');
    expect(result.values).toEqual([2, 20]);
    expect(result.activities[0]!.why).toContainEqual({ kind: 'tie-broken-by', criterion: 'cost' });
  });

  it('reports optimal when the makespan reaches the lower bound', () => {
    const result = plan({
      activities: [
        { id: 'a', duration: 3 },
        { id: 'b', duration: 2, predecessors: ['a'] },
      ],
    });
    expect(result.status).toBe('optimal');
    expect(result.makespan).toBe(5);
    expect(result.lowerBound).toBe(5);
  });
});

describe('plan: tardiness-first search (people, calendars, deadlines)', () => {
  /** Multi-skill work with deadlines, part-time people and days off, in the shape the planner sends. */
  function randomTeamWork(seed: number, n: number): PlanInput {
    const rng = new Random(seed);
    const activities: Activity[] = [];
    for (let j = 0; j < n; j++) {
      const preds = [];
      for (let i = Math.max(0, j - 6); i < j; i++) if (rng.next() < 0.15) preds.push(`t${i}`);
      activities.push({
        id: `t${j}`,
        duration: 1 + rng.int(8),
        predecessors: preds,
        skill: { skill: ['x', 'y', 'z'][rng.int(3)]!, level: rng.int(3) },
        deadline: 4 + rng.int(3 * n),
        weight: 1,
      });
    }
    const people = [];
    for (let q = 0; q < 5; q++)
      people.push({
        id: `p${q}`,
        skills: q === 0 ? { x: 2, y: 2, z: 2 } : { x: rng.int(3), y: rng.int(3), z: rng.int(3) },
        rate: 40 + rng.int(40),
        calendar: { capacity: rng.next() < 0.3 ? 0.5 : 1, daysOff: [5 + rng.int(20), 30 + rng.int(20)] },
      });
    return { activities, people, objectives: ['tardiness', 'balance', 'preference', 'cost'] };
  }

  /** A precedence-feasible list: `prefix` first, then the eligible activity of lowest key. */
  function listBy(
    pr: Problem,
    key: (j: number) => number,
    prefix: Int32Array = new Int32Array(0),
  ): Int32Array {
    const list = Int32Array.from(prefix);
    const done = new Uint8Array(pr.n);
    for (const j of prefix) done[j] = 1;
    const out = [...list];
    while (out.length < pr.n) {
      let pick = -1;
      for (let j = 0; j < pr.n; j++) {
        if (done[j]) continue;
        let ready = true;
        for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++)
          if (!done[pr.predIdx[y]!]) ready = false;
        if (ready && (pick < 0 || key(j) < key(pick))) pick = j;
      }
      done[pick] = 1;
      out.push(pick);
    }
    return Int32Array.from(out);
  }

  /** Tardiness of the earliest-due-date rule alone (ties: earliest finish by precedence, then index). */
  function eddTardiness(input: PlanInput): number {
    const compiled = compile(input);
    if (!compiled.ok) throw new Error('the input should compile');
    const pr = compiled.problem;
    const ef = new Float64Array(pr.n);
    for (const j of pr.topo) {
      let e = pr.release[j]!;
      for (let y = pr.predStart[j]!; y < pr.predStart[j + 1]!; y++) e = Math.max(e, ef[pr.predIdx[y]!]!);
      ef[j] = e + pr.work[j]!;
    }
    const dec = new Decoder(pr);
    expect(
      dec.decode(
        listBy(pr, (j) => pr.deadline[j]! + ef[j]! * 1e-6),
        false,
      ),
    ).toBe(true);
    return dec.objective(OBJ_TARDINESS);
  }

  it('is never worse than the earliest-due-date rule and keeps every plan valid (small instances)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const input = randomTeamWork(seed, 40);
      const result = plan(input, { seed, maxSchedules: 400 });
      expectValid(input, result);
      expect(result.values[0]!, `instance ${seed}`).toBeLessThanOrEqual(eddTardiness(input));
    }
  });

  it('counts every decoding, the improving moves too, and stops at the budget', () => {
    const input = randomTeamWork(3, 60);
    for (const budget of [1, 5, 9, 50, 333]) {
      const result = plan(input, { seed: 2, maxSchedules: budget });
      expectValid(input, result);
      expect(result.schedules).toBeLessThanOrEqual(budget);
    }
  });

  it('improves on its initial priority rules with more schedules, and is deterministic', () => {
    let better = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomTeamWork(seed, 80);
      const rules = plan(input, { seed: 1, maxSchedules: 8 });
      const searched = plan(input, { seed: 1, maxSchedules: 2000 });
      expect(searched.values[0]!).toBeLessThanOrEqual(rules.values[0]!);
      if (searched.values[0]! < rules.values[0]!) better++;
      expect(plan(input, { seed: 1, maxSchedules: 2000 }).values).toEqual(searched.values);
    }
    expect(better).toBeGreaterThan(0);
  });

  it('the sequence search keeps plans valid around pinned starts, pinned people and releases', () => {
    let better = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const input = randomTeamWork(seed, 60);
      const free = input.activities.filter((a) => a.predecessors!.length === 0);
      // two pinned starts on the person qualified for everything, outside their days off
      free[0]!.pin = { person: 'p0', start: 0 };
      free[1]!.pin = { person: 'p0', start: 60 };
      free[2]!.pin = { person: 'p0' };
      for (const a of input.activities.slice(10)) if (a.id.endsWith('3')) a.release = 5;
      const rules = plan(input, { seed: 1, maxSchedules: 8 });
      const searched = plan(input, { seed: 1, maxSchedules: 3000 });
      expectValid(input, searched);
      expect(searched.status).not.toBe('infeasible');
      expect(searched.schedules).toBeLessThanOrEqual(3000);
      expect(searched.values[0]!).toBeLessThanOrEqual(rules.values[0]!);
      if (searched.values[0]! < rules.values[0]!) better++;
    }
    expect(better).toBeGreaterThan(0);
  });

  it('the sequence search keeps its current plan valid move after move', () => {
    // compound moves (a hand-over that passes a delayed activity on to a third person), the
    // topological order mended after each, put-off moves, destroy-and-repair moves (activities
    // taken out and put back): every current plan is a real plan
    for (let seed = 1; seed <= 4; seed++) {
      const input = randomTeamWork(seed, 120);
      const { pr, seq } = sequenceSearchFrom(input, seed);
      seq.temperature = 2;
      for (let round = 0; round < 40; round++) {
        seq.improve(100);
        const activities = pr.ids.map((id, j) => ({
          activity: id,
          start: seq.start[j]!,
          finish: seq.finish[j]!,
          ...(seq.person[j]! >= 0 ? { person: pr.personIds[seq.person[j]!]! } : {}),
          tardiness: 0,
          why: [],
        }));
        expect(validatePlan(input, { activities }), `instance ${seed}, round ${round}`).toEqual([]);
        // the times and cost kept move by move (moves timed only where they change the plan, and
        // given up part-way) are those of timing the same sequences from scratch
        const fresh = new SequenceSearch(pr, new Random(1));
        expect(fresh.load(seq.start, seq.finish, seq.person)).toBe(true);
        expect(Array.from(fresh.start), `instance ${seed}, round ${round}`).toEqual(Array.from(seq.start));
        expect(Array.from(fresh.finish)).toEqual(Array.from(seq.finish));
        expect(fresh.cost).toBe(seq.cost);
      }
    }
  });

  it('the sequence search spends no more evaluations than it is given room for', () => {
    // destroy-and-repair moves spend many evaluations each; the schedule budget must still hold
    for (let seed = 1; seed <= 3; seed++) {
      const { seq } = sequenceSearchFrom(randomTeamWork(seed, 120), seed);
      seq.temperature = 2;
      for (const room of [1, 7, 60, 110, 150, 400, 1000]) {
        const before = seq.evaluations;
        seq.improve(500, room);
        expect(seq.evaluations - before, `instance ${seed}, room ${room}`).toBeLessThanOrEqual(room);
      }
    }
  });

  it('decoding the rest of a list after a kept prefix gives the same plan as decoding it whole', () => {
    const input = randomTeamWork(5, 50);
    const compiled = compile(input);
    if (!compiled.ok) throw new Error('the input should compile');
    const pr = compiled.problem;
    const whole = new Decoder(pr);
    const part = new Decoder(pr);
    const rng = new Random(9);
    for (let round = 0; round < 20; round++) {
      whole.due = round % 2 ? null : new Float64Array(pr.n).fill(20);
      part.due = whole.due;
      const keys = Array.from({ length: pr.n }, () => rng.next());
      const list = listBy(pr, (j) => keys[j]!);
      expect(whole.decode(list, false)).toBe(true);
      const from = {
        count: rng.int(pr.n + 1),
        start: whole.start.slice(),
        finish: whole.finish.slice(),
        person: whole.person.slice(),
      };
      // the same prefix, then another order
      const again = Array.from({ length: pr.n }, () => rng.next());
      const next = listBy(pr, (j) => again[j]!, list.slice(0, from.count));
      whole.decode(next, false);
      part.decode(next, false, from);
      expect(Array.from(part.start)).toEqual(Array.from(whole.start));
      expect(Array.from(part.person)).toEqual(Array.from(whole.person));
    }
  });
});

/** A sequence search started from a short plan of the input. */
function sequenceSearchFrom(input: PlanInput, seed: number): { pr: Problem; seq: SequenceSearch } {
  const compiled = compile(input);
  if (!compiled.ok) throw new Error('the input should compile');
  const pr = compiled.problem;
  const first = plan(input, { seed, maxSchedules: 8 });
  const at = new Map(first.activities.map((a) => [a.activity, a]));
  const start = new Int32Array(pr.n);
  const finish = new Int32Array(pr.n);
  const person = new Int32Array(pr.n).fill(-1);
  for (let j = 0; j < pr.n; j++) {
    const a = at.get(pr.ids[j]!)!;
    start[j] = a.start;
    finish[j] = a.finish;
    if (a.person !== undefined) person[j] = pr.personIds.indexOf(a.person);
  }
  const seq = new SequenceSearch(pr, new Random(seed));
  expect(seq.load(start, finish, person)).toBe(true);
  return { pr, seq };
}

/** The best plan of a makespan search, as a result the independent validator can check. */
function makespanPlanOf(pr: Problem, search: Search): PlanResult {
  return {
    status: 'feasible',
    activities: pr.ids.map((id, j) => ({
      activity: id,
      start: search.bestStart[j]!,
      finish: search.bestFinish[j]!,
      tardiness: 0,
      why: [],
    })),
    objectives: ['makespan'],
    values: [search.bestValues[1]!],
    makespan: search.bestValues[1]!,
    lowerBound: 0,
    schedules: search.schedules,
    elapsedMs: 0,
    issues: [],
  };
}
