import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Task } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { presentTask } from './present-tasks';
import { findTaskRow } from './repo';

export async function getTask(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<Task> {
  const row = await findTaskRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Task');
  return presentTask(deps.db, actor, row, today(deps.clock));
}
