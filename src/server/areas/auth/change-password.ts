/**
 * People set their own passwords. Owners cannot (they would be able to sign in as someone and read
 * their 1:1s); an account whose password someone else chose must change it before anything else.
 */
import type { Actor } from '../../../core/actor';
import { AppError, invalid } from '../../../core/errors';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import * as repo from './repo';

export async function changePassword(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUser(deps.db, actor.orgId, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Your account no longer exists');
  if (!(await deps.passwords.verify(user.password_hash, input.currentPassword))) {
    throw invalid('body.currentPassword', 'is not your current password');
  }
  if (input.newPassword === input.currentPassword)
    throw invalid('body.newPassword', 'must differ from the current password');
  await repo.setPassword(deps.db, actor.userId, await deps.passwords.hash(input.newPassword), false);
  // every other session of the account ends: whoever knew the old password is signed out
  await repo.revokeOtherSessions(deps.db, actor.userId, sessionId, isoNow(deps.clock));
}

/**
 * Account recovery from the server's command line (`tandem reset-password`): whoever runs it can read
 * the database anyway. The new password is random and must be changed at the next sign-in.
 */
export async function resetPassword(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  input: { email: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserByEmail(deps.db, input.email);
  if (!user) throw new AppError('not_found', `No account with the email ${input.email}`);
  await repo.setPassword(deps.db, user.id, await deps.passwords.hash(input.newPassword), true);
  await repo.revokeOtherSessions(deps.db, user.id, null, isoNow(deps.clock));
}
