import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { profileAccess } from './access';
import * as repo from './repo';

export async function deleteTimeOff(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  personId: string,
  timeOffId: string,
): Promise<void> {
  const person = await repo.findPersonRow(deps.db, actor.orgId, personId);
  if (!person) throw notFound('Person');
  if (profileAccess(actor, person) === 'none')
    throw forbidden("Only owners, leaders, the person's manager or the person remove time off");
  if (!(await repo.deleteTimeOffRow(deps.db, actor.orgId, personId, timeOffId))) throw notFound('Time off');
}
