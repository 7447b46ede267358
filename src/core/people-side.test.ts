import { describe, expect, it } from 'vitest';
import { rankEmergingLeaders, signalsOf } from './emerging-leaders';
import { balanceOf, weekOf } from './people-side';

describe('leadership/management balance', () => {
  it('is the mean of each list and their difference', () => {
    expect(
      balanceOf({
        decision_making: 4,
        communication: 5,
        relationship_building: 4,
        strategic_thinking: 3,
        planning_budgeting: 2,
        task_allocation: 3,
        creativity: 4,
        problem_solving: 3,
      }),
    ).toEqual({ leadership: 4, management: 3, lean: 1 });
    expect(balanceOf({})).toEqual({ leadership: null, management: null, lean: null });
  });

  it('takes Monday as the week of any day', () => {
    expect(weekOf('2026-03-02')).toBe('2026-03-02');
    expect(weekOf('2026-03-08')).toBe('2026-03-02');
    expect(weekOf('2026-03-09')).toBe('2026-03-09');
  });
});

describe('emerging leaders', () => {
  const none = { mentees: [], helpingKudosFrom: [], mentoringMeetings: 0, goalsOwned: [] };
  it('lists every signal with its count and examples', () => {
    expect(
      signalsOf({
        personId: 'p',
        mentees: ['Ana'],
        helpingKudosFrom: ['Bo', 'Bo', 'Cy'],
        mentoringMeetings: 4,
        goalsOwned: ['Win awards'],
      }),
    ).toEqual([
      { kind: 'mentoring', count: 1, summary: 'Mentor in 1 growth plan', examples: ['Ana'] },
      {
        kind: 'helping_kudos',
        count: 3,
        summary: '3 kudos for helping others, from 2 people',
        examples: ['Bo', 'Cy'],
      },
      {
        kind: 'mentoring_one_on_ones',
        count: 4,
        summary: '4 mentoring 1:1s held as the mentor',
        examples: [],
      },
      { kind: 'goals_owned', count: 1, summary: 'Owns 1 active goal', examples: ['Win awards'] },
    ]);
  });

  it('counts a growth plan the viewer may not read without naming its mentee', () => {
    expect(signalsOf({ ...none, personId: 'p', mentees: ['Ana', null, null] })).toEqual([
      {
        kind: 'mentoring',
        count: 3,
        summary: 'Mentor in 3 growth plans (2 not named: a plan you may not read)',
        examples: ['Ana'],
      },
    ]);
  });

  it('shows people with two or more kinds of signal, most kinds first', () => {
    const ranked = rankEmergingLeaders(
      [
        { ...none, personId: 'one', goalsOwned: ['x', 'y', 'z'] },
        { ...none, personId: 'two', goalsOwned: ['x'], mentees: ['a'] },
        { ...none, personId: 'three', goalsOwned: ['x'], mentees: ['a'], mentoringMeetings: 1 },
      ],
      (id) => id,
    );
    expect(ranked.map((r) => r.personId)).toEqual(['three', 'two']);
  });
});
