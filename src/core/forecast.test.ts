import { describe, expect, it } from 'vitest';
import { clampRatio, forecast, forecastClosure, type ForecastTask } from './forecast';
import { dayNumber as dayNumberOf } from './workdays';

const ana = { id: 'ana', hoursPerDay: 8, daysOff: new Set<string>() };
const task = (over: Partial<ForecastTask> & { id: string }): ForecastTask => ({
  projectId: 'p',
  personId: 'ana',
  hours: 40,
  plannedStart: '2026-03-02',
  deadline: null,
  dependsOn: [],
  ...over,
});
const today = '2026-03-02'; // a Monday

describe('deadline forecast', () => {
  it('gives a task with no slack and a history of 50% overruns almost no chance', () => {
    // 40 h of work from Monday, due Friday: exactly on time at the estimate
    const result = forecast(
      [task({ id: 'a', deadline: '2026-03-06' })],
      [ana],
      { byPerson: new Map([['ana', [1.5, 1.5, 1.5, 1.4, 1.6]]]), organization: [1.5] },
      { today, runs: 400 },
    );
    expect(result.project('p', '2026-03-06')!.probability).toBe(0);
    expect(result.taskOnTime.get('a')).toBe(0);
  });

  it('is sure of the same task when its history says estimates hold', () => {
    const result = forecast(
      [task({ id: 'a', deadline: '2026-03-06' })],
      [ana],
      { byPerson: new Map([['ana', [1, 1, 1]]]), organization: [1] },
      { today, runs: 200 },
    );
    expect(result.project('p', '2026-03-06')!.probability).toBe(1);
    expect(result.project('p', '2026-03-06')!.p50).toBe('2026-03-06');
  });

  it('gives about even odds when half the history overruns by half', () => {
    const result = forecast(
      [task({ id: 'a', deadline: '2026-03-06' })],
      [ana],
      { byPerson: new Map([['ana', [1, 1.5, 1, 1.5]]]), organization: [] },
      { today, runs: 2000, seed: 7 },
    );
    const p = result.project('p', '2026-03-06')!.probability!;
    expect(p).toBeGreaterThan(0.45);
    expect(p).toBeLessThan(0.55);
  });

  it('keeps slack: a deadline two weeks out survives 50% overruns', () => {
    const result = forecast(
      [task({ id: 'a', deadline: '2026-03-13' })],
      [ana],
      { byPerson: new Map(), organization: [1.5, 1.5, 1.5] },
      { today, runs: 200 },
    );
    expect(result.project('p', '2026-03-13')!.probability).toBe(1);
  });

  it('uses the organization’s history for a person with fewer than three finished tasks', () => {
    const history = { byPerson: new Map([['ana', [1, 1]]]), organization: [2, 2, 2, 2] };
    const result = forecast([task({ id: 'a', deadline: '2026-03-06' })], [ana], history, {
      today,
      runs: 100,
    });
    expect(result.project('p', '2026-03-06')!.probability).toBe(0);
  });

  it('chains work: predecessors and the same person’s earlier work, and names the driving tasks', () => {
    const tasks = [
      task({ id: 'design', hours: 16, plannedStart: '2026-03-02' }),
      task({ id: 'build', hours: 16, plannedStart: '2026-03-04', dependsOn: ['design'] }),
      task({ id: 'other', projectId: 'q', hours: 8, plannedStart: '2026-03-02', personId: null }),
    ];
    const result = forecast(
      tasks,
      [ana],
      { byPerson: new Map(), organization: [1.25] },
      { today, runs: 100 },
    );
    // 40 h of work at 8 h a day: Monday to Friday; due Thursday, it is always late
    const outlook = result.project('p', '2026-03-05')!;
    expect(outlook.probability).toBe(0);
    expect(outlook.p50).toBe('2026-03-06');
    expect(outlook.drivers.map((d) => d.taskId).sort()).toEqual(['build', 'design']);
    expect(outlook.drivers.every((d) => d.share === 1)).toBe(true);
  });

  it('skips a person’s time off and weekends', () => {
    const off = { id: 'ana', hoursPerDay: 8, daysOff: new Set(['2026-03-04']) };
    const result = forecast(
      [task({ id: 'a', hours: 24 })],
      [off],
      { byPerson: new Map(), organization: [] },
      { today, runs: 10 },
    );
    // Mon, Tue, (Wed off), Thu
    expect(result.taskP50.get('a')).toBe('2026-03-05');
  });

  it('is deterministic for a seed', () => {
    const args = [
      [task({ id: 'a', deadline: '2026-03-06' })],
      [ana],
      { byPerson: new Map(), organization: [0.9, 1.1, 1.3] },
    ] as const;
    const one = forecast(...args, { today, runs: 300, seed: 3 }).project('p', '2026-03-06');
    const two = forecast(...args, { today, runs: 300, seed: 3 }).project('p', '2026-03-06');
    expect(one).toEqual(two);
  });

  it('simulates only the work that can move the given tasks', () => {
    const tasks = [
      task({ id: 'mine', plannedStart: '2026-03-09' }),
      task({ id: 'before', plannedStart: '2026-03-02' }),
      task({ id: 'after', plannedStart: '2026-03-16' }),
      task({ id: 'stranger', personId: 'ben' }),
    ];
    expect(
      forecastClosure(tasks, new Set(['mine']))
        .map((t) => t.id)
        .sort(),
    ).toEqual(['before', 'mine']);
  });
});

describe('forecast from extreme values', () => {
  it('dates a chain of huge tasks at a tiny capacity as a real YYYY-MM-DD, not "+012000-…"', () => {
    const slow = { id: 'ana', hoursPerDay: 0.0002, daysOff: new Set<string>() };
    const chain = Array.from({ length: 900 }, (_, i) => task({ id: `t${i}`, hours: 100_000 }));
    const outlook = forecast(
      chain,
      [slow],
      { byPerson: new Map(), organization: [] },
      { today, runs: 2 },
    ).project('p', '2026-12-31')!;
    for (const date of [outlook.p50, outlook.p80, outlook.p95, ...outlook.curve.map((c) => c.date)])
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(outlook.probability).toBe(0);
  });

  it('takes a ratio that is not a number (0 ÷ 0) as the estimate being right', () => {
    expect(clampRatio(NaN)).toBe(1);
    expect(clampRatio(Infinity)).toBe(5);
  });
});

describe('the forecast replays the schedule', () => {
  const day = (iso: string, hour = 0) => dayNumberOf(iso) + hour / 8;
  const bo = { id: 'bo', hoursPerDay: 8, daysOff: new Set<string>() };
  const laid = (id: string, personId: string, start: number, finish: number, dependsOn: string[] = []) =>
    task({ id, personId, hours: (finish - start) * 8, dependsOn, planned: { start, finish, isLaid: true } });
  const noHistory = { byPerson: new Map<string, number[]>(), organization: [] };

  it('ends exactly when the plan does when nothing says the estimates are off, hand-offs to the hour included', () => {
    // Ana works Mon 00:00 → Tue 03:00; Bo takes over at Tue 03:00 and ends Wed 08:00
    const a = laid('a', 'ana', day('2026-03-02'), day('2026-03-03', 3));
    const b = laid('b', 'bo', day('2026-03-03', 3), day('2026-03-04', 8), ['a']);
    const outlook = forecast([a, b], [ana, bo], noHistory, { today, runs: 50 }).project('p', null)!;
    expect(outlook).toMatchObject({
      planEnd: '2026-03-04',
      estimateEnd: '2026-03-04',
      p50: '2026-03-04',
      p95: '2026-03-04',
    });
  });

  it('stretches each task’s planned span by its person’s history', () => {
    const a = laid('a', 'ana', day('2026-03-02'), day('2026-03-06', 8)); // a full week
    const outlook = forecast(
      [a],
      [ana],
      { byPerson: new Map([['ana', [1.4, 1.4, 1.4]]]), organization: [1.4] },
      { today, runs: 50 },
    ).project('p', null)!;
    // 5 working days × 1.4 = 7: Monday to the next Tuesday
    expect(outlook).toMatchObject({ planEnd: '2026-03-06', estimateEnd: '2026-03-06', p50: '2026-03-10' });
  });

  it('finds the plan late at the estimates when it gives someone more work than their hours', () => {
    // two 40 h tasks spread over the same week for one person: the second cannot end before the next Friday
    const spread = (id: string) =>
      task({
        id,
        hours: 40,
        planned: { start: day('2026-03-02'), finish: day('2026-03-06', 8), isLaid: false },
      });
    const outlook = forecast([spread('a'), spread('b')], [ana], noHistory, { today, runs: 20 }).project(
      'p',
      null,
    )!;
    expect(outlook.planEnd).toBe('2026-03-06');
    expect(outlook.estimateEnd).toBe('2026-03-13');
  });

  it('lets a plan laid around a person’s other work keep its dates: laid and spread work share the days', () => {
    // Ana has 20 h of other work spread over the week (4 h a day); a plan laid her 4-hour task in
    // Monday afternoon's free hours. Replayed one after the other, the spread work would push it to Friday.
    const other = task({
      id: 'other',
      projectId: 'elsewhere',
      hours: 20,
      planned: { start: day('2026-03-02'), finish: day('2026-03-06', 8), isLaid: false },
    });
    const mine = laid('mine', 'ana', day('2026-03-02', 4), day('2026-03-02', 8));
    const outlook = forecast([other, mine], [ana], noHistory, { today, runs: 20 }).project('p', null)!;
    expect(outlook).toMatchObject({ planEnd: '2026-03-02', estimateEnd: '2026-03-02', p50: '2026-03-02' });
  });
});
