/**
 * Who may do what with a project: pure rules, called by the write use cases and by the presenter that
 * answers `can` with every project, so the two cannot drift.
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';

type ManagedBy = { manager_id: string | null };

export function isProjectManager(actor: Actor, project: ManagedBy): boolean {
  return actor.personId !== null && project.manager_id === actor.personId;
}

/** Edit and delete it: projects.write.any, or its own manager. */
export function mayWriteProject(actor: Actor, project: ManagedBy): boolean {
  return can(actor.role, 'projects.write.any') || isProjectManager(actor, project);
}

/** Create, edit and delete its tasks (and move tasks into it): tasks.write.any, or its manager. */
export function mayWriteTasksOfProject(actor: Actor, project: ManagedBy): boolean {
  return can(actor.role, 'tasks.write.any') || isProjectManager(actor, project);
}

/** Run the planner on it and apply its rows: plans.any, or plans.create for its own manager. */
export function mayPlanProject(actor: Actor, project: ManagedBy): boolean {
  return (
    can(actor.role, 'plans.any') || (can(actor.role, 'plans.create') && isProjectManager(actor, project))
  );
}
