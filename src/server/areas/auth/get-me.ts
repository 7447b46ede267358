import type { Actor } from '../../../core/actor';
import { AppError } from '../../../core/errors';
import type { Me } from '../../../core/schemas/auth';
import { actions, can, type Role } from '../../../core/roles';
import type { Deps } from '../../deps';
import { getUserProfile } from './repo';

export async function getMe(deps: Pick<Deps, 'db'>, actor: Actor, csrfToken: string | null): Promise<Me> {
  const row = await getUserProfile(deps.db, actor.orgId, actor.userId);
  if (!row) throw new AppError('unauthenticated', 'Your account no longer exists');
  const role = row.role as Role;
  return {
    userId: row.userId,
    email: row.email,
    role,
    personId: row.personId,
    name: row.personName ?? row.email,
    organization: { id: row.orgId, name: row.orgName },
    csrfToken,
    mustChangePassword: Number(row.must_change_password) === 1,
    can: Object.fromEntries(actions.map((action) => [action, can(role, action)])) as Me['can'],
  };
}
