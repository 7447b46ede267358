import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { explainPreference, preferenceWeights } from '../../../core/preferences';
import type { GrowthPlan } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { findPersonRow } from '../people/repo';
import { growthAccess } from './access';
import { loadPreferenceInputs } from './load-preferences';
import { presentMilestone } from './present';
import * as repo from './repo';

/**
 * A person's growth plan: skills to grow (their growth goals) with the current level and the evidence
 * — done tasks that needed the skill — plus mentor, milestones, and what the planner reads from it.
 */
export async function getGrowthPlan(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  personId: string,
): Promise<GrowthPlan> {
  if (!(await findPersonRow(deps.db, actor.orgId, personId))) throw notFound('Person');
  const plan = await repo.findGrowthPlanRow(deps.db, actor.orgId, personId);
  const access = await growthAccess(deps.db, actor, personId, plan?.mentor_id ?? null);
  if (!access.canRead)
    throw forbidden(
      'A growth plan is for the person, their management chain, their mentor, owners and leaders',
    );
  const [inputs, milestones] = await Promise.all([
    loadPreferenceInputs(deps.db, actor.orgId, [personId]),
    repo.listMilestones(deps.db, actor.orgId, personId),
  ]);
  const person = inputs.people[0]!;
  const skillName = new Map(inputs.skills.map((s) => [s.id, s.name]));
  const level = new Map(person.skills.map((s) => [s.skillId, s.level]));
  const done = await repo.listDoneTasksWithSkills(
    deps.db,
    actor.orgId,
    personId,
    person.growthGoals.map((g) => g.skillId),
  );
  const preferences = preferenceWeights([person], inputs.skills);
  return {
    personId,
    mentorId: plan?.mentor_id ?? null,
    aspiration: plan?.aspiration ?? '',
    skills: person.growthGoals
      .map((g) => {
        const evidence = done.filter((t) => t.skill_id === g.skillId);
        return {
          skillId: g.skillId,
          skillName: skillName.get(g.skillId) ?? '',
          level: level.get(g.skillId) ?? 0,
          targetLevel: g.targetLevel,
          evidence: {
            doneTasks: evidence.length,
            hoursLogged: Math.round(evidence.reduce((sum, t) => sum + Number(t.logged ?? 0), 0) * 10) / 10,
            recent: evidence
              .slice(0, 5)
              .map((t) => ({ id: t.id, title: t.title, doneOn: t.updated_at.slice(0, 10) })),
          },
        };
      })
      .sort((a, b) => a.skillName.localeCompare(b.skillName)),
    milestones: milestones.map(presentMilestone),
    plannerPreferences: preferences.map((p) => ({
      skillId: p.skillId,
      skillName: skillName.get(p.skillId) ?? '',
      weight: p.weight,
      explanation: explainPreference(p, skillName.get(p.skillId) ?? 'this skill'),
    })),
    canEdit: access.canEdit,
    canEditMilestones: access.canEditMilestones,
    updatedAt: plan?.updated_at ?? null,
    version: plan ? Number(plan.version) : 0,
  };
}
