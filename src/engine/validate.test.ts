import { describe, expect, it } from 'vitest';
import type { ActivityPlan, PlanInput } from './types';
import { validatePlan, type ViolationKind } from './validate';

/** A small input with every kind of constraint: precedence with lag, a resource, skills, a calendar, pins. */
function world(): PlanInput {
  return {
    resources: [{ id: 'crane', capacity: 1 }],
    people: [
      { id: 'ann', skills: { design: 3 } },
      { id: 'bob', skills: { design: 1, code: 2 }, calendar: { daysOff: [2] } },
    ],
    activities: [
      { id: 'A', duration: 2, demands: { crane: 1 } },
      { id: 'B', duration: 2, demands: { crane: 1 }, predecessors: [{ activity: 'A', lag: 1 }] },
      { id: 'C', duration: 2, skill: { skill: 'design', level: 2 } },
      { id: 'D', duration: 2, skill: { skill: 'code' }, release: 1 },
      { id: 'E', duration: 1, skill: { skill: 'design' }, pin: { person: 'ann', start: 5 } },
    ],
  };
}

function goodPlan(): ActivityPlan[] {
  const p = (activity: string, start: number, finish: number, person?: string): ActivityPlan => ({
    activity,
    start,
    finish,
    tardiness: 0,
    why: [],
    ...(person ? { person } : {}),
  });
  // D by bob: starts at 1, period 2 is off, so 2 units of work end at 4
  return [p('A', 0, 2), p('B', 3, 5), p('C', 0, 2, 'ann'), p('D', 1, 4, 'bob'), p('E', 5, 6, 'ann')];
}

function kindsAfter(change: (plan: ActivityPlan[]) => void): ViolationKind[] {
  const plan = goodPlan();
  change(plan);
  return validatePlan(world(), { activities: plan }).map((v) => v.kind);
}

const at = (plan: ActivityPlan[], id: string): ActivityPlan => plan.find((a) => a.activity === id)!;

describe('validatePlan', () => {
  it('accepts a plan that keeps every hard constraint', () => {
    expect(validatePlan(world(), { activities: goodPlan() })).toEqual([]);
  });

  it('reports a missing, a duplicated and an unknown activity', () => {
    expect(kindsAfter((p) => p.splice(0, 1))).toContain('missing-activity');
    expect(kindsAfter((p) => p.push({ ...p[0]! }))).toContain('duplicate-activity');
    expect(kindsAfter((p) => p.push({ ...p[0]!, activity: 'Z' }))).toContain('unknown-activity');
  });

  it('reports a start before the release date', () => {
    expect(
      kindsAfter((p) => {
        Object.assign(at(p, 'D'), { start: 0, finish: 2 });
      }),
    ).toContain('before-release');
  });

  it('reports a precedence (with lag) that is not kept', () => {
    expect(
      kindsAfter((p) => {
        Object.assign(at(p, 'B'), { start: 2, finish: 4 });
      }),
    ).toContain('precedence');
  });

  it('reports a finish that does not match the duration and the calendar', () => {
    expect(
      kindsAfter((p) => {
        at(p, 'D').finish = 3; // ignores bob's day off at period 2
      }),
    ).toEqual(['wrong-finish']);
  });

  it('reports a resource used over its capacity', () => {
    expect(
      kindsAfter((p) => {
        Object.assign(at(p, 'B'), { start: 1, finish: 3 });
      }),
    ).toContain('resource-capacity');
  });

  it('reports an unqualified, a missing and an unknown person', () => {
    expect(
      kindsAfter((p) => {
        at(p, 'C').person = 'bob';
      }),
    ).toContain('unqualified-person');
    expect(
      kindsAfter((p) => {
        delete at(p, 'C').person;
      }),
    ).toContain('missing-person');
    expect(
      kindsAfter((p) => {
        at(p, 'C').person = 'zoe';
      }),
    ).toContain('unknown-person');
  });

  it('reports one person doing two activities at once', () => {
    expect(
      kindsAfter((p) => {
        Object.assign(at(p, 'E'), { start: 1, finish: 2 });
        delete at(p, 'E').person;
        at(p, 'E').person = 'ann';
      }),
    ).toContain('person-overlap');
  });

  it('reports a start on a day off', () => {
    expect(
      kindsAfter((p) => {
        Object.assign(at(p, 'D'), { start: 2, finish: 5 });
      }),
    ).toContain('not-working');
  });

  it('reports a broken pin', () => {
    expect(
      kindsAfter((p) => {
        Object.assign(at(p, 'E'), { start: 6, finish: 7 });
      }),
    ).toContain('pin');
    expect(
      kindsAfter((p) => {
        at(p, 'E').person = 'bob';
      }),
    ).toContain('pin');
  });

  it('reports a start that is not a whole period', () => {
    expect(
      kindsAfter((p) => {
        at(p, 'A').start = 0.5;
      }),
    ).toContain('bad-time');
  });
});
