import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { Page } from '../../../core/schemas/common';
import type { Task, taskListQuery } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { presentTaskListRows } from './present-tasks';
import { listTaskRows } from './repo';

export type ListTasksQuery = z.output<typeof taskListQuery>;

/** A page of the organization's tasks, filtered by project, goal, assignee, status or lateness. */
export async function listTasks(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  query: ListTasksQuery,
): Promise<Page<Task>> {
  const { limit, offset, isLate, ...filter } = query;
  const day = today(deps.clock);
  const { rows, total } = await listTaskRows(
    deps.db,
    actor.orgId,
    { ...filter, isLate: isLate === undefined ? undefined : isLate === 'true' },
    day,
    { limit, offset },
  );
  return { items: presentTaskListRows(actor, rows, day), total, limit, offset };
}
