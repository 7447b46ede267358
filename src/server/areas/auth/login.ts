/**
 * Sign-in by email and password. An email may have accounts in several organizations (emails are
 * unique per organization, so creating an account never tells an owner about another tenant): the
 * password picks the account, and when it opens more than one the caller names the organization.
 */
import { AppError } from '../../../core/errors';
import { limits } from '../../../core/limits';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newSecret, sha256 } from '../../providers/ids';
import { findUsersByEmail, insertSession } from './repo';

export interface LoginResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  orgId: string;
}

// Verifying against a real hash when the email is unknown keeps response times alike.
let dummyHash: Promise<string> | null = null;

export async function login(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords' | 'signInLimiter'>,
  input: { email: string; password: string; ip: string; organizationId?: string | undefined },
): Promise<LoginResult> {
  const attempt = { ip: input.ip, account: input.email };
  const wait = await deps.signInLimiter.waitSeconds(attempt);
  if (wait > 0) {
    throw new AppError('rate_limited', `Too many failed sign-ins; try again in ${wait} seconds`, {
      retryAfterSeconds: wait,
    });
  }
  const candidates = (await findUsersByEmail(deps.db, input.email, limits.accountsPerEmail)).filter(
    (u) => input.organizationId === undefined || u.org_id === input.organizationId,
  );
  if (candidates.length === 0) {
    dummyHash ??= deps.passwords.hash('not-a-real-password');
    await deps.passwords.verify(await dummyHash, input.password);
  }
  const matches = [];
  for (const user of candidates)
    if (await deps.passwords.verify(user.password_hash, input.password)) matches.push(user);
  if (matches.length === 0) {
    await deps.signInLimiter.failed(attempt);
    throw new AppError('unauthenticated', 'Email or password is wrong');
  }
  await deps.signInLimiter.succeeded(attempt);
  if (matches.length > 1) {
    // The password opened each of these accounts, so naming their organizations reveals nothing new.
    throw new AppError('conflict', 'This email signs in to several organizations: choose one', {
      organizations: matches.map((u) => ({ id: u.org_id, name: u.org_name })),
    });
  }
  const user = matches[0]!;
  const now = deps.clock.now();
  const sessionToken = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(now.getTime() + limits.sessionDays * 86_400_000);
  await insertSession(deps.db, {
    id: sha256(sessionToken),
    userId: user.id,
    orgId: user.org_id,
    csrfToken,
    createdAt: isoNow(deps.clock),
    expiresAt: expiresAt.toISOString(),
  });
  return { sessionToken, csrfToken, expiresAt, userId: user.id, orgId: user.org_id };
}
