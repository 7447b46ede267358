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
import { MAX_QUEUED, type PlanJobs } from './jobs';
import { loadSnapshot } from './load-snapshot';
import { defaultTimeLimitMs } from './pipeline';
import { presentRun } from './present-run';
import * as repo from './repo';
import { fingerprintOf } from './snapshot';

export type StartPlanRunInput = z.output<typeof createPlanRunBody>;
export type PlanningDeps = Pick<Deps, 'db' | 'clock' | 'dialect'> & { jobs: PlanJobs };

/** Plan runs kept per organization (older ones and their proposals are removed). */
const KEEP_RUNS = 30;

/**
 * Starts planning a scope (projects, or the whole organization): reads the data, records the run with
 * the fingerprint of what it was made from, and queues the search. Answers at once; `finished`
 * settles when the run is done (the command line and tests wait for it, the web app polls).
 */
export async function startPlanRun(
  deps: PlanningDeps,
  actor: Actor,
  input: StartPlanRunInput,
): Promise<{ run: PlanRun; finished: Promise<void> }> {
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
  if (deps.jobs.queued >= MAX_QUEUED)
    throw new AppError('conflict', 'The planner is busy with other plans right now; try again in a minute');

  const today = todayOf(deps.clock);
  const snapshot = await loadSnapshot(deps.db, actor.orgId, projectIds, today);
  const timeLimitMs = input.timeLimitMs ?? defaultTimeLimitMs(snapshot.tasks.length);
  const now = isoNow(deps.clock);
  const id = newId();
  await repo.pruneRuns(deps.db, actor.orgId, KEEP_RUNS - 1);
  await repo.insertRun(deps.db, {
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
  const finished = deps.jobs.submit({
    runId: id,
    orgId: actor.orgId,
    snapshot,
    options: { keepAssignees: input.keepAssignees, timeLimitMs, seed: input.seed },
  });
  const row = await repo.findRunRow(deps.db, actor.orgId, id);
  return { run: await presentRun(deps, deps.jobs, actor.orgId, row!), finished };
}
