/**
 * Who may change a task. Full edits: tasks.write.any (owners, leaders), the manager of the task's
 * project, and for a task attached directly to a goal (no project) goals.write, mirroring who may
 * create it. The assignee may only move its status (checked in update-task.ts).
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';
import type { DB } from '../../deps';
import { isProjectManager } from '../projects/access';
import { findProjectRow } from '../projects/repo';

export interface TaskPlace {
  projectId: string | null;
  goalId: string | null;
}

export async function isManagerOfProject(db: DB, actor: Actor, projectId: string | null): Promise<boolean> {
  if (projectId === null || actor.personId === null) return false;
  const project = await findProjectRow(db, actor.orgId, projectId);
  return project !== undefined && isProjectManager(actor, project);
}

export async function canWriteTask(db: DB, actor: Actor, place: TaskPlace): Promise<boolean> {
  if (can(actor.role, 'tasks.write.any')) return true;
  if (place.projectId !== null) return isManagerOfProject(db, actor, place.projectId);
  return place.goalId !== null && can(actor.role, 'goals.write');
}

/** Owners and leaders (the roles with tasks.write.any) log and remove anyone's time. */
export function canManageAnyTime(actor: Actor): boolean {
  return can(actor.role, 'tasks.write.any');
}
