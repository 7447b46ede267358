import type { Actor } from '../../../core/actor';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import * as repo from './repo';

/** A page of the organization's skill catalogue, by name. Everyone may read it. */
export async function listSkills(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  const { rows, total } = await repo.listSkills(deps.db, actor.orgId, range);
  return { items: rows, total, limit: range.limit, offset: range.offset };
}
