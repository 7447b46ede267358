/** Presenter: what a plan run looks like outside the server. */
import type { PlanFiguresView, PlanRun } from '../../../core/schemas/planning';
import type { Deps } from '../../deps';
import { defaultMaxSchedules } from './pipeline';
import * as repo from './repo';
import type { PlanRunRow } from './repo-runs';

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export async function presentRuns(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  rows: readonly PlanRunRow[],
): Promise<PlanRun[]> {
  const scopes = rows.map((r) => parseJson<string[] | null>(r.scope_project_ids, null));
  const names = await repo.projectNames(
    deps.db,
    orgId,
    scopes.flatMap((s) => s ?? []),
  );
  const out: PlanRun[] = [];
  // a run whose process stopped is ended by the queues' sweep (sweep-runs.ts), not here: reads write nothing
  for (const [i, row] of rows.entries()) {
    const scope = scopes[i]!;
    const figures = parseJson<{ current: PlanFiguresView; proposed: PlanFiguresView } | null>(
      row.figures,
      null,
    );
    const timeLimit = Number(row.time_limit_ms);
    const elapsed = Number(row.elapsed_ms);
    const live = row.status === 'queued' || row.status === 'running';
    out.push({
      id: row.id,
      status: row.status as PlanRun['status'],
      engineStatus: row.engine_status,
      scope: {
        projectIds: scope,
        projectNames: (scope ?? []).map((id) => names.get(id) ?? 'a deleted project'),
      },
      keepAssignees: Number(row.keep_assignees) === 1,
      timeLimitMs: timeLimit,
      createdAt: row.created_at,
      createdByName: row.created_by_name,
      startDate: row.start_date,
      progress: {
        schedules: Number(row.schedules),
        elapsedMs: elapsed,
        // whichever budget runs out first: the time limit, or the schedules a small scope needs
        fraction: live
          ? Math.min(
              0.99,
              Math.max(
                timeLimit > 0 ? elapsed / timeLimit : 0,
                Number(row.schedules) / defaultMaxSchedules(Number(row.task_count)),
              ),
            )
          : 1,
        bestLatenessHours: row.best_lateness_hours === null ? null : Number(row.best_lateness_hours),
      },
      figures,
      taskCount: Number(row.task_count),
      changedCount: Number(row.changed_count),
      unplaceableCount: Number(row.unplaceable_count),
      issues: parseJson<PlanRun['issues']>(row.issues, []),
      message: row.message,
      finishedAt: row.finished_at,
      appliedAt: row.applied_at,
      appliedCount: Number(row.applied_count),
    });
  }
  return out;
}

export async function presentRun(deps: Pick<Deps, 'db'>, orgId: string, row: PlanRunRow): Promise<PlanRun> {
  const [run] = await presentRuns(deps, orgId, [row]);
  return run!;
}
