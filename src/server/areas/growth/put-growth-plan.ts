import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import type { GrowthPlan, putGrowthPlanBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { checkProfileReferences } from '../people/check-references';
import { findPersonRow, replaceGrowthGoals, touchPersonRow } from '../people/repo';
import { checkWritten } from '../versions';
import { growthAccess } from './access';
import { getGrowthPlan } from './get-growth-plan';
import * as repo from './repo';

/**
 * Creates or edits a growth plan. Its skills are written as the person's growth goals, so the profile,
 * the 1:1 context and the planner all read the same list.
 */
export async function putGrowthPlan(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  personId: string,
  input: z.output<typeof putGrowthPlanBody>,
): Promise<GrowthPlan> {
  if (!(await findPersonRow(deps.db, actor.orgId, personId))) throw notFound('Person');
  const plan = await repo.findGrowthPlanRow(deps.db, actor.orgId, personId);
  const access = await growthAccess(deps.db, actor, personId, plan?.mentor_id ?? null);
  if (!access.canEdit)
    throw forbidden('The person, their management chain, owners and leaders edit a growth plan');
  const mentorId = input.mentorId === undefined ? (plan?.mentor_id ?? null) : input.mentorId;
  if (mentorId === personId) throw invalid('body.mentorId', 'a mentor is someone else');
  if (input.mentorId && !(await findPersonRow(deps.db, actor.orgId, input.mentorId)))
    throw invalid('body.mentorId', 'no such person in this organization');
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const isWritten = await repo.upsertGrowthPlan(
      trx,
      { orgId: actor.orgId, personId, mentorId: input.mentorId, aspiration: input.aspiration, now },
      input.version,
    );
    await checkWritten(
      isWritten,
      'growth plan',
      async () => (await repo.findGrowthPlanRow(trx, actor.orgId, personId))?.version,
    );
    if (input.skills !== undefined) {
      // the same checks as a profile's lists (each skill once, all in this organization), on `body.skills`
      await checkProfileReferences(trx, actor.orgId, { personId, skills: input.skills });
      await replaceGrowthGoals(trx, actor.orgId, personId, input.skills);
      // the profile shows the same list as its growth goals: an open profile editor must see it moved on
      await touchPersonRow(trx, actor.orgId, personId, now);
    }
  });
  return getGrowthPlan(deps, actor, personId);
}
