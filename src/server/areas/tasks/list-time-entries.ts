import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Page, PageQuery } from '../../../core/schemas/common';
import type { timeEntry } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { managerOfProject } from './access';
import { presentTimeEntry } from './present-tasks';
import { findTaskRow, listTimeEntryRows } from './repo';

/** A page of the time logged on a task, oldest first. Everyone in the organization may read it. */
export async function listTimeEntries(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  taskId: string,
  range: PageQuery,
): Promise<Page<z.infer<typeof timeEntry>>> {
  const task = await findTaskRow(deps.db, actor.orgId, taskId);
  if (!task) throw notFound('Task');
  const [{ rows, total }, projectManagerId] = await Promise.all([
    listTimeEntryRows(deps.db, actor.orgId, taskId, range),
    managerOfProject(deps.db, actor.orgId, task.project_id),
  ]);
  const items = rows.map((row) => presentTimeEntry(actor, row, projectManagerId));
  return { items, total, limit: range.limit, offset: range.offset };
}
