/** Presenters: what tasks and time entries look like outside the server, with what the caller may do. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { Task, taskStatuses, timeEntry } from '../../../core/schemas/work';
import type { DB } from '../../deps';
import { managerIdsOfProjects } from '../projects/repo';
import {
  mayChangeTaskStatus,
  mayDeleteTimeEntry,
  mayLogOwnTime,
  mayLogTimeForOthers,
  mayWriteTask,
} from './access';
import {
  dependsOnByTask,
  loggedHoursByTask,
  type TaskListRow,
  type PresentedTaskRow,
  type TaskRow,
  type TimeEntryRow,
} from './repo';

type TaskStatus = (typeof taskStatuses)[number];

export function isLate(row: { status: string; deadline: string | null }, today: string): boolean {
  return row.status !== 'done' && row.deadline !== null && row.deadline < today;
}

/** What `actor` may do with a task: the rules its writes check (./access), answered in advance. */
export function taskAbilitiesOf(
  actor: Actor,
  row: PresentedTaskRow,
  projectManagerId: string | null,
): Task['can'] {
  const place = { projectId: row.project_id, goalId: row.goal_id };
  const mayWrite = mayWriteTask(actor, place, projectManagerId);
  return {
    edit: mayWrite,
    changeStatus: mayChangeTaskStatus(actor, row, projectManagerId),
    logTime: mayLogOwnTime(actor, row, projectManagerId),
    logTimeForOthers: mayLogTimeForOthers(actor, projectManagerId),
    delete: mayWrite,
  };
}

/** What a task's answer needs besides its row. */
export interface TaskExtras {
  dependsOn: string[];
  loggedHours: number;
  /** The manager of its project (null: no project, or none). */
  projectManagerId: string | null;
}

export function presentTaskRow(actor: Actor, row: PresentedTaskRow, extras: TaskExtras, today: string): Task {
  return {
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
    dependsOn: extras.dependsOn,
    loggedHours: extras.loggedHours,
    isLate: isLate(row, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    can: taskAbilitiesOf(actor, row, extras.projectManagerId),
  };
}

/** Presents the rows of a task list, which carry their extras (listTaskRows). */
export function presentTaskListRows(actor: Actor, rows: readonly TaskListRow[], today: string): Task[] {
  return rows.map((row) =>
    presentTaskRow(
      actor,
      row,
      {
        dependsOn: row.depends_on === null ? [] : row.depends_on.split(',').sort(),
        loggedHours: row.logged_hours === null ? 0 : Number(row.logged_hours),
        projectManagerId: row.project_id === null ? null : row.project_manager_id,
      },
      today,
    ),
  );
}

/**
 * Presents many tasks with three set-based queries (dependencies, logged hours, their projects'
 * managers), whatever their number.
 */
export async function presentTasks(
  db: DB,
  actor: Actor,
  rows: readonly TaskRow[],
  today: string,
): Promise<Task[]> {
  const ids = rows.map((r) => r.id);
  const projectIds = rows.flatMap((r) => (r.project_id === null ? [] : [r.project_id]));
  const [dependsOn, logged, managers] = await Promise.all([
    dependsOnByTask(db, actor.orgId, ids),
    loggedHoursByTask(db, actor.orgId, ids),
    managerIdsOfProjects(db, actor.orgId, projectIds),
  ]);
  return rows.map((row) =>
    presentTaskRow(
      actor,
      row,
      {
        dependsOn: dependsOn.get(row.id) ?? [],
        loggedHours: logged.get(row.id) ?? 0,
        projectManagerId: row.project_id === null ? null : (managers.get(row.project_id) ?? null),
      },
      today,
    ),
  );
}

export async function presentTask(db: DB, actor: Actor, row: TaskRow, today: string): Promise<Task> {
  const [task] = await presentTasks(db, actor, [row], today);
  return task!;
}

/** `taskProjectManagerId`: the manager of the entry's task's project (null: none). */
export function presentTimeEntry(
  actor: Actor,
  row: TimeEntryRow,
  taskProjectManagerId: string | null,
): z.infer<typeof timeEntry> {
  return {
    id: row.id,
    taskId: row.task_id,
    personId: row.person_id,
    date: row.date,
    hours: Number(row.hours),
    note: row.note,
    createdAt: row.created_at,
    can: { delete: mayDeleteTimeEntry(actor, row, taskProjectManagerId) },
  };
}
