import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { PlanRun } from '../../../core/schemas/planning';
import type { PageQuery } from '../../../core/schemas/common';
import { can } from '../../../core/roles';
import type { Page } from '../../../core/schemas/common';
import { assertCanPlan, assertCanSeeRun } from './access';
import { presentRun, presentRuns } from './present-run';
import * as runs from './repo-runs';
import type { PlanningDeps } from './start-plan-run';

/** One run with its progress (while it runs) or its figures (when done). */
export async function getPlanRun(deps: PlanningDeps, actor: Actor, id: string): Promise<PlanRun> {
  const row = await runs.findRunRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Plan run');
  assertCanSeeRun(actor, row);
  return presentRun(deps, actor.orgId, row);
}

/** The newest runs first: your own, or everyone's for owners and leaders. */
export async function listPlanRuns(
  deps: PlanningDeps,
  actor: Actor,
  query: PageQuery,
): Promise<Page<PlanRun>> {
  assertCanPlan(actor);
  const { rows, total } = await runs.listRunRows(
    deps.db,
    actor.orgId,
    can(actor.role, 'plans.any') ? null : actor.userId,
    query,
  );
  return { items: await presentRuns(deps, actor.orgId, rows), total, ...query };
}
