import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { plan, validatePlan } from './index';
import { Random } from './random';
import { SequenceSearch } from './sequence';
import type { Activity, ActivityPlan, Person, PlanInput, PlanResult } from './types';

// The 'stability' objective (minimal perturbation of the plan in force, `Activity.current`): a change
// of person or a later start must buy less tardiness, and a plan planned again proposes no change.

const objectives: PlanInput['objectives'] = ['tardiness', 'stability', 'balance', 'preference', 'cost'];

/** Team work in the planner's shape, each activity currently with a random qualified person. */
function teamWork(seed: number, n: number): PlanInput {
  const rng = new Random(seed);
  const people: Person[] = [
    { id: 'p0', skills: { x: 2, y: 2, z: 2 } },
    { id: 'p1', skills: { x: 2, y: 1 } },
    { id: 'p2', skills: { y: 2, z: 1 } },
    { id: 'p3', skills: { x: 1, z: 2 }, calendar: { capacity: 0.5, daysOff: [6, 7] } },
  ];
  const activities: Activity[] = [];
  for (let j = 0; j < n; j++) {
    const preds = [];
    for (let i = Math.max(0, j - 5); i < j; i++) if (rng.next() < 0.15) preds.push(`t${i}`);
    const skill = ['x', 'y', 'z'][rng.int(3)]!;
    const level = rng.int(2);
    const able = people.filter((p) => (p.skills[skill] ?? -1) >= level);
    activities.push({
      id: `t${j}`,
      duration: 1 + rng.int(6),
      predecessors: preds,
      skill: { skill, level },
      deadline: 3 + rng.int(2 * n),
      weight: 1,
      current: { person: able[rng.int(able.length)]!.id, start: rng.int(2 * n) },
    });
  }
  return { activities, people, objectives };
}

function expectValid(input: PlanInput, result: PlanResult): void {
  expect(result.activities.length).toBe(input.activities.length);
  expect(validatePlan(input, result)).toEqual([]);
}

/** The input with the plan as the plan in force. */
function inForce(input: PlanInput, result: PlanResult): PlanInput {
  const at = new Map(result.activities.map((a) => [a.activity, a]));
  return {
    ...input,
    activities: input.activities.map((a) => {
      const p = at.get(a.id)!;
      return { ...a, current: { ...(p.person ? { person: p.person } : {}), start: p.start } };
    }),
  };
}

/**
 * The best (tardiness, stability) over every order and every person assignment, each order placed
 * by plain time stepping (earliest start where predecessors are done and the person is free), for
 * people without calendars. Both objectives are regular (a later start never costs less), so the
 * best of these schedules is optimal.
 */
function bruteForce(input: PlanInput, changeCost: number): [number, number] {
  const acts = input.activities;
  const index = new Map(acts.map((a, i) => [a.id, i]));
  const people = input.people ?? [];
  const preds = acts.map((a) => (a.predecessors ?? []).map((p) => index.get(p as string)!));
  const choices = acts.map((a) =>
    people.flatMap((p, i) => ((p.skills[a.skill!.skill] ?? -1) >= (a.skill!.level ?? 0) ? [i] : [])),
  );
  let best: [number, number] = [Infinity, Infinity];
  const who = acts.map(() => -1);
  const order: number[] = [];
  const used = acts.map(() => false);
  const evaluate = () => {
    const finish = acts.map(() => 0);
    const busy = people.map(() => [] as [number, number][]);
    let tardiness = 0;
    let stability = 0;
    for (const j of order) {
      const a = acts[j]!;
      let t = Math.max(0, ...preds[j]!.map((i) => finish[i]!));
      const clash = (s: number) => busy[who[j]!]!.some(([b, e]) => s < e && b < s + a.duration);
      while (clash(t)) t++;
      busy[who[j]!]!.push([t, t + a.duration]);
      finish[j] = t + a.duration;
      tardiness += Math.max(0, finish[j] - (a.deadline ?? Infinity));
      if (people[who[j]!]!.id !== a.current?.person) stability += changeCost;
      stability += Math.max(0, t - (a.current?.start ?? Infinity));
    }
    if (tardiness < best[0] || (tardiness === best[0] && stability < best[1])) best = [tardiness, stability];
  };
  const permute = (): void => {
    if (order.length === acts.length) return evaluate();
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

describe('stability: a change must buy less tardiness', () => {
  it('keeps an activity with its current person when a change buys nothing', () => {
    // p1 is the less versatile of two people free at once: the person a plan without stability picks
    const input: PlanInput = {
      activities: [{ id: 'a', duration: 2, skill: { skill: 'x' }, deadline: 10, current: { person: 'p2' } }],
      people: [
        { id: 'p1', skills: { x: 1 } },
        { id: 'p2', skills: { x: 1, y: 1 } },
      ],
      objectives: ['tardiness', 'balance'],
    };
    expect(plan(input, { maxSchedules: 200 }).activities[0]!.person).toBe('p1');
    const result = plan(
      { ...input, objectives: ['tardiness', 'stability', 'balance'] },
      { maxSchedules: 200 },
    );
    expectValid(input, result);
    expect(result.activities[0]!.person).toBe('p2');
    expect(result.values).toEqual([0, 0, 4]);
    expect(result.activities[0]!.why).toContainEqual({ kind: 'kept-current-person', person: 'p2' });
  });

  it('moves an activity to another person when that makes less work late, and says why', () => {
    // p2 is pinned to other work until period 10; a is due at 3
    const input: PlanInput = {
      activities: [
        { id: 'b', duration: 10, skill: { skill: 'x' }, pin: { person: 'p2', start: 0 } },
        { id: 'a', duration: 2, skill: { skill: 'x' }, deadline: 3, current: { person: 'p2', start: 0 } },
      ],
      people: [
        { id: 'p1', skills: { x: 1 } },
        { id: 'p2', skills: { x: 1 } },
      ],
      objectives,
      personChangeCost: 7,
    };
    const result = plan(input, { maxSchedules: 200 });
    expectValid(input, result);
    const a = result.activities.find((x) => x.activity === 'a')!;
    expect(a.person).toBe('p1');
    expect(result.values.slice(0, 2)).toEqual([0, 7]);
    expect(a.why).toContainEqual({
      kind: 'left-current-person',
      person: 'p2',
      couldFinish: 12,
      reason: 'busy',
    });
  });

  it('starts an activity later than planned only when that makes less work late', () => {
    // c could go first and start at its current start; a is due sooner, so c waits
    const base: Activity[] = [
      { id: 'c', duration: 3, skill: { skill: 'x' }, deadline: 20, current: { person: 'p1', start: 0 } },
      { id: 'a', duration: 2, skill: { skill: 'x' }, deadline: 2, current: { person: 'p1', start: 3 } },
    ];
    const people = [{ id: 'p1', skills: { x: 1 } }];
    const urgent = plan({ activities: base, people, objectives }, { maxSchedules: 200 });
    expect(urgent.activities.find((x) => x.activity === 'c')!.start).toBe(2);
    expect(urgent.values.slice(0, 2)).toEqual([0, 2]);
    // with a due late enough, nothing is bought by moving: the plan in force stays as it is
    const relaxed = base.map((a) => (a.id === 'a' ? { ...a, deadline: 5 } : a));
    const kept = plan({ activities: relaxed, people, objectives }, { maxSchedules: 200 });
    expect(kept.activities.map((x) => [x.activity, x.start])).toEqual([
      ['c', 0],
      ['a', 3],
    ]);
    expect(kept.values.slice(0, 2)).toEqual([0, 0]);
  });

  it('finds the best tardiness, then the best stability, of 8 random 5-activity instances', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const input = teamWork(seed, 5);
      input.people = input.people!.map((p) => ({ id: p.id, skills: p.skills }));
      const result = plan(input, { seed, maxSchedules: 3000 });
      expectValid(input, result);
      expect(result.values.slice(0, 2), `instance ${seed}`).toEqual(bruteForce(input, 40));
    }
  });

  it('planned again with its own plan in force, proposes no change (or a better plan)', () => {
    let same = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const input = teamWork(seed, 40);
      const first = plan(input, { seed, maxSchedules: 3000 });
      expectValid(input, first);
      const again = plan(inForce(input, first), { seed: seed + 1, maxSchedules: 3000 });
      expectValid(input, again);
      expect(again.values[0]!, `instance ${seed}`).toBeLessThanOrEqual(first.values[0]!);
      if (again.values[0]! < first.values[0]!) continue;
      same++;
      expect(again.values[1], `instance ${seed}`).toBe(0);
      const key = (a: ActivityPlan) => ({
        activity: a.activity,
        person: a.person,
        start: a.start,
      });
      expect(again.activities.map(key), `instance ${seed}`).toEqual(first.activities.map(key));
    }
    expect(same).toBeGreaterThanOrEqual(4);
  });

  it('is never worse than the plan in force by the objectives, whatever the budget', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const input = teamWork(seed, 30);
      const first = plan(input, { seed, maxSchedules: 2000 });
      for (const budget of [1, 2, 10, 500]) {
        const again = plan(inForce(input, first), { seed, maxSchedules: budget });
        expectValid(input, again);
        const [tardiness, stability] = again.values;
        const where = `instance ${seed}, budget ${budget}`;
        expect(tardiness, where).toBeLessThanOrEqual(first.values[0]!);
        if (tardiness === first.values[0]) expect(stability, where).toBe(0);
      }
    }
  });

  it('keeps the sequence search exact while it settles: the cost is that of timing from scratch', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const input = teamWork(seed, 80);
      const compiled = compile(input);
      if (!compiled.ok) throw new Error('the input should compile');
      const pr = compiled.problem;
      const first = plan({ ...input, objectives: ['tardiness'] }, { seed, maxSchedules: 8 });
      const at = new Map(first.activities.map((a) => [a.activity, a]));
      const start = Int32Array.from(pr.ids, (id) => at.get(id)!.start);
      const finish = Int32Array.from(pr.ids, (id) => at.get(id)!.finish);
      const person = Int32Array.from(pr.ids, (id) => pr.personIds.indexOf(at.get(id)!.person!));
      const seq = new SequenceSearch(pr, new Random(seed));
      expect(seq.load(start, finish, person)).toBe(true);
      const loaded = seq.cost;
      seq.settling = true;
      for (let round = 0; round < 30; round++) {
        seq.temperature = round < 20 ? 1 : 0;
        seq.improve(100);
        const activities = pr.ids.map((id, j) => ({
          activity: id,
          start: seq.start[j]!,
          finish: seq.finish[j]!,
          person: pr.personIds[seq.person[j]!]!,
          tardiness: 0,
          why: [],
        }));
        expect(validatePlan(input, { activities }), `instance ${seed}, round ${round}`).toEqual([]);
        const fresh = new SequenceSearch(pr, new Random(1));
        expect(fresh.load(seq.start, seq.finish, seq.person)).toBe(true);
        expect(fresh.cost, `instance ${seed}, round ${round}`).toBe(seq.cost);
      }
      // activities went back to their current people without giving up tardiness
      expect(Math.floor(seq.bestCost)).toBeLessThanOrEqual(Math.floor(loaded));
      expect(seq.bestCost).toBeLessThan(loaded);
    }
  });
});

describe('stability: input', () => {
  it('refuses a current person who is not in the plan and a current start that is not a period', () => {
    const input: PlanInput = {
      activities: [
        { id: 'a', duration: 1, skill: { skill: 'x' }, current: { person: 'ghost' } },
        { id: 'b', duration: 1, skill: { skill: 'x' }, current: { start: -2 } },
      ],
      people: [{ id: 'p1', skills: { x: 1 } }],
      objectives,
    };
    const result = plan(input);
    expect(result.status).toBe('invalid');
    expect(result.issues.map((i) => [i.kind, i.activities])).toEqual([
      ['unknown-person', ['a']],
      ['bad-number', ['b']],
    ]);
  });

  it('ignores the plan in force when stability is not an objective', () => {
    const input = teamWork(3, 30);
    const without = { ...input, objectives: ['tardiness', 'balance'] as PlanInput['objectives'] };
    const bare = { ...without, activities: without.activities.map(({ current: _, ...a }) => a) };
    expect(plan(without, { seed: 2, maxSchedules: 600 }).activities).toEqual(
      plan(bare, { seed: 2, maxSchedules: 600 }).activities,
    );
  });
});
