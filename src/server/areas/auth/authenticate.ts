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

export async function authenticate(
  deps: Pick<Deps, 'db' | 'clock'>,
  credential: Credential,
): Promise<Authenticated | null> {
  if (credential.kind === 'bearer') {
    const row = await findLiveToken(deps.db, sha256(credential.token));
    if (!row) return null;
    await touchToken(deps.db, row.id, isoNow(deps.clock));
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
