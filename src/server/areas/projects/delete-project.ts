import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { mayWriteProject } from './access';
import { deleteProjectRow, findProjectRow } from './repo';

/** Deletes a project with its tasks, their dependencies and logged time (FK cascade). */
export async function deleteProject(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  const existing = await findProjectRow(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Project');
  if (!mayWriteProject(actor, existing))
    throw forbidden("Only owners, leaders and the project's manager delete a project");
  if (!(await deleteProjectRow(deps.db, actor.orgId, id))) throw notFound('Project');
}
