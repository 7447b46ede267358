import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, forbidden, invalid, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { applyPlanBody, PlanRun } from '../../../core/schemas/planning';
import { sayDate } from '../../../core/workdays';
import { isoNow, today as todayOf } from '../../providers/clock';
import { mayPlanProject } from '../projects/access';
import { assertCanSeeRun } from './access';
import { loadSnapshot } from './load-snapshot';
import { presentRun } from './present-run';
import * as repo from './repo';
import * as runs from './repo-runs';
import { fingerprintOf } from './snapshot';
import type { PlanningDeps } from './start-plan-run';

export type ApplyPlanInput = z.output<typeof applyPlanBody>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function scopeOf(row: runs.PlanRunRow): string[] | null {
  if (row.scope_project_ids === null) return null;
  const parsed: unknown = JSON.parse(row.scope_project_ids);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
}

/** The row is in the group the input names (a project, or a person's now or proposed), or none is named. */
function inGroup(
  key: { project_id: string | null; current_person_id: string | null; proposed_person_id: string | null },
  input: ApplyPlanInput,
): boolean {
  if (
    input.projectId !== undefined &&
    key.project_id !== (input.projectId === repo.NO_PROJECT ? null : input.projectId)
  )
    return false;
  if (input.personId === repo.NOBODY) return key.current_person_id === null;
  if (input.personId !== undefined)
    return key.current_person_id === input.personId || key.proposed_person_id === input.personId;
  return true;
}

/**
 * Writes the chosen rows (all changes when none are chosen, or all of a group's) onto their tasks, in
 * one transaction.
 * Refused with 409, writing nothing, when anything the plan was made from has changed since (a task
 * in scope edited, added, finished or deleted; a profile changed; a new day): applying it would
 * overwrite newer edits. Pinned tasks are never in the changes. Applying some rows leaves the rest
 * applicable: the plan's fingerprint then includes its own writes. Applying also stores how the
 * engine laid each applied task's hours on days (task_layouts), which the dates alone cannot say.
 */
export async function applyPlan(
  deps: PlanningDeps,
  actor: Actor,
  runId: string,
  input: ApplyPlanInput,
): Promise<{ applied: number; run: PlanRun }> {
  const run = await runs.findRunRow(deps.db, actor.orgId, runId);
  if (!run) throw notFound('Plan run');
  assertCanSeeRun(actor, run);
  if (run.status === 'queued' || run.status === 'running')
    throw new AppError('conflict', 'This plan is still being made: wait for it to finish, or cancel it');
  if (run.figures === null)
    throw new AppError('conflict', 'This plan run has no plan to apply; run the planner again');
  const today = todayOf(deps.clock);
  if (run.today !== today)
    throw new AppError(
      'conflict',
      `This plan was made on ${sayDate(run.today, today)} and its dates have moved on since; plan again, nothing was applied`,
    );

  const keys = await repo.listProposalKeys(deps.db, actor.orgId, runId);
  const byTask = new Map(keys.map((k) => [k.task_id, k]));
  // a group is named by a project or person of the plan's rows; anything else is a mistake
  if (
    input.projectId !== undefined &&
    input.projectId !== repo.NO_PROJECT &&
    !keys.some((k) => k.project_id === input.projectId)
  )
    throw invalid('body.projectId', 'no task of this plan is in that project');
  if (
    input.personId !== undefined &&
    input.personId !== repo.NOBODY &&
    !keys.some((k) => k.current_person_id === input.personId || k.proposed_person_id === input.personId)
  )
    throw invalid('body.personId', 'nobody of that id has or gets a task in this plan');
  let chosen: string[];
  if (input.taskIds !== undefined) {
    const issues = input.taskIds.flatMap((id, index) =>
      byTask.has(id) ? [] : [{ field: `body.taskIds.${index}`, reason: 'not a task of this plan' }],
    );
    if (issues.length === 1) throw invalid(issues[0]!.field, issues[0]!.reason);
    if (issues.length > 1)
      throw new AppError('validation_failed', `${issues[0]!.field}: ${issues[0]!.reason}`, { issues });
    const wanted = new Set(input.taskIds);
    chosen = keys
      .filter((k) => wanted.has(k.task_id) && Number(k.is_changed) === 1 && k.applied_at === null)
      .map((k) => k.task_id);
  } else
    chosen = keys
      .filter((k) => Number(k.is_changed) === 1 && k.applied_at === null && inGroup(k, input))
      .map((k) => k.task_id);
  const isWholePlan =
    input.taskIds === undefined && input.projectId === undefined && input.personId === undefined;
  if (chosen.length === 0) return { applied: 0, run: await presentRun(deps, actor.orgId, run) };

  if (!can(actor.role, 'plans.any')) {
    const managed = new Set(
      (await repo.listProjectRows(deps.db, actor.orgId))
        .filter((p) => mayPlanProject(actor, p))
        .map((p) => p.id),
    );
    const other = chosen
      .map((id) => byTask.get(id)!)
      .find((k) => k.project_id === null || !managed.has(k.project_id));
    if (other) throw forbidden(`You apply plans only to projects you manage: “${other.title}” is not in one`);
  }

  const scope = scopeOf(run);
  const chosenSet = new Set(chosen);
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockForApply(trx, deps.dialect, actor.orgId, chosen);
    const snapshot = await loadSnapshot(trx, actor.orgId, scope, run.today);
    if (fingerprintOf(snapshot) !== run.fingerprint) {
      const current = new Map(snapshot.tasks.map((t) => [t.id, t]));
      const changed = keys.filter((k) => current.get(k.task_id)?.hash !== k.task_hash);
      const added = snapshot.tasks.filter((t) => !byTask.has(t.id));
      const parts: string[] = [];
      if (changed.length > 0)
        parts.push(
          `${plural(changed.length, 'task')} changed, finished or deleted (${changed
            .slice(0, 3)
            .map((k) => `“${k.title}”`)
            .join(', ')}${changed.length > 3 ? ' …' : ''})`,
        );
      if (added.length > 0) parts.push(`${plural(added.length, 'task')} added`);
      if (parts.length === 0) parts.push('people’s capacity, skills, goals or time off changed');
      throw new AppError(
        'conflict',
        `This plan is out of date: since it was made, ${parts.join(' and ')}. Nothing was applied; plan again to include the changes.`,
        { changedTaskIds: changed.map((k) => k.task_id), addedTaskIds: added.map((t) => t.id) },
      );
    }
    const rows = (await repo.listChangedProposals(trx, actor.orgId, runId)).filter((r) =>
      chosenSet.has(r.task_id),
    );
    for (const row of rows)
      await repo.applyToTask(
        trx,
        actor.orgId,
        {
          taskId: row.task_id,
          personId: row.proposed_person_id,
          start: row.proposed_start,
          end: row.proposed_end,
        },
        now,
      );
    // how the engine laid the hours on days, so the current plan reads as the proposal did: for the
    // chosen rows, or (applying the whole plan) every placed row, unchanged dates included
    const laid = await repo.listLayoutProposals(trx, actor.orgId, runId, isWholePlan ? null : chosen);
    await repo.replaceTaskLayouts(
      trx,
      actor.orgId,
      laid.flatMap((r) =>
        r.proposed_person_id !== null &&
        r.proposed_start !== null &&
        r.proposed_end !== null &&
        r.proposed_daily !== null &&
        r.proposed_finish_hour !== null
          ? [
              {
                task_id: r.task_id,
                org_id: actor.orgId,
                person_id: r.proposed_person_id,
                planned_start: r.proposed_start,
                planned_end: r.proposed_end,
                hours: Number(r.hours),
                finish_hour: Number(r.proposed_finish_hour),
                start_hour: r.proposed_start_hour === null ? null : Number(r.proposed_start_hour),
                daily: r.proposed_daily,
                run_id: runId,
                applied_at: now,
              },
            ]
          : [],
      ),
    );
    await repo.markProposalsApplied(trx, actor.orgId, runId, chosen, now);
    const after = await loadSnapshot(trx, actor.orgId, scope, run.today);
    const afterById = new Map(after.tasks.map((t) => [t.id, t.hash]));
    for (const id of chosen)
      await repo.updateProposalHash(trx, actor.orgId, runId, id, afterById.get(id) ?? '');
    await runs.updateRunRow(trx, actor.orgId, runId, {
      fingerprint: fingerprintOf(after),
      applied_at: now,
      applied_count: Number(run.applied_count) + rows.length,
    });
  });
  const fresh = await runs.findRunRow(deps.db, actor.orgId, runId);
  return { applied: chosen.length, run: await presentRun(deps, actor.orgId, fresh!) };
}
