import type { Actor } from '../../../core/actor';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { presentTeam } from './present-team';
import * as repo from './repo';

/** A page of the organization's teams with their member counts, by name. Everyone may read teams. */
export async function listTeams(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  const { rows, total } = await repo.listTeams(deps.db, actor.orgId, range);
  return { items: rows.map(presentTeam), total, limit: range.limit, offset: range.offset };
}
