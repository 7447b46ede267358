import type { Actor } from '../../../core/actor';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { presentToken } from './present-token';
import { listTokens as listTokenRows } from './repo';

/** A page of the caller's own live tokens, newest first. */
export async function listTokens(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  const { rows, total } = await listTokenRows(deps.db, actor.orgId, actor.userId, range);
  return { items: rows.map(presentToken), total, limit: range.limit, offset: range.offset };
}
