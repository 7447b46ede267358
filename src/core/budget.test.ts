import { describe, expect, it } from 'vitest';
import { budgetOutlook, type BudgetInput } from './budget';

const people = new Map([
  ['ana', { costRate: 50, billRate: 120, daysOff: new Set<string>() }],
  ['ben', { costRate: 80, billRate: 150, daysOff: new Set<string>() }],
]);
const base: BudgetInput = {
  today: '2026-03-27', // a Friday
  budgetHours: 100,
  budgetMoney: 6000,
  projectStart: '2026-03-02',
  entries: [
    { personId: 'ana', date: '2026-03-03', hours: 10 }, // 500 cost, 1200 bill
    { personId: 'ben', date: '2026-03-10', hours: 10 }, // 800, 1500
    { personId: 'ana', date: '2026-03-17', hours: 20 }, // 1000, 2400
    { personId: 'ben', date: '2026-03-24', hours: 5 }, // 400, 750
  ],
  openTasks: [
    {
      personId: 'ana',
      hours: 20,
      window: { start: '2026-03-30', end: '2026-04-02' },
      fallback: { costRate: 0, billRate: 0 },
    },
    { personId: null, hours: 10, window: null, fallback: { costRate: 60, billRate: 130 } },
  ],
  people,
  ratio: 1.2,
};

describe('project budget', () => {
  it('adds logged and remaining hours at the people’s rates (checked by hand)', () => {
    const b = budgetOutlook(base);
    expect(b.logged).toEqual({ hours: 45, cost: 2700, bill: 5850 });
    // ana 20 h × 50 = 1000; unassigned 10 h × 60 = 600
    expect(b.remaining).toEqual({ hours: 30, cost: 1600, bill: 3700 });
    expect(b.atCompletion).toEqual({ hours: 75, cost: 4300, bill: 9550 });
    expect(b.adjustedAtCompletion).toEqual({ hours: 81, cost: 4620, bill: 10290, ratio: 1.2 });
    expect(b.burn).toBe(0.45); // 2700 of 6000
  });

  it('dates the run-out at the pace of the last four weeks', () => {
    const b = budgetOutlook(base);
    // entries within 2026-02-28…2026-03-27: all four; 2700 over 4 weeks = 675 a week
    expect(b.pace).toEqual({ hoursPerWeek: 11.3, costPerWeek: 675, weeks: 4 });
    // 3300 left at 675 a week = 34.2 days → 2026-03-27 + 35 days
    expect(b.runOut).toMatchObject({ date: '2026-05-01', basis: 'money', isExhausted: false });
    expect(b.runOut.text).toMatch(/runs out on Fri 1 May/);
  });

  it('says when the budget ran out, from the running total', () => {
    const b = budgetOutlook({ ...base, budgetMoney: 1500 });
    // 500 on the 3rd, 1300 on the 10th, 2300 on the 17th: past 1500 on the 17th
    expect(b.runOut).toMatchObject({ date: '2026-03-17', isExhausted: true });
    expect(b.burn).toBe(1.8);
  });

  it('uses hours when there is only an hour budget, and no date without recent work', () => {
    const b = budgetOutlook({ ...base, budgetMoney: null, today: '2026-06-30' });
    expect(b.runOut.basis).toBe('hours');
    expect(b.runOut.date).toBeNull();
    expect(b.runOut.text).toMatch(/Nothing logged in the last 4 weeks/);
  });

  it('charts logged work to this week and the plan after it, ending at the forecast at completion', () => {
    const b = budgetOutlook(base);
    expect(b.series[0]!.week).toBe('2026-03-02');
    const thisWeek = b.series.find((r) => r.week === '2026-03-23')!;
    expect(thisWeek.loggedCost).toBe(2700);
    expect(thisWeek.plannedCost).toBe(2700);
    const last = b.series[b.series.length - 1]!;
    expect(last.loggedCost).toBeNull();
    expect(last.plannedCost).toBe(4300);
    expect(last.plannedHours).toBe(75);
  });

  it('charts an applied plan’s hours on the days it laid them', () => {
    // 18 h from Friday 3 April to Tuesday 7 April: spread, 6 h fall in the week of 30 March; laid by
    // the plan, 2 h on the Friday afternoon and the rest after the weekend
    const window = { start: '2026-04-03', end: '2026-04-07' };
    const task = { personId: 'ana', hours: 18, window, fallback: { costRate: 0, billRate: 0 } };
    const weekOf30March = (b: ReturnType<typeof budgetOutlook>) =>
      b.series.find((r) => r.week === '2026-03-30')!.plannedHours;
    expect(weekOf30March(budgetOutlook({ ...base, openTasks: [task] }))).toBe(51);
    const layout = {
      personId: 'ana',
      start: window.start,
      end: window.end,
      hours: 18,
      finishHour: 8,
      daily: [
        ['2026-04-03', 2],
        ['2026-04-06', 8],
        ['2026-04-07', 8],
      ] as [string, number][],
    };
    expect(weekOf30March(budgetOutlook({ ...base, openTasks: [{ ...task, layout }] }))).toBe(47);
  });

  it('says a finished project finished within or over budget', () => {
    expect(budgetOutlook({ ...base, openTasks: [], isFinished: true }).runOut.text).toBe(
      'Finished within budget: 2,700 spent of 6,000 (45%).',
    );
  });

  it('says a project nobody has worked on has no work yet, not that it finished within budget', () => {
    const empty = budgetOutlook({ ...base, entries: [], openTasks: [] });
    expect(empty.runOut).toMatchObject({ text: 'No work on it yet: nothing spent or planned of 6,000.' });
  });
});

describe('project budget from extreme values', () => {
  it('does not date the run-out past a hundred years when the pace is near zero', () => {
    const b = budgetOutlook({
      ...base,
      budgetMoney: 1_000_000_000,
      people: new Map([['ana', { costRate: 0.0001, billRate: 0, daysOff: new Set<string>() }]]),
      entries: [{ personId: 'ana', date: '2026-03-24', hours: 1 }],
    });
    expect(b.runOut.date).toBeNull();
    expect(b.runOut.text).toMatch(/lasts more than 100 years/);
  });

  it('keeps burn a finite number when the budget is near zero', () => {
    const b = budgetOutlook({
      ...base,
      budgetMoney: 5e-324,
      people: new Map([['ana', { costRate: 1_000_000_000, billRate: 0, daysOff: new Set<string>() }]]),
      entries: [{ personId: 'ana', date: '2026-03-24', hours: 24 }],
    });
    expect(Number.isFinite(b.burn)).toBe(true);
    expect(b.runOut.isExhausted).toBe(true);
  });
});
