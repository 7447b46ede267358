import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { timeEntry } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { presentTimeEntry } from './present-tasks';
import { findTaskRow, listTimeEntryRows } from './repo';

/** The time logged on a task, oldest first. Everyone in the organization may read it. */
export async function listTimeEntries(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  taskId: string,
): Promise<z.infer<typeof timeEntry>[]> {
  if (!(await findTaskRow(deps.db, actor.orgId, taskId))) throw notFound('Task');
  return (await listTimeEntryRows(deps.db, actor.orgId, taskId)).map(presentTimeEntry);
}
