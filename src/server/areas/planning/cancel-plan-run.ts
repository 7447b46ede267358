import type { Actor } from '../../../core/actor';
import { AppError, notFound } from '../../../core/errors';
import type { PlanRun } from '../../../core/schemas/planning';
import { assertCanSeeRun } from './access';
import { presentRun } from './present-run';
import * as repo from './repo';
import type { PlanningDeps } from './start-plan-run';

/**
 * Stops a run: a queued one never starts; a running one stops searching and keeps the best plan it
 * found so far (status cancelled, still applicable). Poll the run to see it settle.
 */
export async function cancelPlanRun(deps: PlanningDeps, actor: Actor, id: string): Promise<PlanRun> {
  const row = await repo.findRunRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Plan run');
  assertCanSeeRun(actor, row);
  if (row.status !== 'queued' && row.status !== 'running')
    throw new AppError(
      'conflict',
      `This plan run has already finished (${row.status}); there is nothing to cancel`,
    );
  // the flag reaches a run of another server process at its next progress report
  await repo.updateRunRow(deps.db, actor.orgId, id, { cancel_requested: 1 });
  deps.jobs.cancel(id);
  const fresh = await repo.findRunRow(deps.db, actor.orgId, id);
  return presentRun(deps, deps.jobs, actor.orgId, fresh ?? row);
}
