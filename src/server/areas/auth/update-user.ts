import type { Actor } from '../../../core/actor';
import { AppError, forbidden, notFound } from '../../../core/errors';
import { can, type Role } from '../../../core/roles';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { presentUser } from './present-user';
import * as repo from './repo';

/** Changes an account's role; a new role signs the account out so no session keeps the old one. */
export async function updateUser(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  id: string,
  input: { role: Role },
) {
  // looked up first: an account of another organization answers 404 to every role, as any foreign id does
  const user = await repo.findUser(deps.db, actor.orgId, id);
  if (!user) throw notFound('User');
  if (!can(actor.role, 'users.manage')) throw forbidden('Only owners manage sign-in accounts');
  if (
    input.role !== 'owner' &&
    user.role === 'owner' &&
    (await repo.countOwners(deps.db, actor.orgId)) <= 1
  ) {
    throw new AppError('conflict', 'The organization needs at least one owner');
  }
  await repo.updateUser(deps.db, actor.orgId, id, { role: input.role });
  if (input.role !== user.role) await repo.revokeUserSessions(deps.db, actor.orgId, id, isoNow(deps.clock));
  const updated = await repo.findUserListing(deps.db, actor.orgId, id);
  if (!updated) throw notFound('User');
  return presentUser(updated);
}
