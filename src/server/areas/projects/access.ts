/** Who may change a project: anyone with projects.write.any, and the project's own manager. */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';

export function isProjectManager(actor: Actor, project: { manager_id: string | null }): boolean {
  return actor.personId !== null && project.manager_id === actor.personId;
}

export function canWriteProject(actor: Actor, project: { manager_id: string | null }): boolean {
  return can(actor.role, 'projects.write.any') || isProjectManager(actor, project);
}
