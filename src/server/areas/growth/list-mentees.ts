import type { Actor } from '../../../core/actor';
import type { Deps } from '../../deps';
import { listGrowthGoalsOf } from '../people/repo';
import * as repo from './repo';

/** The people whose growth plan names the caller as mentor, with the skills they are growing. */
export async function listMentees(deps: Pick<Deps, 'db'>, actor: Actor) {
  if (actor.personId === null) return { items: [] };
  const rows = await repo.listMenteesOf(deps.db, actor.orgId, actor.personId);
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
  };
}
