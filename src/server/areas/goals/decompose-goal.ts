/**
 * Breaks a goal down into projects (linked to it) and their tasks, plus tasks directly on the goal,
 * in one transaction: the "few keystrokes" path from a key result to work people can pick up.
 */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import type { decomposeBody } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkReferences, type Reference } from '../references/check-references';
import { presentProjects } from '../projects/present-projects';
import { insertProject, replaceProjectGoals, type ProjectRow } from '../projects/repo';
import { presentTasks } from '../tasks/present-tasks';
import { insertTask, type TaskRow } from '../tasks/repo';
import { mayDecomposeGoal } from './access';
import * as repo from './repo';

export async function decomposeGoal(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  goalId: string,
  input: z.infer<typeof decomposeBody>,
) {
  const goal = await repo.findGoal(deps.db, actor.orgId, goalId);
  if (!goal) throw notFound('Goal');
  if (!mayDecomposeGoal(actor)) throw forbidden('Only managers and leaders break goals down into projects');
  if (input.projects.length === 0 && input.tasks.length === 0)
    throw invalid('body.projects', 'give at least one project or task');
  const references: Reference[] = input.projects.flatMap((project, p) => [
    { field: `projects.${p}.managerId`, table: 'people' as const, value: project.managerId },
    ...project.tasks.flatMap((task, t) => [
      { field: `projects.${p}.tasks.${t}.skillId`, table: 'skills' as const, value: task.skillId },
      { field: `projects.${p}.tasks.${t}.assigneeId`, table: 'people' as const, value: task.assigneeId },
    ]),
  ]);
  await checkReferences(deps.db, actor.orgId, references);

  const now = isoNow(deps.clock);
  // the rows written are the rows presented: no second read after the transaction
  const projectRows: ProjectRow[] = [];
  const taskRows: TaskRow[] = [];
  const task = (fields: Partial<TaskRow> & { title: string }, position: number): TaskRow => ({
    id: newId(),
    org_id: actor.orgId,
    project_id: null,
    goal_id: null,
    description: '',
    estimate_hours: null,
    skill_id: null,
    min_level: null,
    deadline: null,
    assignee_id: null,
    status: 'todo',
    planned_start: null,
    planned_end: null,
    pinned: 0,
    position,
    created_at: now,
    updated_at: now,
    version: 1,
    ...fields,
  });
  await deps.db.transaction().execute(async (trx) => {
    for (const project of input.projects) {
      const id = newId();
      const projectRow: ProjectRow = {
        id,
        org_id: actor.orgId,
        name: project.name,
        description: '',
        client_id: null,
        manager_id: project.managerId ?? actor.personId,
        start_date: today(deps.clock),
        deadline: project.deadline ?? null,
        budget_hours: null,
        budget_money: null,
        status: 'active',
        created_at: now,
        updated_at: now,
        version: 1,
      };
      projectRows.push(projectRow);
      await insertProject(trx, projectRow);
      await replaceProjectGoals(trx, actor.orgId, id, [goalId]);
      for (const [position, t] of project.tasks.entries()) {
        const row = task(
          {
            title: t.title,
            project_id: id,
            estimate_hours: t.estimateHours ?? null,
            skill_id: t.skillId ?? null,
            deadline: t.deadline ?? project.deadline ?? null,
            assignee_id: t.assigneeId ?? null,
          },
          position,
        );
        taskRows.push(row);
        await insertTask(trx, row);
      }
    }
    for (const [position, t] of input.tasks.entries()) {
      const row = task(
        { title: t.title, goal_id: goalId, estimate_hours: t.estimateHours ?? null },
        position,
      );
      taskRows.push(row);
      await insertTask(trx, row);
    }
  });

  const day = today(deps.clock);
  return {
    projects: await presentProjects(deps.db, actor, projectRows, day),
    tasks: await presentTasks(deps.db, actor, taskRows, day),
  };
}
