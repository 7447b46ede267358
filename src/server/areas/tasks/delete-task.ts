import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { managerOfProject, mayWriteTask } from './access';
import { deleteTaskRow, findTaskRow } from './repo';

/** Deletes a task with its dependencies (in both directions) and its logged time (FK cascade). */
export async function deleteTask(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  const existing = await findTaskRow(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Task');
  const projectManagerId = await managerOfProject(deps.db, actor.orgId, existing.project_id);
  if (!mayWriteTask(actor, { projectId: existing.project_id, goalId: existing.goal_id }, projectManagerId))
    throw forbidden("Only owners, leaders and the project's manager delete a task");
  if (!(await deleteTaskRow(deps.db, actor.orgId, id))) throw notFound('Task');
}
