import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { mayDeleteGoal } from './access';
import * as repo from './repo';

/** Deletes a goal and the goals beneath it; linked projects and tasks stay (they lose the link). */
export async function deleteGoal(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  if (!(await repo.findGoal(deps.db, actor.orgId, id))) throw notFound('Goal');
  if (!mayDeleteGoal(actor)) throw forbidden('Only managers and leaders delete goals');
  await repo.deleteGoal(deps.db, actor.orgId, id);
}
