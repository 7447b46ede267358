/** One person's talent review: the history of placements, and a new placement. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { createTalentReviewBody, TalentReview } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { findPersonRow } from '../people/repo';
import { canReview } from './access';
import { presentReview } from './present';
import * as repo from './repo';

const refused = () =>
  forbidden(
    "Talent reviews are for owners, leaders and the person's management chain — not the person, their peers or reports",
  );

async function authorize(deps: Pick<Deps, 'db'>, actor: Actor, personId: string) {
  if (!(await findPersonRow(deps.db, actor.orgId, personId))) throw notFound('Person');
  if (!(await canReview(deps.db, actor, personId))) throw refused();
}

export async function getPersonTalent(deps: Pick<Deps, 'db'>, actor: Actor, personId: string) {
  await authorize(deps, actor, personId);
  const rows = await repo.listReviewsOf(deps.db, actor.orgId, [personId]);
  return { personId, history: rows.map(presentReview) };
}

/** A placement is never overwritten: each one is added to the history. */
export async function placeInNineBox(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  personId: string,
  input: z.output<typeof createTalentReviewBody>,
): Promise<TalentReview> {
  await authorize(deps, actor, personId);
  const row = {
    id: newId(),
    org_id: actor.orgId,
    person_id: personId,
    reviewer_id: actor.personId,
    performance: input.performance,
    potential: input.potential,
    note: input.note,
    created_at: isoNow(deps.clock),
  };
  await repo.insertReview(deps.db, row);
  return presentReview(row);
}
