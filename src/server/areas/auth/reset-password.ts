/**
 * Account recovery from the server's command line (`tandem reset-password`): whoever runs it can read
 * the database anyway. The new password is random and must be changed at the next sign-in; every
 * session and API token of the account ends, as with a change in the app.
 */
import { AppError } from '../../../core/errors';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import * as repo from './repo';

export async function resetPassword(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  input: { email: string; newPassword: string; organizationId?: string | undefined },
): Promise<{ organizationName: string; revokedTokens: number }> {
  const accounts = (await repo.findUsersByEmail(deps.db, input.email, 100)).filter(
    (u) => input.organizationId === undefined || u.org_id === input.organizationId,
  );
  if (accounts.length === 0) throw new AppError('not_found', `No account with the email ${input.email}`);
  if (accounts.length > 1) {
    const list = accounts.map((u) => `${u.org_id} (${u.org_name})`).join(', ');
    throw new AppError(
      'bad_request',
      `${input.email} has accounts in several organizations; name one with --org: ${list}`,
    );
  }
  const user = accounts[0]!;
  const hash = await deps.passwords.hash(input.newPassword);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, user.id, hash, true);
    await repo.revokeOtherSessions(trx, user.id, null, now);
    const revokedTokens = await repo.revokeUserTokens(trx, user.id, now);
    return { organizationName: user.org_name, revokedTokens };
  });
}
