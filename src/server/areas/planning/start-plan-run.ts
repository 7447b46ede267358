import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, forbidden } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { createPlanRunBody, PlanRun } from '../../../core/schemas/planning';
import type { Deps } from '../../deps';
import { isoNow, today as todayOf } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { mayPlanProject } from '../projects/access';
import { checkReferences } from '../references/check-references';
import { assertCanPlan, assertCanPlanOrganization } from './access';
import { loadSnapshot } from './load-snapshot';
import { defaultTimeLimitMs } from './pipeline';
import type { PlanQueue } from './plan-queue';
import { presentRun } from './present-run';
import * as repo from './repo';
import * as runs from './repo-runs';
import { fingerprintOf } from './snapshot';

export type StartPlanRunInput = z.output<typeof createPlanRunBody>;
export type PlanningDeps = Pick<Deps, 'db' | 'clock' | 'dialect'> & { queue: PlanQueue };

/** Plan runs kept per organization (older ones and their proposals are removed). */
const KEEP_RUNS = 30;

/**
 * Starts planning a scope (projects, or the whole organization): reads the data, records the run with
 * the fingerprint of what it was made from, and queues the search. Answers at once; poll the run, or
 * `deps.queue.wait` for it (the command line).
 */
export async function startPlanRun(
  deps: PlanningDeps,
  actor: Actor,
  input: StartPlanRunInput,
): Promise<PlanRun> {
  const projectIds = input.projectIds ? [...new Set(input.projectIds)] : null;
  if (projectIds === null) assertCanPlanOrganization(actor);
  else {
    assertCanPlan(actor);
    await checkReferences(deps.db, actor.orgId, [
      { field: 'projectIds', table: 'projects', value: projectIds },
    ]);
    if (!can(actor.role, 'plans.any')) {
      const projects = await repo.listProjectRows(deps.db, actor.orgId);
      const others = projects.filter((p) => projectIds.includes(p.id) && !mayPlanProject(actor, p));
      if (others.length > 0)
        throw forbidden(
          `You plan only the projects you manage: “${others[0]!.name}” is managed by someone else`,
        );
    }
  }
  if (await deps.queue.isFull())
    throw new AppError('conflict', 'The planner is busy with other plans right now; try again in a minute');

  const today = todayOf(deps.clock);
  const snapshot = await loadSnapshot(deps.db, actor.orgId, projectIds, today);
  const timeLimitMs = input.timeLimitMs ?? defaultTimeLimitMs(snapshot.tasks.length);
  const now = isoNow(deps.clock);
  const id = newId();
  await runs.pruneRuns(deps.db, actor.orgId, KEEP_RUNS - 1);
  await runs.insertRun(deps.db, {
    id,
    org_id: actor.orgId,
    created_by: actor.userId,
    created_by_name: (await repo.personName(deps.db, actor.orgId, actor.personId)) ?? 'the command line',
    scope_project_ids: projectIds === null ? null : JSON.stringify(projectIds),
    keep_assignees: input.keepAssignees ? 1 : 0,
    time_limit_ms: timeLimitMs,
    seed: input.seed,
    status: 'queued',
    today,
    start_date: snapshot.startDate,
    fingerprint: fingerprintOf(snapshot),
    schedules: 0,
    elapsed_ms: 0,
    issues: '[]',
    task_count: snapshot.tasks.length,
    changed_count: 0,
    unplaceable_count: 0,
    cancel_requested: 0,
    applied_count: 0,
    created_at: now,
    heartbeat_at: now,
  });
  try {
    await deps.queue.submit({ runId: id, orgId: actor.orgId, snapshot });
  } catch (error) {
    const message = `The plan could not be queued: ${error instanceof Error ? error.message : String(error)}`;
    await runs.updateRunRow(deps.db, actor.orgId, id, { status: 'failed', message, finished_at: now });
    throw error;
  }
  const row = await runs.findRunRow(deps.db, actor.orgId, id);
  return presentRun(deps, actor.orgId, row!);
}
