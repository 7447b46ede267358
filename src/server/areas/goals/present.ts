import type { Actor } from '../../../core/actor';
import type { OrgProgress } from '../../../core/progress';
import type { Goal } from '../../../core/schemas/spine';
import { progressSourceOf } from '../strategy/load-progress';
import { mayAddTasksToGoal, mayCheckInGoal, mayDecomposeGoal, mayDeleteGoal, mayEditGoal } from './access';
import type { GoalRow } from './repo';

const noWork: Goal['workSummary'] = { projects: 0, tasks: 0, doneTasks: 0, hours: 0, doneHours: 0 };

/**
 * A goal with the figures the roll-up gave it (a goal made after the roll-up was read has none yet),
 * and what `actor` may do with it (the rules its writes check, from ./access).
 */
export function presentGoal(actor: Actor, row: GoalRow, progress: OrgProgress): Goal {
  const figures = progress.figures.get(row.id);
  return {
    id: row.id,
    pillarId: row.pillar_id,
    parentId: row.parent_id,
    kind: row.kind as Goal['kind'],
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    horizon: row.horizon as Goal['horizon'],
    isStretch: Number(row.is_stretch) === 1,
    status: row.status as Goal['status'],
    metricStart: row.metric_start,
    metricTarget: row.metric_target,
    metricCurrent: row.metric_current,
    metricUnit: row.metric_unit,
    progressSource: progressSourceOf(row.progress_source),
    dueDate: row.due_date,
    progress: figures?.progress ?? null,
    metricProgress: figures?.metric ?? null,
    workProgress: figures?.work ?? null,
    workSummary: progress.work.get(row.id) ?? noWork,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    can: {
      edit: mayEditGoal(actor, row),
      checkIn: mayCheckInGoal(actor, row),
      delete: mayDeleteGoal(actor),
      decompose: mayDecomposeGoal(actor),
      addTasks: mayAddTasksToGoal(actor, row),
    },
  };
}

export function presentCheckIn(row: {
  id: string;
  goal_id: string;
  value: number | null;
  confidence: number;
  comment: string;
  date: string;
  author_id: string | null;
  created_at: string;
}) {
  return {
    id: row.id,
    goalId: row.goal_id,
    value: row.value,
    confidence: row.confidence,
    comment: row.comment,
    date: row.date,
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}
