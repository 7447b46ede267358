import { describe, expect, it } from 'vitest';
import type { PlanFigures } from './plan-figures';
import { noChanges, sayGroupTrade, sayLatenessTrade, sayTrade, sayWorkingTime } from './plan-trade';

const figures = (over: Partial<PlanFigures>): PlanFigures => ({
  plannedTasks: 10,
  unplannedTasks: 0,
  lateTasks: 0,
  latenessHours: 0,
  overloadHours: 0,
  growthAssignments: 0,
  cost: 0,
  hours: 0,
  ...over,
});
const noSwing = { newlyLate: 0, newlyLateHours: 0, noLongerLate: 0, noLongerLateHours: 0 };

describe('what a proposal trades, in words', () => {
  it('says working time in days of 8 hours and hours', () => {
    expect(sayWorkingTime(0.2)).toBe('1 h');
    expect(sayWorkingTime(5)).toBe('5 h');
    expect(sayWorkingTime(8)).toBe('1 working day');
    expect(sayWorkingTime(25)).toBe('3 working days and 1 h');
  });

  it('says more late tasks bought with less lateness overall', () => {
    const one = sayLatenessTrade(
      figures({ lateTasks: 13, latenessHours: 1094 }),
      figures({ lateTasks: 14, latenessHours: 1005 }),
      {
        ...noSwing,
        newlyLate: 1,
        newlyLateHours: 9,
      },
    );
    expect(one).toBe('1 more task late, by 1 working day and 1 h, so that 89 h less are late overall.');
    const two = sayLatenessTrade(
      figures({ lateTasks: 1, latenessHours: 100 }),
      figures({ lateTasks: 3, latenessHours: 60 }),
      {
        ...noSwing,
        newlyLate: 2,
        newlyLateHours: 16,
      },
    );
    expect(two).toBe('2 more tasks late by 1 working day each so that 40 h less are late overall.');
  });

  it('says when a proposal is later because the current plan overloads people', () => {
    const text = sayLatenessTrade(
      figures({ lateTasks: 2, latenessHours: 10, overloadHours: 30 }),
      figures({ lateTasks: 3, latenessHours: 22 }),
      noSwing,
    );
    expect(text).toBe(
      '12 h more lateness than the current plan and 1 more late task: the current plan overloads people by 30 h, and without overload the work cannot all be done by its deadlines.',
    );
  });

  it('counts changes of person by what they buy, as a share of the tasks with a person', () => {
    const changes = { ...noChanges(), deadline: 6, overload: 2, earlier: 3, later: 1, new: 4 };
    const text = sayTrade({
      current: figures({ overloadHours: 158 }),
      proposed: figures({}),
      swing: noSwing,
      changes,
      withPerson: 160,
    });
    expect(text).toEqual([
      'Nothing is late, as in the current plan.',
      'Overload goes from 158 h to 0 h.',
      '8 tasks change person (5 % of those with a person): 6 to meet their deadlines and 2 to fix overload.',
      '4 tasks keep their person and move: 3 earlier and 1 later, to make room for work due sooner.',
      '4 tasks without a person get one.',
    ]);
    expect(
      sayTrade({
        current: figures({}),
        proposed: figures({}),
        swing: noSwing,
        changes: noChanges(),
        withPerson: 5,
      }),
    ).toContain('Every task keeps its person.');
  });

  it('sums up a group: a project, or a person with what arrives and leaves', () => {
    expect(
      sayGroupTrade({
        changes: { ...noChanges(), unavailable: 1, new: 2 },
        lateHoursBefore: 40,
        lateHoursAfter: 12,
      }),
    ).toBe('1 change person (1 because their person cannot do them) · 2 new assignments · late 40 h → 12 h');
    expect(
      sayGroupTrade({
        changes: { ...noChanges(), room: 2 },
        lateHoursBefore: 0,
        lateHoursAfter: 0,
        arriving: 1,
        leaving: 2,
        overloadBefore: 12,
        overloadAfter: 0,
      }),
    ).toBe(
      '1 task to them · 2 tasks to others (2 to free their person for work due sooner) · overload 12 h → 0 h',
    );
    expect(sayGroupTrade({ changes: noChanges(), lateHoursBefore: 0, lateHoursAfter: 0 })).toBe('No change');
  });
});
