/**
 * People set their own passwords. Owners cannot (they would be able to sign in as someone and read
 * their 1:1s); an account whose password someone else chose must change it before anything else.
 */
import type { Actor } from '../../../core/actor';
import { AppError, invalid } from '../../../core/errors';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import * as repo from './repo';

/**
 * A new password ends everything the old one opened: every other session, and every API token (a
 * token made by whoever knew the old password would otherwise keep reading). Answers how many tokens
 * were revoked, so the caller can say so.
 */
export async function changePassword(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<{ revokedTokens: number }> {
  const user = await repo.findUser(deps.db, actor.orgId, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Your account no longer exists');
  if (!(await deps.passwords.verify(user.password_hash, input.currentPassword))) {
    throw invalid('body.currentPassword', 'is not your current password');
  }
  if (input.newPassword === input.currentPassword)
    throw invalid('body.newPassword', 'must differ from the current password');
  const hash = await deps.passwords.hash(input.newPassword);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, actor.userId, hash, false);
    await repo.revokeOtherSessions(trx, actor.userId, sessionId, now);
    return { revokedTokens: await repo.revokeUserTokens(trx, actor.userId, now) };
  });
}
