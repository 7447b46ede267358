/** Loads an organization's roll-up inputs and computes progress at every level (core/progress.ts). */
import {
  computeOrgProgress,
  type OrgProgress,
  type ProgressSource,
  type TaskProgressInput,
} from '../../../core/progress';
import type { DB } from '../../deps';
import { loadProgressInputs } from './repo';

/** A stored source other than the two (a hand-edited row) reads as the work, the default. */
export function progressSourceOf(stored: string): ProgressSource {
  return stored === 'metric' ? 'metric' : 'work';
}

export type ProgressRows = Awaited<ReturnType<typeof loadProgressInputs>>;

export async function loadOrgProgress(db: DB, orgId: string): Promise<OrgProgress> {
  return progressFromRows(await loadProgressInputs(db, orgId));
}

export function progressFromRows(rows: ProgressRows): OrgProgress {
  return computeOrgProgress({
    goals: rows.goals.map((g) => ({
      id: g.id,
      parentId: g.parent_id,
      pillarId: g.pillar_id,
      status: g.status as 'active' | 'achieved' | 'dropped',
      progressSource: progressSourceOf(g.progress_source),
      metricStart: g.metric_start,
      metricTarget: g.metric_target,
      metricCurrent: g.metric_current,
    })),
    projects: rows.projects,
    projectGoals: rows.projectGoals.map((l) => ({ projectId: l.project_id, goalId: l.goal_id })),
    tasks: rows.tasks.map((t) => ({
      projectId: t.project_id,
      goalId: t.goal_id,
      status: t.status as TaskProgressInput['status'],
      estimateHours: t.estimate_hours,
    })),
    pillarIds: rows.pillars.map((p) => p.id),
  });
}
