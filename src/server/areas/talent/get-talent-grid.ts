import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { talentGrid } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { talentScope } from './access';
import { presentReview } from './present';
import * as repo from './repo';

/** The 9-box of everyone the caller reviews: the latest placement of each, and the one before (to show moves). */
export async function getTalentGrid(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<z.infer<typeof talentGrid>> {
  const scope = await talentScope(deps.db, actor);
  const { people } = await repo.listPeopleForTalent(deps.db, actor.orgId);
  const inScope = people.filter((p) => scope.includes(p.id)).sort((a, b) => a.name.localeCompare(b.name));
  const reviews = await repo.listReviewsOf(
    deps.db,
    actor.orgId,
    inScope.map((p) => p.id),
  );
  return {
    scope: scope.kind,
    people: inScope.map((p) => {
      const own = reviews.filter((r) => r.person_id === p.id);
      return {
        personId: p.id,
        current: own[0] ? presentReview(own[0]) : null,
        previous: own[1] ? presentReview(own[1]) : null,
      };
    }),
  };
}
