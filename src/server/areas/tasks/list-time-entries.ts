import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Page, PageQuery } from '../../../core/schemas/common';
import type { timeEntry } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { presentTimeEntry } from './present-tasks';
import { findTaskRow, listTimeEntryRows } from './repo';

/** A page of the time logged on a task, oldest first. Everyone in the organization may read it. */
export async function listTimeEntries(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  taskId: string,
  range: PageQuery,
): Promise<Page<z.infer<typeof timeEntry>>> {
  if (!(await findTaskRow(deps.db, actor.orgId, taskId))) throw notFound('Task');
  const { rows, total } = await listTimeEntryRows(deps.db, actor.orgId, taskId, range);
  return { items: rows.map(presentTimeEntry), total, limit: range.limit, offset: range.offset };
}
