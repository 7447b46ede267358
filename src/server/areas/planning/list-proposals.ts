import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import { changeReasons, type ChangeReason } from '../../../core/plan-trade';
import type { PlanProposal, proposalListQuery, proposalPage } from '../../../core/schemas/planning';
import { assertCanSeeRun } from './access';
import * as repo from './repo';
import * as runs from './repo-runs';
import type { PlanningDeps } from './start-plan-run';

function present(row: repo.ProposalWithNames): PlanProposal {
  let reasons: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.reasons);
    if (Array.isArray(parsed)) reasons = parsed.filter((r): r is string => typeof r === 'string');
  } catch {
    // keep none
  }
  const proposed =
    row.unplaceable !== null
      ? null
      : {
          personId: row.proposed_person_id,
          personName: row.proposed_person_name,
          start: row.proposed_start,
          end: row.proposed_end,
        };
  return {
    taskId: row.task_id,
    title: row.title,
    projectId: row.project_id,
    projectName: row.project_name,
    hours: Number(row.hours),
    deadline: row.deadline,
    current: {
      personId: row.current_person_id,
      personName: row.current_person_name,
      start: row.current_start,
      end: row.current_end,
    },
    proposed,
    currentLateHours: Number(row.current_late_hours),
    proposedLateHours: Number(row.proposed_late_hours),
    changesPerson: proposed !== null && proposed.personId !== row.current_person_id,
    changesDates:
      proposed !== null && (proposed.start !== row.current_start || proposed.end !== row.current_end),
    isChanged: Number(row.is_changed) === 1,
    isPinned: Number(row.is_pinned) === 1,
    isInProgress: Number(row.is_in_progress) === 1,
    isGrowth: Number(row.is_growth) === 1,
    changeReason: changeReasonOf(row.change_reason),
    headline: row.headline,
    reasons,
    unplaceable: row.unplaceable,
    appliedAt: row.applied_at,
  };
}

export function changeReasonOf(text: string | null): ChangeReason | null {
  return changeReasons.find((r) => r === text) ?? null;
}

/**
 * A page of the run's rows, in plan order: every task, or one `show` of them (changes, new person,
 * late, cannot be placed), of one project or one person (theirs now or proposed to them), matching a
 * search; with how many rows of the group each `show` has, so a client pages through a plan of any
 * size without reading it whole.
 */
export async function listProposals(
  deps: PlanningDeps,
  actor: Actor,
  runId: string,
  query: z.output<typeof proposalListQuery>,
): Promise<z.infer<typeof proposalPage>> {
  const run = await runs.findRunRow(deps.db, actor.orgId, runId);
  if (!run) throw notFound('Plan run');
  assertCanSeeRun(actor, run);
  const group = { projectId: query.projectId ?? null, personId: query.personId ?? null };
  const [{ rows, total }, counts] = await Promise.all([
    repo.listProposalRows(
      deps.db,
      actor.orgId,
      runId,
      {
        ...group,
        changedOnly: query.changedOnly === 'true',
        ...(query.show ? { show: query.show } : {}),
        ...(query.q ? { search: query.q } : {}),
      },
      query,
    ),
    repo.countProposals(deps.db, actor.orgId, runId, { ...group, changedOnly: false }),
  ]);
  return { items: rows.map(present), total, limit: query.limit, offset: query.offset, counts };
}
