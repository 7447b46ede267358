import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { Page } from '../../../core/schemas/common';
import type { mentee } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { listGrowthGoalsOf } from '../people/repo';
import * as repo from './repo';

type Mentee = z.infer<typeof mentee>;

/** A page of the people whose growth plan names the caller as mentor, with the skills they are growing. */
export async function listMentees(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  range: { limit: number; offset: number },
): Promise<Page<Mentee>> {
  const { limit, offset } = range;
  if (actor.personId === null) return { items: [], total: 0, limit, offset };
  const { rows, total } = await repo.listMenteesOf(deps.db, actor.orgId, actor.personId, range);
  const goals = await listGrowthGoalsOf(
    deps.db,
    actor.orgId,
    rows.map((r) => r.person_id),
  );
  return {
    items: rows.map((r) => ({
      personId: r.person_id,
      skills: goals
        .filter((g) => g.person_id === r.person_id)
        .map((g) => ({ skillId: g.skill_id, targetLevel: Number(g.target_level) })),
    })),
    total,
    limit,
    offset,
  };
}
