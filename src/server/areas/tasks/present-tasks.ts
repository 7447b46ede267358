/** Presenters: what tasks and time entries look like outside the server. */
import type { Task, taskStatuses, timeEntry } from '../../../core/schemas/work';
import type { z } from 'zod';
import type { DB } from '../../deps';
import { dependsOnByTask, loggedHoursByTask, type TaskRow, type TimeEntryRow } from './repo';

type TaskStatus = (typeof taskStatuses)[number];

export function isLate(row: { status: string; deadline: string | null }, today: string): boolean {
  return row.status !== 'done' && row.deadline !== null && row.deadline < today;
}

/** Presents many tasks with two set-based queries (dependencies, logged hours), whatever their number. */
export async function presentTasks(
  db: DB,
  orgId: string,
  rows: readonly TaskRow[],
  today: string,
): Promise<Task[]> {
  const ids = rows.map((r) => r.id);
  const [dependsOn, logged] = await Promise.all([
    dependsOnByTask(db, orgId, ids),
    loggedHoursByTask(db, orgId, ids),
  ]);
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    goalId: row.goal_id,
    title: row.title,
    description: row.description,
    estimateHours: row.estimate_hours === null ? null : Number(row.estimate_hours),
    skillId: row.skill_id,
    minLevel: row.min_level === null ? null : Number(row.min_level),
    deadline: row.deadline,
    assigneeId: row.assignee_id,
    status: row.status as TaskStatus,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    pinned: Number(row.pinned) === 1,
    dependsOn: dependsOn.get(row.id) ?? [],
    loggedHours: logged.get(row.id) ?? 0,
    isLate: isLate(row, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  }));
}

export async function presentTask(db: DB, orgId: string, row: TaskRow, today: string): Promise<Task> {
  const [task] = await presentTasks(db, orgId, [row], today);
  return task!;
}

export function presentTimeEntry(row: TimeEntryRow): z.infer<typeof timeEntry> {
  return {
    id: row.id,
    taskId: row.task_id,
    personId: row.person_id,
    date: row.date,
    hours: Number(row.hours),
    note: row.note,
    createdAt: row.created_at,
  };
}
