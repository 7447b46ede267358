import type { Actor } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { presentUser } from './present-user';
import * as repo from './repo';

/** A page of the organization's sign-in accounts, by email (owners only). */
export async function listUsers(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  if (!can(actor.role, 'users.manage')) throw forbidden('Only owners manage sign-in accounts');
  const { rows, total } = await repo.listUsers(deps.db, actor.orgId, range);
  return { items: rows.map(presentUser), total, limit: range.limit, offset: range.offset };
}
