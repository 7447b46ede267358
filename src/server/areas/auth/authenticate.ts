import type { Actor } from '../../../core/actor';
import type { Role } from '../../../core/roles';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { sha256 } from '../../providers/ids';
import { findLiveSession, findLiveToken, touchToken } from './repo';

export type Credential = { kind: 'session'; token: string } | { kind: 'bearer'; token: string };
export interface Authenticated {
  actor: Actor;
  /** The password was set by someone else; only changing it (and signing out) is allowed. */
  mustChangePassword: boolean;
  /** sha-256 id of the session (null for API tokens). */
  sessionId: string | null;
  /** The session's CSRF token; null for API tokens, which are not sent by browsers on their own. */
  csrfToken: string | null;
}

/**
 * How stale a token's `last_used_at` may be: it is written at most once a minute per token, so
 * reads do not each write (a write costs more than the rest of a small read, and on SQLite it waits
 * for every other writer).
 */
export const LAST_USED_PRECISION_MS = 60_000;

export async function authenticate(
  deps: Pick<Deps, 'db' | 'clock'>,
  credential: Credential,
): Promise<Authenticated | null> {
  if (credential.kind === 'bearer') {
    const row = await findLiveToken(deps.db, sha256(credential.token));
    if (!row) return null;
    const now = deps.clock.now();
    if (
      row.last_used_at === null ||
      row.last_used_at < new Date(now.getTime() - LAST_USED_PRECISION_MS).toISOString()
    )
      await touchToken(deps.db, row.id, now.toISOString());
    return {
      actor: { userId: row.userId, orgId: row.orgId, role: row.role as Role, personId: row.personId },
      csrfToken: null,
      mustChangePassword: Number(row.must_change_password) === 1,
      sessionId: null,
    };
  }
  const row = await findLiveSession(deps.db, sha256(credential.token), isoNow(deps.clock));
  if (!row) return null;
  return {
    actor: { userId: row.userId, orgId: row.orgId, role: row.role as Role, personId: row.personId },
    csrfToken: row.csrf_token,
    mustChangePassword: Number(row.must_change_password) === 1,
    sessionId: row.id,
  };
}
