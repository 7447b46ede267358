import { describe, expect, it } from 'vitest';
import { aggregatePeriod, aggregatePulse, type PulseAnswer } from './pulse';

const week = '2026-02-23';
const answers = (teamId: string | null, n: number, energy = 4, workload = 3): PulseAnswer[] =>
  Array.from({ length: n }, (_, i) => ({ period: week, teamId, energy: ((energy + i) % 5) + 1, workload }));

/** Every shown group has at least `min` people and the shown groups add up to the organization. */
function expectNoSmallGroupDerivable(result: ReturnType<typeof aggregatePeriod>, min: number) {
  for (const g of result.groups) expect(g.result.respondents).toBeGreaterThanOrEqual(min);
  if (result.groups.length > 0)
    expect(result.groups.reduce((s, g) => s + g.result.respondents, 0)).toBe(
      result.organization!.respondents,
    );
}

describe('pulse aggregation', () => {
  it('shows nothing at all for a group of 4 — no numbers, not even the count', () => {
    const result = aggregatePeriod(week, answers('t1', 4), 5);
    expect(result).toEqual({ period: week, organization: null, groups: [] });
  });

  it('shows only aggregates for a group of 5', () => {
    const result = aggregatePeriod(
      week,
      [1, 2, 3, 4, 5].map((e) => ({ period: week, teamId: 't1', energy: e, workload: 6 - e })),
      5,
    );
    expect(result.organization).toEqual({
      respondents: 5,
      energy: 3,
      workload: 3,
      overloadedShare: 0.4,
      lowEnergyShare: 0.4,
    });
    expect(result.groups).toEqual([{ teamId: 't1', mergedTeamIds: [], result: result.organization }]);
    expect(Object.keys(result.organization!)).toEqual([
      'respondents',
      'energy',
      'workload',
      'overloadedShare',
      'lowEnergyShare',
    ]);
  });

  it('puts small teams and people without a team into "Other teams" when that group reaches 5', () => {
    const result = aggregatePeriod(week, [...answers('big', 6), ...answers('s1', 3), ...answers(null, 2)], 5);
    expect(result.groups.map((g) => [g.teamId, g.result.respondents, g.mergedTeamIds])).toEqual([
      ['big', 6, []],
      [null, 5, ['s1']],
    ]);
    expectNoSmallGroupDerivable(result, 5);
  });

  it('merges the smallest shown team into "Other teams" when the rest would be 1–4 (no subtraction reveals them)', () => {
    const result = aggregatePeriod(week, [...answers('a', 7), ...answers('b', 5), ...answers(null, 1)], 5);
    expect(result.organization?.respondents).toBe(13);
    expect(result.groups.map((g) => [g.teamId, g.result.respondents, g.mergedTeamIds])).toEqual([
      ['a', 7, []],
      [null, 6, ['b']],
    ]);
    expectNoSmallGroupDerivable(result, 5);
  });

  it('shows only the organization when no team can stand on its own', () => {
    const result = aggregatePeriod(week, [...answers('a', 3), ...answers('b', 3)], 5);
    expect(result.organization?.respondents).toBe(6);
    expect(result.groups).toEqual([]);
  });

  it('never shows a group under the minimum, for any mix of team sizes', () => {
    for (let seed = 1; seed < 300; seed++) {
      let x = seed;
      const next = () => (x = (x * 48271) % 2147483647);
      const list: PulseAnswer[] = [];
      const teams = 1 + (next() % 5);
      for (let t = 0; t < teams; t++)
        list.push(...answers(t === 0 && next() % 2 === 0 ? null : `t${t}`, next() % 9));
      const result = aggregatePeriod(week, list, 5);
      if (list.length < 5) expect(result.organization).toBeNull();
      expectNoSmallGroupDerivable(result, 5);
    }
  });

  it('reports every asked week, empty ones as nothing', () => {
    const result = aggregatePulse(answers('t', 5), ['2026-02-16', week], 5);
    expect(result.map((r) => r.organization?.respondents ?? null)).toEqual([null, 5]);
  });
});
