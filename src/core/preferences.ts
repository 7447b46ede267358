/**
 * The planner's preference input (PRODUCT capability 2, "grow people"): how much each person would
 * like work that needs each skill, from their growth goals (the skills of their growth plan) and their
 * passions. Pure: the planner (and the growth-plan screen) call `preferenceWeights` with profile data
 * and read one weight per person and skill, with the reasons in words for the plan's explanation.
 *
 * Weights (0–1, combined as 1 − Π(1 − wᵢ) so several reasons add up without passing 1):
 * - a growth goal not yet reached (target above the current level): 0.8 — stretch work they asked for;
 * - a growth goal already reached: 0.2;
 * - a passion that names the skill (same word, or a related word listed below): 0.5.
 */

export interface PreferencePerson {
  id: string;
  passions: readonly string[];
  skills: readonly { skillId: string; level: number }[];
  growthGoals: readonly { skillId: string; targetLevel: number }[];
  /** Whether the person has a growth plan (mentor, milestones) around these goals. */
  hasGrowthPlan?: boolean;
}

export type PreferenceReason =
  | { kind: 'growth_goal'; level: number; targetLevel: number; inGrowthPlan: boolean }
  | { kind: 'passion'; passion: string };

export interface SkillPreference {
  personId: string;
  skillId: string;
  weight: number;
  reasons: PreferenceReason[];
}

export const preferenceWeightsOf = { growthGoal: 0.8, reachedGoal: 0.2, passion: 0.5 } as const;

/** Passion words that point at a skill whose name does not contain them. Lower case. */
export const relatedWords: Readonly<Record<string, readonly string[]>> = {
  typography: ['visual design'],
  storytelling: ['copywriting'],
  writing: ['copywriting'],
  photography: ['visual design'],
  film: ['video editing'],
  podcasting: ['video editing'],
  animation: ['motion graphics'],
  accessibility: ['ux design', 'front-end'],
  'behavioural science': ['ux design'],
  'open source': ['front-end', 'back-end'],
  'product thinking': ['ux design'],
  'data visualization': ['data analysis'],
  'community building': ['social media'],
  'public speaking': ['account management'],
};

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4);

/** Whether a passion (free text) points at a skill (its name). */
export function passionMatchesSkill(passion: string, skillName: string): boolean {
  const p = passion.trim().toLowerCase();
  const s = skillName.trim().toLowerCase();
  if (p === '' || s === '') return false;
  if (p.includes(s) || s.includes(p)) return true;
  if ((relatedWords[p] ?? []).includes(s)) return true;
  const skillWords = new Set(words(s));
  return words(p).some((w) => skillWords.has(w));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One entry per person and skill with any preference, strongest first within a person. */
export function preferenceWeights(
  people: readonly PreferencePerson[],
  skills: readonly { id: string; name: string }[],
): SkillPreference[] {
  const result: SkillPreference[] = [];
  for (const person of people) {
    const level = new Map(person.skills.map((s) => [s.skillId, s.level]));
    const reasons = new Map<string, PreferenceReason[]>();
    const add = (skillId: string, reason: PreferenceReason) =>
      reasons.set(skillId, [...(reasons.get(skillId) ?? []), reason]);
    for (const goal of person.growthGoals)
      add(goal.skillId, {
        kind: 'growth_goal',
        level: level.get(goal.skillId) ?? 0,
        targetLevel: goal.targetLevel,
        inGrowthPlan: person.hasGrowthPlan ?? false,
      });
    for (const passion of person.passions)
      for (const skill of skills)
        if (passionMatchesSkill(passion, skill.name)) add(skill.id, { kind: 'passion', passion });
    const own: SkillPreference[] = [];
    for (const [skillId, list] of reasons) {
      const keep = 1 - list.reduce((rest, r) => rest * (1 - weightOf(r)), 1);
      own.push({ personId: person.id, skillId, weight: round2(keep), reasons: list });
    }
    own.sort((a, b) => b.weight - a.weight || a.skillId.localeCompare(b.skillId));
    result.push(...own);
  }
  return result;
}

function weightOf(reason: PreferenceReason): number {
  switch (reason.kind) {
    case 'growth_goal':
      return reason.targetLevel > reason.level
        ? preferenceWeightsOf.growthGoal
        : preferenceWeightsOf.reachedGoal;
    case 'passion':
      return preferenceWeightsOf.passion;
  }
}

/** "wants to grow Illustration (3 → 4, growth plan); passionate about typography" */
export function explainPreference(preference: SkillPreference, skillName: string): string {
  return preference.reasons
    .map((r) => {
      switch (r.kind) {
        case 'growth_goal':
          return r.targetLevel > r.level
            ? `wants to grow ${skillName} (${r.level === 0 ? 'new' : r.level} → ${r.targetLevel}${r.inGrowthPlan ? ', growth plan' : ''})`
            : `has reached the ${skillName} goal (${r.targetLevel})`;
        case 'passion':
          return `passionate about ${r.passion.toLowerCase()}`;
      }
    })
    .join('; ');
}

/** The weight of one person for one skill (0 when nothing points at it): the lookup the planner scores with. */
export function preferenceLookup(
  preferences: readonly SkillPreference[],
): (personId: string, skillId: string) => number {
  const map = new Map(preferences.map((p) => [`${p.personId}\u0000${p.skillId}`, p.weight]));
  return (personId, skillId) => map.get(`${personId}\u0000${skillId}`) ?? 0;
}
