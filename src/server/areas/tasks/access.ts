/**
 * Who may do what with a task and its logged time: pure rules, called by the write use cases and by
 * the presenters that answer `can` with every task and time entry, so the two cannot drift. A rule
 * takes the manager of the task's project (null: no project, or an unmanaged one); `managerOfProject`
 * looks it up for one task, `managerIdsOfProjects` (projects/repo.ts) for many.
 *
 * Full edits: tasks.write.any (owners, leaders), the manager of the task's project, and for a task
 * attached directly to a goal (no project) goals.write, mirroring who may create it. The assignee may
 * only move its status, and log their own time on it.
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';
import type { DB } from '../../deps';
import { isProjectManager, mayWriteTasksOfProject } from '../projects/access';
import { findProjectRow } from '../projects/repo';

export interface TaskPlace {
  projectId: string | null;
  goalId: string | null;
}

export async function managerOfProject(
  db: DB,
  orgId: string,
  projectId: string | null,
): Promise<string | null> {
  if (projectId === null) return null;
  return (await findProjectRow(db, orgId, projectId))?.manager_id ?? null;
}

export function isAssignee(actor: Actor, task: { assignee_id: string | null }): boolean {
  return actor.personId !== null && task.assignee_id === actor.personId;
}

/** Create, edit (every field), move and delete a task in `place`. */
export function mayWriteTask(actor: Actor, place: TaskPlace, projectManagerId: string | null): boolean {
  if (place.projectId !== null) return mayWriteTasksOfProject(actor, { manager_id: projectManagerId });
  if (can(actor.role, 'tasks.write.any')) return true;
  return place.goalId !== null && can(actor.role, 'goals.write');
}

type TaskFacts = { project_id: string | null; goal_id: string | null; assignee_id: string | null };
const placeOf = (task: TaskFacts): TaskPlace => ({ projectId: task.project_id, goalId: task.goal_id });

/** Change only its status: whoever may write it, and its assignee. */
export function mayChangeTaskStatus(actor: Actor, task: TaskFacts, projectManagerId: string | null): boolean {
  return mayWriteTask(actor, placeOf(task), projectManagerId) || isAssignee(actor, task);
}

/** Log anyone's time on it and remove anyone's entries: tasks.write.any, its project's manager. */
export function mayLogTimeForOthers(actor: Actor, projectManagerId: string | null): boolean {
  return can(actor.role, 'tasks.write.any') || isProjectManager(actor, { manager_id: projectManagerId });
}

/** Log one's own time on it: its assignee, and whoever logs anyone's; an account needs a person. */
export function mayLogOwnTime(actor: Actor, task: TaskFacts, projectManagerId: string | null): boolean {
  return actor.personId !== null && (isAssignee(actor, task) || mayLogTimeForOthers(actor, projectManagerId));
}

/** Remove a time entry: its own person, and whoever logs anyone's time on its task. */
export function mayDeleteTimeEntry(
  actor: Actor,
  entry: { person_id: string },
  taskProjectManagerId: string | null,
): boolean {
  return (
    (actor.personId !== null && entry.person_id === actor.personId) ||
    mayLogTimeForOthers(actor, taskProjectManagerId)
  );
}
