/** Personal API tokens: created (shown once), listed, revoked by their owner. */
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId, newSecret, sha256 } from '../../providers/ids';
import { insertToken, listTokens as listTokenRows, revokeToken as revokeTokenRow } from './repo';

const present = (row: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

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
  return { ...present(row), token };
}

/** A page of the caller's own live tokens, newest first. */
export async function listTokens(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  const { rows, total } = await listTokenRows(deps.db, actor.orgId, actor.userId, range);
  return { items: rows.map(present), total, limit: range.limit, offset: range.offset };
}

export async function revokeToken(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<void> {
  if (!(await revokeTokenRow(deps.db, actor.orgId, actor.userId, id, isoNow(deps.clock))))
    throw notFound('Token');
}
