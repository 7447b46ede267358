import { describe, expect, it } from 'vitest';
import { planFigures, type FigurePerson } from './plan-figures';

const people: FigurePerson[] = [
  { id: 'ana', hoursPerDay: 8, daysOff: new Set(['2026-03-06']), costRate: 50, growthSkillIds: ['ill'] },
  { id: 'ben', hoursPerDay: 4, daysOff: new Set(), costRate: 100, growthSkillIds: [] },
];
const today = '2026-03-02';

describe('plan figures', () => {
  it('counts lateness in working hours, overload per person and week, growth and cost', () => {
    const f = planFigures(
      [
        // 40 h for Ana in a week with a day off: 8 h over
        {
          taskId: 'a',
          personId: 'ana',
          window: { start: '2026-03-02', end: '2026-03-05' },
          hours: 40,
          deadline: '2026-03-04',
          skillId: 'ill',
        },
        // Ben, late by the weekend and Monday: due Friday, ends Monday → 8 h
        {
          taskId: 'b',
          personId: 'ben',
          window: { start: '2026-03-09', end: '2026-03-09' },
          hours: 4,
          deadline: '2026-03-06',
          skillId: 'ux',
        },
        {
          taskId: 'c',
          personId: null,
          window: null,
          hours: 8,
          deadline: null,
          skillId: null,
          fallbackRate: 75,
        },
      ],
      people,
      today,
    );
    expect(f).toEqual({
      plannedTasks: 2,
      unplannedTasks: 1,
      lateTasks: 2, // a ends Thursday, due Wednesday: 8 h; b: 8 h
      latenessHours: 16,
      overloadHours: 8,
      growthAssignments: 1,
      cost: 40 * 50 + 4 * 100 + 8 * 75,
      hours: 44,
    });
  });

  it('loads commitments without counting them', () => {
    const f = planFigures(
      [
        {
          taskId: 'x',
          personId: 'ben',
          window: { start: '2026-03-02', end: '2026-03-06' },
          hours: 30,
          deadline: null,
          skillId: null,
          isCommitment: true,
        },
      ],
      people,
      today,
    );
    expect(f.plannedTasks).toBe(0);
    expect(f.overloadHours).toBe(10);
    expect(f.cost).toBe(0);
  });
});
