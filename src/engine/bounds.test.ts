import { describe, expect, it } from 'vitest';
import { tardinessBound } from './bounds';
import { compile, type Problem } from './compile';
import { plan } from './index';
import { Random } from './random';
import type { Activity, PlanInput } from './types';

// Small instances with part-time people and days off, and an exhaustive solver of its own (every
// precedence-feasible order and every person assignment, serial schedule generation, time stepping on
// the calendars): the tardiness bound must never exceed the optimum, nor any plan the engine finds.

function randomPools(seed: number, n: number, weighted: boolean): PlanInput {
  const rng = new Random(seed);
  const activities: Activity[] = [];
  for (let j = 0; j < n; j++) {
    const preds = [];
    for (let i = 0; i < j; i++) if (rng.next() < 0.15) preds.push(`t${i}`);
    activities.push({
      id: `t${j}`,
      duration: 1 + rng.int(4),
      predecessors: preds,
      skill: { skill: rng.next() < 0.6 ? 'x' : 'y', level: rng.int(2) },
      deadline: 1 + rng.int(7),
      weight: weighted ? 1 + rng.int(3) : 1,
      ...(rng.next() < 0.15 ? { release: rng.int(3) } : {}),
    });
  }
  return {
    activities,
    people: [
      { id: 'p1', skills: { x: 1 }, calendar: { capacity: 0.5 } },
      { id: 'p2', skills: { x: 0, y: 1 }, calendar: { daysOff: [1, 2, 6] } },
      { id: 'p3', skills: { y: 0 }, calendar: { periods: [1, 0.5, 0, 1] } },
    ],
    objectives: ['tardiness'],
  };
}

/** Capacity of a person in period t, read from the input as written. */
function capacityAt(input: PlanInput, q: number, t: number): number {
  const cal = input.people![q]!.calendar;
  if (!cal) return 1;
  if (cal.daysOff?.includes(t)) return 0;
  return cal.periods?.[t] ?? cal.capacity ?? 1;
}

function bruteForceTardiness(input: PlanInput): number {
  const acts = input.activities;
  const people = input.people!;
  const index = new Map(acts.map((a, i) => [a.id, i]));
  const preds = acts.map((a) =>
    (a.predecessors ?? []).map((p) => index.get(typeof p === 'string' ? p : p.activity)!),
  );
  const choices = acts.map((a) =>
    people.flatMap((p, i) => ((p.skills[a.skill!.skill] ?? -1) >= (a.skill!.level ?? 0) ? [i] : [])),
  );
  const who: number[] = acts.map(() => -1);
  let best = Infinity;
  const evaluate = (order: number[]): void => {
    const finish: number[] = acts.map(() => 0);
    const free = people.map(() => 0);
    let value = 0;
    for (const j of order) {
      const a = acts[j]!;
      let t = Math.max(a.release ?? 0, free[who[j]!]!);
      for (const i of preds[j]!) t = Math.max(t, finish[i]!);
      while (capacityAt(input, who[j]!, t) <= 0) t++;
      let done = 0;
      while (done < a.duration - 1e-9) done += capacityAt(input, who[j]!, t++);
      finish[j] = t;
      free[who[j]!] = t;
      value += Math.max(0, t - (a.deadline ?? Infinity)) * (a.weight ?? 1);
    }
    best = Math.min(best, value);
  };
  const order: number[] = [];
  const used = acts.map(() => false);
  const permute = (): void => {
    if (order.length === acts.length) return evaluate(order);
    for (let j = 0; j < acts.length; j++) {
      if (used[j] || preds[j]!.some((i) => !used[i])) continue;
      used[j] = true;
      order.push(j);
      permute();
      order.pop();
      used[j] = false;
    }
  };
  const assign = (j: number): void => {
    if (j === acts.length) return permute();
    for (const c of choices[j]!) {
      who[j] = c;
      assign(j + 1);
    }
  };
  assign(0);
  return best;
}

function problemOf(input: PlanInput): Problem {
  const compiled = compile(input);
  if (!compiled.ok) throw new Error(compiled.issues[0]?.message);
  return compiled.problem;
}

describe('tardinessBound', () => {
  it('never exceeds the optimum of small instances with calendars (exhaustive search)', () => {
    let stronger = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const input = randomPools(seed, 6, seed % 2 === 0);
      const pr = problemOf(input);
      const bound = tardinessBound(pr);
      const optimum = bruteForceTardiness(input);
      expect(bound, `instance ${seed}`).toBeLessThanOrEqual(optimum + 1e-9);
      if (bound > tardinessBound(pr, pr.deadline, undefined, false) + 1e-9) stronger++;
    }
    // the pools add to the per-activity bound on most of these crowded instances
    expect(stronger).toBeGreaterThan(8);
  });

  it('never exceeds the engine’s plans of larger instances, counted or not', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const input = randomPools(100 + seed, 40, seed % 2 === 0);
      for (const a of input.activities) a.deadline = a.deadline! * 6;
      const pr = problemOf(input);
      const result = plan(input, { seed, maxSchedules: 400 });
      expect(tardinessBound(pr), `instance ${seed}`).toBeLessThanOrEqual(result.values[0]! + 1e-9);
      // only the even activities counted, against other due periods
      const due = input.activities.map((a, j) => a.deadline! - (j % 3));
      const counted = input.activities.map((_, j) => j % 2 === 0);
      let value = 0;
      for (const p of result.activities) {
        const j = pr.ids.indexOf(p.activity);
        if (counted[j]) value += Math.max(0, p.finish - due[j]!) * pr.weight[j]!;
      }
      expect(tardinessBound(pr, due, counted)).toBeLessThanOrEqual(value + 1e-9);
    }
  });

  it('is exact for one person and work all due at once (shortest first)', () => {
    const input: PlanInput = {
      activities: [3, 1, 2].map((d, j) => ({ id: `a${j}`, duration: d, skill: { skill: 'x' }, deadline: 0 })),
      people: [{ id: 'p', skills: { x: 0 } }],
      objectives: ['tardiness'],
    };
    // 1 + (1 + 2) + (1 + 2 + 3)
    expect(tardinessBound(problemOf(input))).toBe(10);
    expect(bruteForceTardiness(input)).toBe(10);
  });
});
