/**
 * `tandem reset-password EMAIL`: account recovery for whoever runs the server (and can read its
 * database anyway). Owners cannot set other people's passwords in the app; this prints a random one
 * that the person must replace at their next sign-in.
 */
import { randomBytes } from 'node:crypto';
import { connect } from '../db/connect';
import { resetPassword } from '../server/areas/auth/reset-password';
import { systemClock } from '../server/providers/clock';
import { argon2Hasher } from '../server/providers/passwords';
import type { Output } from './output';
import { UsageError } from './usage-error';

export async function runResetPassword(
  options: {
    email: string;
    organizationId?: string | undefined;
    dataDir: string | undefined;
    databaseUrl: string | undefined;
  },
  out: Output,
): Promise<void> {
  const email = options.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError(`"${options.email}" is not an email address`);
  const db = await connect({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    const password = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
    const reset = await resetPassword(
      { db: db.db, clock: systemClock, passwords: argon2Hasher },
      { email, newPassword: password, organizationId: options.organizationId },
    );
    out.line(`New password for ${email} (${reset.organizationName}): ${password}`);
    out.line(
      `Every session of this account was signed out and its API tokens revoked (${reset.revokedTokens}); ` +
        'the new password must be changed at the next sign-in.',
    );
  } finally {
    await db.close();
  }
}
