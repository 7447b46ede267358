import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { PageQuery } from '../../../core/schemas/common';
import type { createCheckInBody } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { mayCheckInGoal } from './access';
import { presentCheckIn } from './present';
import * as repo from './repo';

/** A page of the goal's check-ins, newest first. Everyone in the organization may read them. */
export async function listCheckIns(deps: Pick<Deps, 'db'>, actor: Actor, goalId: string, range: PageQuery) {
  if (!(await repo.findGoal(deps.db, actor.orgId, goalId))) throw notFound('Goal');
  const { rows, total } = await repo.listCheckInPage(deps.db, actor.orgId, goalId, range);
  return { items: rows.map(presentCheckIn), total, limit: range.limit, offset: range.offset };
}

/** A check-in records confidence and, when given, the metric's new current value. */
export async function createCheckIn(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  goalId: string,
  input: z.infer<typeof createCheckInBody>,
) {
  const goal = await repo.findGoal(deps.db, actor.orgId, goalId);
  if (!goal) throw notFound('Goal');
  if (!mayCheckInGoal(actor, goal))
    throw forbidden('Only the goal owner, managers and leaders check in on a goal');
  const now = isoNow(deps.clock);
  const row = {
    id: newId(),
    org_id: actor.orgId,
    goal_id: goalId,
    value: input.value ?? null,
    confidence: input.confidence,
    comment: input.comment,
    date: input.date ?? today(deps.clock),
    author_id: actor.personId,
    created_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertCheckIn(trx, row);
    if (row.value !== null)
      await repo.updateGoal(trx, actor.orgId, goalId, { metric_current: row.value, updated_at: now });
  });
  return presentCheckIn(row);
}
