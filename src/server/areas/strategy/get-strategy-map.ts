/** The strategy map: vision → pillars → objectives → key results → projects, with progress everywhere. */
import type { Actor } from '../../../core/actor';
import type { StrategyNode } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { notFound } from '../../../core/errors';
import { today } from '../../providers/clock';
import { presentOrganization } from './get-organization';
import { progressFromRows } from './load-progress';
import * as repo from './repo';

export async function getStrategyMap(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor) {
  const [org, pillars, rows, inputs] = await Promise.all([
    repo.findOrganization(deps.db, actor.orgId),
    repo.listPillars(deps.db, actor.orgId),
    repo.loadStrategyRows(deps.db, actor.orgId),
    repo.loadProgressInputs(deps.db, actor.orgId),
  ]);
  if (!org) throw notFound('Organization');
  const progress = progressFromRows(inputs);
  const links = inputs.projectGoals;
  const projectsById = new Map(rows.projects.map((p) => [p.id, p]));
  const projectsByGoal = new Map<string, string[]>();
  for (const link of links)
    projectsByGoal.set(link.goal_id, [...(projectsByGoal.get(link.goal_id) ?? []), link.project_id]);
  const childrenOf = new Map<string | null, typeof rows.goals>();
  for (const goal of rows.goals)
    childrenOf.set(goal.parent_id, [...(childrenOf.get(goal.parent_id) ?? []), goal]);

  const goalNode = (goal: (typeof rows.goals)[number], seen: Set<string>): StrategyNode => {
    const nextSeen = new Set(seen).add(goal.id);
    const children: StrategyNode[] = (childrenOf.get(goal.id) ?? [])
      .filter((c) => !nextSeen.has(c.id))
      .map((c) => goalNode(c, nextSeen));
    for (const projectId of projectsByGoal.get(goal.id) ?? []) {
      const project = projectsById.get(projectId);
      if (!project) continue;
      children.push({
        id: project.id,
        kind: 'project',
        title: project.name,
        progress: progress.projects.get(project.id) ?? null,
        ownerId: project.manager_id,
        isStretch: false,
        horizon: null,
        status: project.status,
        children: [],
      });
    }
    return {
      id: goal.id,
      kind: goal.kind === 'key_result' ? 'key_result' : 'objective',
      title: goal.title,
      progress: progress.goals.get(goal.id) ?? null,
      ownerId: goal.owner_id,
      isStretch: Number(goal.is_stretch) === 1,
      horizon: goal.horizon,
      status: goal.status,
      children,
    };
  };
  const roots = childrenOf.get(null) ?? [];
  return {
    organization: presentOrganization(org, progress.vision, today(deps.clock)),
    pillars: pillars.map((pillar): StrategyNode => ({
      id: pillar.id,
      kind: 'pillar',
      title: pillar.name,
      progress: progress.pillars.get(pillar.id) ?? null,
      ownerId: null,
      isStretch: false,
      horizon: null,
      status: 'active',
      children: roots.filter((g) => g.pillar_id === pillar.id).map((g) => goalNode(g, new Set())),
    })),
    unaligned: roots.filter((g) => g.pillar_id === null).map((g) => goalNode(g, new Set())),
  };
}
