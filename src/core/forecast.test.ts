import { describe, expect, it } from 'vitest';
import { clampRatio, forecast, forecastClosure, type ForecastTask } from './forecast';

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
