import { AppError } from '../../../core/errors';
import { limits } from '../../../core/limits';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newSecret, sha256 } from '../../providers/ids';
import { findUserByEmail, insertSession } from './repo';

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
  deps: Pick<Deps, 'db' | 'clock' | 'passwords' | 'loginLimiter'>,
  input: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const wait = deps.loginLimiter.hit([`ip:${input.ip}`, `email:${input.email}`], now.getTime());
  if (wait > 0) {
    throw new AppError('rate_limited', `Too many sign-in attempts; try again in ${wait} seconds`, {
      retryAfterSeconds: wait,
    });
  }
  const user = await findUserByEmail(deps.db, input.email);
  if (!user) {
    dummyHash ??= deps.passwords.hash('not-a-real-password');
    await deps.passwords.verify(await dummyHash, input.password);
    throw new AppError('unauthenticated', 'Email or password is wrong');
  }
  if (!(await deps.passwords.verify(user.password_hash, input.password))) {
    throw new AppError('unauthenticated', 'Email or password is wrong');
  }
  deps.loginLimiter.reset(`email:${input.email}`);
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
