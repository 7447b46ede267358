import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import type { createTaskBody, Task } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkReferences } from '../references/check-references';
import { managerOfProject, mayWriteTask } from './access';
import { presentTask } from './present-tasks';
import { insertTask, replaceDependencies, type TaskRow } from './repo';

export type CreateTaskInput = z.output<typeof createTaskBody>;

/** Creates a task in a project or directly on a goal, with its dependencies, in one transaction. */
export async function createTask(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: CreateTaskInput,
): Promise<Task> {
  const place = { projectId: input.projectId ?? null, goalId: input.goalId ?? null };
  await checkReferences(deps.db, actor.orgId, [
    { field: 'projectId', table: 'projects', value: place.projectId },
    { field: 'goalId', table: 'goals', value: place.goalId },
    { field: 'skillId', table: 'skills', value: input.skillId },
    { field: 'assigneeId', table: 'people', value: input.assigneeId },
    { field: 'dependsOn', table: 'tasks', value: input.dependsOn },
  ]);
  if (!mayWriteTask(actor, place, await managerOfProject(deps.db, actor.orgId, place.projectId))) {
    throw forbidden(
      place.projectId !== null
        ? "Only owners, leaders and the project's manager add tasks to a project"
        : 'Only owners, leaders and managers add tasks to a goal',
    );
  }
  const now = isoNow(deps.clock);
  const row: TaskRow = {
    id: newId(),
    org_id: actor.orgId,
    project_id: place.projectId,
    goal_id: place.goalId,
    title: input.title,
    description: input.description,
    estimate_hours: input.estimateHours ?? null,
    skill_id: input.skillId ?? null,
    min_level: input.minLevel ?? null,
    deadline: input.deadline ?? null,
    assignee_id: input.assigneeId ?? null,
    status: input.status,
    planned_start: input.plannedStart ?? null,
    planned_end: input.plannedEnd ?? null,
    pinned: input.pinned ? 1 : 0,
    position: 0,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  // A new task has no dependents yet, so its dependencies cannot close a cycle.
  await deps.db.transaction().execute(async (trx) => {
    await insertTask(trx, row);
    await replaceDependencies(trx, actor.orgId, row.id, input.dependsOn);
  });
  return presentTask(deps.db, actor, row, today(deps.clock));
}
