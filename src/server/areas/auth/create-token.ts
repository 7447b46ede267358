/** Personal API tokens: the secret is shown once; only its sha-256 is stored. */
import type { Actor } from '../../../core/actor';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId, newSecret, sha256 } from '../../providers/ids';
import { presentToken } from './present-token';
import { insertToken } from './repo';

export async function createToken(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { name: string }) {
  const token = `tnd_${newSecret()}`;
  const row = {
    id: newId(),
    name: input.name,
    prefix: token.slice(0, 10),
    created_at: isoNow(deps.clock),
    last_used_at: null,
  };
  await insertToken(deps.db, {
    id: row.id,
    userId: actor.userId,
    orgId: actor.orgId,
    name: row.name,
    prefix: row.prefix,
    tokenHash: sha256(token),
    createdAt: row.created_at,
  });
  return { ...presentToken(row), token };
}
