import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { goalListQuery } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { loadOrgProgress } from '../strategy/load-progress';
import { presentGoal } from './present';
import * as repo from './repo';

export async function listGoals(deps: Pick<Deps, 'db'>, actor: Actor, query: z.infer<typeof goalListQuery>) {
  const [{ rows, total }, progress] = await Promise.all([
    repo.listGoals(deps.db, actor.orgId, query, query),
    loadOrgProgress(deps.db, actor.orgId),
  ]);
  return {
    items: rows.map((row) => presentGoal(actor, row, progress)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
