import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { managerOfProject, mayDeleteTimeEntry } from './access';
import { deleteTimeEntryRow, findTaskRow, findTimeEntryRow } from './repo';

/** Removes a time entry: its person, the manager of the task's project, owners and leaders may. */
export async function deleteTimeEntry(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  const entry = await findTimeEntryRow(deps.db, actor.orgId, id);
  if (!entry) throw notFound('Time entry');
  const task = await findTaskRow(deps.db, actor.orgId, entry.task_id);
  const projectManagerId = await managerOfProject(deps.db, actor.orgId, task?.project_id ?? null);
  if (!mayDeleteTimeEntry(actor, entry, projectManagerId))
    throw forbidden("Only the entry's person, the project's manager, owners and leaders remove logged time");
  if (!(await deleteTimeEntryRow(deps.db, actor.orgId, id))) throw notFound('Time entry');
}
