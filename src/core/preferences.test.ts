import { describe, expect, it } from 'vitest';
import { explainPreference, passionMatchesSkill, preferenceLookup, preferenceWeights } from './preferences';

const skills = [
  { id: 'ill', name: 'Illustration' },
  { id: 'vis', name: 'Visual design' },
  { id: 'data', name: 'Data analysis' },
  { id: 'be', name: 'Back-end' },
];

describe('planner preferences', () => {
  it('weights a growth goal above a passion, and both together highest, with reasons in words', () => {
    const prefs = preferenceWeights(
      [
        {
          id: 'ana',
          passions: ['Typography', 'Data visualization'],
          skills: [{ skillId: 'ill', level: 3 }],
          growthGoals: [
            { skillId: 'ill', targetLevel: 4 },
            { skillId: 'vis', targetLevel: 2 },
          ],
          hasGrowthPlan: true,
        },
      ],
      skills,
    );
    const weight = preferenceLookup(prefs);
    expect(weight('ana', 'vis')).toBe(0.9); // growth goal (0.8) and a passion (typography)
    expect(weight('ana', 'ill')).toBe(0.8);
    expect(weight('ana', 'data')).toBe(0.5);
    expect(weight('ana', 'be')).toBe(0);
    const vis = prefs.find((p) => p.skillId === 'vis')!;
    expect(explainPreference(vis, 'Visual design')).toBe(
      'wants to grow Visual design (new → 2, growth plan); passionate about typography',
    );
  });

  it('weights a goal already reached low', () => {
    const prefs = preferenceWeights(
      [
        {
          id: 'bo',
          passions: [],
          skills: [{ skillId: 'be', level: 4 }],
          growthGoals: [{ skillId: 'be', targetLevel: 4 }],
        },
      ],
      skills,
    );
    expect(prefs).toMatchObject([{ personId: 'bo', skillId: 'be', weight: 0.2 }]);
    expect(explainPreference(prefs[0]!, 'Back-end')).toBe('has reached the Back-end goal (4)');
  });

  it('matches passions to skills by words and related words, not by accident', () => {
    expect(passionMatchesSkill('illustration', 'Illustration')).toBe(true);
    expect(passionMatchesSkill('Data visualization', 'Data analysis')).toBe(true);
    expect(passionMatchesSkill('Typography', 'Visual design')).toBe(true);
    expect(passionMatchesSkill('Cooking', 'Back-end')).toBe(false);
    expect(passionMatchesSkill('', 'Back-end')).toBe(false);
  });
});
