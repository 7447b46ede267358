/** Owners open sign-in accounts for people of their organization. */
import type { Actor } from '../../../core/actor';
import { AppError, forbidden, notFound } from '../../../core/errors';
import { can, type Role } from '../../../core/roles';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { findPersonRow } from '../people/repo';
import { presentUser } from './present-user';
import * as repo from './repo';

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
  // Only this organization's accounts are looked at: whether the email exists elsewhere is not the
  // owner's to learn (emails are unique per organization).
  if (await repo.findUserByEmailInOrg(deps.db, actor.orgId, input.email))
    throw new AppError('conflict', 'An account of this organization already has this email', {
      issues: [{ field: 'body.email', reason: 'is already used by an account of this organization' }],
    });
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
  return presentUser({
    id,
    email: input.email,
    role: input.role,
    person_id: input.personId,
    created_at: createdAt,
    name: person.name,
  });
}
