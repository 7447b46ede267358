/** Sign-in accounts and their roles (owners only). */
import type { Actor } from '../../../core/actor';
import { AppError, forbidden, notFound } from '../../../core/errors';
import { can, type Role } from '../../../core/roles';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { findPersonRow } from '../people/repo';
import * as repo from './repo';

const present = (row: {
  id: string;
  email: string;
  role: string;
  person_id: string | null;
  created_at: string;
  name: string | null;
}) => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  personId: row.person_id,
  name: row.name ?? row.email,
  createdAt: row.created_at,
});

/** A page of the organization's sign-in accounts, by email. */
export async function listUsers(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  if (!can(actor.role, 'users.manage')) throw forbidden('Only owners manage sign-in accounts');
  const { rows, total } = await repo.listUsers(deps.db, actor.orgId, range);
  return { items: rows.map(present), total, limit: range.limit, offset: range.offset };
}

export async function createUser(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  input: { email: string; password: string; role: Role; personId: string },
) {
  if (!can(actor.role, 'users.manage')) throw forbidden('Only owners manage sign-in accounts');
  const person = await findPersonRow(deps.db, actor.orgId, input.personId);
  if (!person) throw notFound('Person');
  // One account per person: a second account on someone's profile would read their 1:1s and personal
  // notes (the leader's side authorizes by person), so it is refused.
  if (await repo.findUserByPerson(deps.db, actor.orgId, input.personId))
    throw new AppError('conflict', 'This person already has a sign-in account', {
      issues: [{ field: 'body.personId', reason: 'already has a sign-in account' }],
    });
  if (await repo.findUserByEmail(deps.db, input.email))
    throw new AppError('conflict', 'An account with this email already exists');
  const id = newId();
  const createdAt = isoNow(deps.clock);
  await repo.insertUser(deps.db, {
    id,
    orgId: actor.orgId,
    personId: input.personId,
    email: input.email,
    passwordHash: await deps.passwords.hash(input.password),
    role: input.role,
    createdAt,
    mustChangePassword: true,
  });
  return present({
    id,
    email: input.email,
    role: input.role,
    person_id: input.personId,
    created_at: createdAt,
    name: person.name,
  });
}

export async function updateUser(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  id: string,
  input: { role: Role },
) {
  if (!can(actor.role, 'users.manage')) throw forbidden('Only owners manage sign-in accounts');
  const user = await repo.findUser(deps.db, actor.orgId, id);
  if (!user) throw notFound('User');
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
  return present(updated);
}
