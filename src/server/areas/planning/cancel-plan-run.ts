import type { Actor } from '../../../core/actor';
import { AppError, notFound } from '../../../core/errors';
import type { PlanRun } from '../../../core/schemas/planning';
import { isoNow } from '../../providers/clock';
import { assertCanSeeRun } from './access';
import { presentRun } from './present-run';
import * as runs from './repo-runs';
import type { PlanningDeps } from './start-plan-run';

/**
 * Stops a run, whichever process holds it: a queued one is cancelled at once and never starts; a
 * running one stops searching at its next progress write (at once when it runs in this process) and
 * keeps the best plan it found so far (status cancelled, still applicable). Poll the run to see it settle.
 */
export async function cancelPlanRun(deps: PlanningDeps, actor: Actor, id: string): Promise<PlanRun> {
  const row = await runs.findRunRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Plan run');
  assertCanSeeRun(actor, row);
  if (row.status !== 'queued' && row.status !== 'running')
    throw new AppError(
      'conflict',
      `This plan run has already finished (${row.status}); there is nothing to cancel`,
    );
  // both are conditional on the state: a run that starts in between is asked to stop instead
  const now = isoNow(deps.clock);
  if (!(await runs.cancelQueuedRun(deps.db, actor.orgId, id, now, 'Cancelled before it started.')))
    await runs.requestCancel(deps.db, actor.orgId, id);
  await deps.queue.cancel(id);
  const fresh = await runs.findRunRow(deps.db, actor.orgId, id);
  return presentRun(deps, actor.orgId, fresh ?? row);
}
