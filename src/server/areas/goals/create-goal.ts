import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid } from '../../../core/errors';
import { hasMetric } from '../../../core/progress';
import { can } from '../../../core/roles';
import { goalDetail, type createGoalBody } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { getGoal } from './get-goal';
import * as repo from './repo';
import { validateGoalLinks } from './validate-goal-links';

export async function createGoal(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: z.infer<typeof createGoalBody>,
) {
  if (!can(actor.role, 'goals.write'))
    throw forbidden('Members cannot create goals; ask a manager or leader');
  if (input.kind === 'key_result' && !input.parentId)
    throw invalid('body.parentId', 'a key result belongs to an objective: give parentId');
  const { parent } = await validateGoalLinks(deps.db, actor.orgId, input, null);
  const now = isoNow(deps.clock);
  const id = newId();
  const metric = {
    metricStart: input.metricStart ?? null,
    metricTarget: input.metricTarget ?? null,
    metricCurrent: input.metricCurrent ?? input.metricStart ?? null,
  };
  // the answer is made before the commit: a goal whose answer cannot be made is not kept either
  return deps.db.transaction().execute(async (trx) => {
    await repo.insertGoal(trx, {
      id,
      org_id: actor.orgId,
      // a goal beneath another lives in its parent's pillar
      pillar_id: parent ? parent.pillar_id : (input.pillarId ?? null),
      parent_id: parent ? parent.id : null,
      kind: input.kind,
      title: input.title,
      description: input.description,
      owner_id: input.ownerId ?? actor.personId,
      horizon: input.horizon,
      is_stretch: input.isStretch ? 1 : 0,
      status: 'active',
      metric_start: metric.metricStart,
      metric_target: metric.metricTarget,
      metric_current: metric.metricCurrent,
      metric_unit: input.metricUnit ?? null,
      // a caller that does not choose gets what the goal can measure: a target given means its metric
      progress_source: input.progressSource ?? (hasMetric(metric) ? 'metric' : 'work'),
      due_date: input.dueDate ?? null,
      created_at: now,
      updated_at: now,
    });
    // checked against the response schema here too: an answer it would refuse (a NaN) rolls back
    return goalDetail.parse(await getGoal({ db: trx }, actor, id));
  });
}
