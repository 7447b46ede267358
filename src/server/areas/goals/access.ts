/**
 * Who may do what with a goal: pure rules, called by the write use cases and by the presenter that
 * answers `can` with every goal, so the two cannot drift. A goal's owner edits it and checks in on it
 * whatever their role.
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';
import { mayWriteTask } from '../tasks/access';

type Owned = { owner_id: string | null };

export function isGoalOwner(actor: Actor, goal: Owned): boolean {
  return actor.personId !== null && goal.owner_id === actor.personId;
}

/** Change its fields: goals.write, or its owner. */
export function mayEditGoal(actor: Actor, goal: Owned): boolean {
  return can(actor.role, 'goals.write') || isGoalOwner(actor, goal);
}

/** Record a check-in: goals.checkin, or its owner. */
export function mayCheckInGoal(actor: Actor, goal: Owned): boolean {
  return can(actor.role, 'goals.checkin') || isGoalOwner(actor, goal);
}

/** Delete it with the goals beneath it (create one: the same). */
export function mayDeleteGoal(actor: Actor): boolean {
  return can(actor.role, 'goals.write');
}

/** Break it down into projects and tasks. */
export function mayDecomposeGoal(actor: Actor): boolean {
  return can(actor.role, 'projects.create');
}

/** Add tasks directly on it (in no project): who may write such a task. */
export function mayAddTasksToGoal(actor: Actor, goal: { id: string }): boolean {
  return mayWriteTask(actor, { projectId: null, goalId: goal.id }, null);
}
