import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import { cycleIfSet } from '../../../core/graph';
import type { Task, updateTaskBody } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { checkReferences } from '../references/check-references';
import { checkVersion, checkWritten } from '../versions';
import { managerOfProject, mayChangeTaskStatus, mayWriteTask } from './access';
import { presentTask } from './present-tasks';
import {
  dependencyEdges,
  findTaskRow,
  lockDependencyGraph,
  replaceDependencies,
  taskTitles,
  updateTaskRow,
  type TaskRow,
} from './repo';

export type UpdateTaskInput = z.output<typeof updateTaskBody>;

/**
 * Changes the given fields (omitted ones stay); dependsOn, when given, replaces the dependencies and
 * is refused if it would close a cycle. Owners, leaders and the project's manager change anything;
 * the assignee changes only the status.
 */
export async function updateTask(
  deps: Pick<Deps, 'db' | 'clock' | 'dialect'>,
  actor: Actor,
  id: string,
  input: UpdateTaskInput,
): Promise<Task> {
  const existing = await findTaskRow(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Task');
  const current = { projectId: existing.project_id, goalId: existing.goal_id };
  const currentManagerId = await managerOfProject(deps.db, actor.orgId, current.projectId);
  if (!mayWriteTask(actor, current, currentManagerId)) {
    if (!mayChangeTaskStatus(actor, existing, currentManagerId))
      throw forbidden("Only owners, leaders, the project's manager and the assignee edit a task");
    const others = Object.entries(input).filter(
      ([key, value]) => key !== 'status' && key !== 'version' && value !== undefined,
    );
    if (others.length > 0) throw forbidden('As the assignee you may change only the status of this task');
  }

  const place = {
    projectId: input.projectId !== undefined ? input.projectId : current.projectId,
    goalId: input.goalId !== undefined ? input.goalId : current.goalId,
  };
  if (place.projectId === null && place.goalId === null) {
    throw invalid(
      input.projectId !== undefined ? 'body.projectId' : 'body.goalId',
      'a task belongs to a project or directly to a goal: keep projectId or goalId',
    );
  }
  const dependsOn = input.dependsOn === undefined ? undefined : [...new Set(input.dependsOn)];
  if (dependsOn?.includes(id)) throw invalid('body.dependsOn', 'a task cannot depend on itself');
  await checkReferences(deps.db, actor.orgId, [
    { field: 'projectId', table: 'projects', value: input.projectId },
    { field: 'goalId', table: 'goals', value: input.goalId },
    { field: 'skillId', table: 'skills', value: input.skillId },
    { field: 'assigneeId', table: 'people', value: input.assigneeId },
    { field: 'dependsOn', table: 'tasks', value: input.dependsOn },
  ]);
  const isMoving = place.projectId !== current.projectId || place.goalId !== current.goalId;
  if (
    isMoving &&
    !mayWriteTask(actor, place, await managerOfProject(deps.db, actor.orgId, place.projectId))
  ) {
    throw forbidden('You may move a task only into a project you manage (or onto a goal you may edit)');
  }

  const fields = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.projectId !== undefined && { project_id: input.projectId }),
    ...(input.goalId !== undefined && { goal_id: input.goalId }),
    ...(input.estimateHours !== undefined && { estimate_hours: input.estimateHours }),
    ...(input.skillId !== undefined && { skill_id: input.skillId }),
    ...(input.minLevel !== undefined && { min_level: input.minLevel }),
    ...(input.deadline !== undefined && { deadline: input.deadline }),
    ...(input.assigneeId !== undefined && { assignee_id: input.assigneeId }),
    ...(input.status !== undefined && { status: input.status }),
    ...(input.plannedStart !== undefined && { planned_start: input.plannedStart }),
    ...(input.plannedEnd !== undefined && { planned_end: input.plannedEnd }),
    ...(input.pinned !== undefined && { pinned: input.pinned ? 1 : 0 }),
  };
  if (Object.keys(fields).length === 0 && dependsOn === undefined) {
    checkVersion('task', existing.version, input.version);
  } else {
    await deps.db.transaction().execute(async (trx) => {
      // first, so that an edit made from an older version changes nothing and says so
      const isWritten = await updateTaskRow(
        trx,
        actor.orgId,
        id,
        { ...fields, updated_at: isoNow(deps.clock) },
        input.version,
      );
      await checkWritten(isWritten, 'task', async () => (await findTaskRow(trx, actor.orgId, id))?.version);
      if (dependsOn !== undefined) {
        await lockDependencyGraph(trx, deps.dialect, actor.orgId);
        const cycle = cycleIfSet(await dependencyEdges(trx, actor.orgId), id, dependsOn);
        if (cycle) {
          const titles = await taskTitles(trx, actor.orgId, cycle);
          const path = cycle.map((taskId) => `"${titles.get(taskId) ?? taskId}"`).join(' → ');
          throw invalid('body.dependsOn', `these dependencies would form a cycle: ${path}`);
        }
        await replaceDependencies(trx, actor.orgId, id, dependsOn);
      }
    });
  }
  const row: TaskRow | undefined = await findTaskRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Task'); // deleted in the meantime
  return presentTask(deps.db, actor, row, today(deps.clock));
}
