/**
 * The planner's door to growth preferences: one call per planning run, for the whole organization.
 * It reads growth goals (the skills of growth plans), passions and whether a plan exists, and hands
 * them to the pure rule in src/core/preferences.ts.
 */
import { preferenceWeights, type PreferencePerson, type SkillPreference } from '../../../core/preferences';
import type { DB } from '../../deps';
import { listGrowthGoalsOf, listSkillsOf } from '../people/repo';
import { listPlanPeople } from './repo';

export async function loadPreferenceInputs(db: DB, orgId: string, personIds?: readonly string[]) {
  let peopleQuery = db.selectFrom('people').select(['id', 'passions']).where('org_id', '=', orgId);
  if (personIds)
    peopleQuery =
      personIds.length === 0
        ? peopleQuery.where('id', 'in', [''])
        : peopleQuery.where('id', 'in', [...personIds]);
  const [people, skills] = await Promise.all([
    peopleQuery.execute(),
    db.selectFrom('skills').select(['id', 'name']).where('org_id', '=', orgId).execute(),
  ]);
  const ids = people.map((p) => p.id);
  const [levels, goals, plans] = await Promise.all([
    listSkillsOf(db, orgId, ids),
    listGrowthGoalsOf(db, orgId, ids),
    listPlanPeople(db, orgId),
  ]);
  const withPlan = new Set(plans.map((p) => p.person_id));
  const parse = (json: string): string[] => {
    try {
      const value: unknown = JSON.parse(json);
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  };
  const inputs: PreferencePerson[] = people.map((p) => ({
    id: p.id,
    passions: parse(p.passions),
    skills: levels
      .filter((l) => l.person_id === p.id)
      .map((l) => ({ skillId: l.skill_id, level: Number(l.level) })),
    growthGoals: goals
      .filter((g) => g.person_id === p.id)
      .map((g) => ({ skillId: g.skill_id, targetLevel: Number(g.target_level) })),
    hasGrowthPlan: withPlan.has(p.id),
  }));
  return { people: inputs, skills };
}

/** Per person and skill: how much they would like work needing that skill (0–1), with reasons. */
export async function loadPlannerPreferences(
  db: DB,
  orgId: string,
  personIds?: readonly string[],
): Promise<SkillPreference[]> {
  const { people, skills } = await loadPreferenceInputs(db, orgId, personIds);
  return preferenceWeights(people, skills);
}
