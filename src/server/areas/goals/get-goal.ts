import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { GoalDetail } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { loadOrgProgress } from '../strategy/load-progress';
import { presentCheckIn, presentGoal } from './present';
import * as repo from './repo';

export async function getGoal(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<GoalDetail> {
  const row = await repo.findGoal(deps.db, actor.orgId, id);
  if (!row) throw notFound('Goal');
  const [progress, children, links, projects, tasks, checkIns, pillar] = await Promise.all([
    loadOrgProgress(deps.db, actor.orgId),
    repo.listChildren(deps.db, actor.orgId, id),
    repo.listParentLinks(deps.db, actor.orgId),
    repo.listProjectsOfGoal(deps.db, actor.orgId, id),
    repo.listDirectTasksOfGoal(deps.db, actor.orgId, id),
    repo.listCheckIns(deps.db, actor.orgId, id),
    row.pillar_id ? repo.findPillarName(deps.db, actor.orgId, row.pillar_id) : Promise.resolve(undefined),
  ]);
  const byId = new Map(links.map((l) => [l.id, l]));
  const ancestors: GoalDetail['ancestors'] = [];
  const seen = new Set([id]);
  for (
    let parent = row.parent_id ? byId.get(row.parent_id) : undefined;
    parent && !seen.has(parent.id);
    parent = parent.parent_id ? byId.get(parent.parent_id) : undefined
  ) {
    seen.add(parent.id);
    ancestors.unshift({
      id: parent.id,
      title: parent.title,
      kind: parent.kind as 'objective' | 'key_result',
    });
  }
  return {
    ...presentGoal(actor, row, progress),
    pillar: pillar ? { id: pillar.id, name: pillar.name } : null,
    ancestors,
    children: children.map((c) => presentGoal(actor, c, progress)),
    projects: projects.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      deadline: p.deadline,
      progress: progress.projects.get(p.id) ?? null,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      assigneeId: t.assignee_id,
      deadline: t.deadline,
      estimateHours: t.estimate_hours,
    })),
    checkIns: checkIns.map(presentCheckIn),
  };
}
