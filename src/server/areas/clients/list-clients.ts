import type { Actor } from '../../../core/actor';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { presentClient } from './present-client';
import * as repo from './repo';

/** A page of the organization's clients with their project counts, by name. Everyone may read clients. */
export async function listClients(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  const { rows, total } = await repo.listClients(deps.db, actor.orgId, range);
  return { items: rows.map(presentClient), total, limit: range.limit, offset: range.offset };
}
