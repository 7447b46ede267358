import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, forbidden, invalid } from '../../../core/errors';
import { cadenceDays } from '../../../core/people-side';
import type { createOneOnOneBody, OneOnOneDetail } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { findGrowthPlanRow } from '../growth/repo';
import { findPersonRow } from '../people/repo';
import { getOneOnOne } from './get-one-on-one';
import { openMeeting } from './open-meeting';
import * as repo from './repo';

/**
 * A manager sets up recurring 1:1s with a direct report; a mentor (named in someone's growth plan) with
 * their mentee. The caller always holds the 1:1; the first meeting is set up at once, its agenda
 * pre-filled.
 */
export async function createOneOnOne(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: z.output<typeof createOneOnOneBody>,
): Promise<OneOnOneDetail> {
  if (actor.personId === null) throw forbidden('Link your account to a profile to hold 1:1s');
  const me = actor.personId;
  const report = await findPersonRow(deps.db, actor.orgId, input.reportId);
  if (!report) throw invalid('body.reportId', 'no such person in this organization');
  if (report.id === me) throw invalid('body.reportId', 'a 1:1 needs two people');
  if (input.kind === 'manager' && report.manager_id !== me)
    throw forbidden('You hold manager 1:1s with your direct reports');
  if (input.kind === 'mentor') {
    const plan = await findGrowthPlanRow(deps.db, actor.orgId, report.id);
    if (plan?.mentor_id !== me)
      throw forbidden('You hold mentoring 1:1s with the people whose growth plan names you');
  }
  const existing = await repo.findPairBetween(deps.db, actor.orgId, me, report.id);
  if (existing)
    throw new AppError('conflict', 'You already have a 1:1 with this person', { oneOnOneId: existing.id });
  const id = newId();
  const now = isoNow(deps.clock);
  const day = today(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertPair(trx, {
      id,
      org_id: actor.orgId,
      kind: input.kind,
      manager_id: me,
      report_id: report.id,
      cadence_days: cadenceDays[input.cadence],
      is_active: 1,
      created_at: now,
      updated_at: now,
    });
    await openMeeting(
      trx,
      { id, org_id: actor.orgId, report_id: report.id },
      input.firstDate ?? day,
      day,
      now,
    );
  });
  return getOneOnOne(deps, actor, id);
}
