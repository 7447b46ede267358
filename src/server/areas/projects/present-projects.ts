/** Presenter: what a project looks like outside the server, with its goal links and task roll-up. */
import type { Actor } from '../../../core/actor';
import { projectProgress } from '../../../core/progress';
import type { Project, taskStatuses } from '../../../core/schemas/work';
import type { DB } from '../../deps';
import { mayPlanProject, mayWriteProject, mayWriteTasksOfProject } from './access';
import { goalIdsByProject, taskGroupsByProject, type ProjectRow } from './repo';

type ProjectStatus = Project['status'];
type TaskStatus = (typeof taskStatuses)[number];

/**
 * Presents many projects with two set-based queries (goal links, task aggregates), whatever their
 * number, and what `actor` may do with each (the rules the writes check, from ./access).
 */
export async function presentProjects(
  db: DB,
  actor: Actor,
  rows: readonly ProjectRow[],
  today: string,
): Promise<Project[]> {
  const ids = rows.map((r) => r.id);
  const [goalIds, groups] = await Promise.all([
    goalIdsByProject(db, actor.orgId, ids),
    taskGroupsByProject(db, actor.orgId, ids, today),
  ]);
  const groupsByProject = new Map<string, typeof groups>();
  for (const group of groups) {
    const list = groupsByProject.get(group.projectId) ?? [];
    list.push(group);
    groupsByProject.set(group.projectId, list);
  }
  return rows.map((row) => {
    const taskGroups = groupsByProject.get(row.id) ?? [];
    // One entry per status group, weighted by the group's summed weight, gives the same
    // estimate-weighted share as passing every task.
    const progress = projectProgress(
      row.status,
      taskGroups.map((g) => ({ status: g.status as TaskStatus, estimateHours: g.weight })),
    );
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      clientId: row.client_id,
      managerId: row.manager_id,
      startDate: row.start_date,
      deadline: row.deadline,
      budgetHours: row.budget_hours === null ? null : Number(row.budget_hours),
      budgetMoney: row.budget_money === null ? null : Number(row.budget_money),
      status: row.status as ProjectStatus,
      goalIds: goalIds.get(row.id) ?? [],
      progress,
      taskCount: taskGroups.reduce((sum, g) => sum + g.count, 0),
      doneCount: taskGroups.filter((g) => g.status === 'done').reduce((sum, g) => sum + g.count, 0),
      lateCount: taskGroups.reduce((sum, g) => sum + g.lateCount, 0),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: Number(row.version),
      can: {
        edit: mayWriteProject(actor, row),
        delete: mayWriteProject(actor, row),
        addTasks: mayWriteTasksOfProject(actor, row),
        plan: mayPlanProject(actor, row),
      },
    };
  });
}

export async function presentProject(db: DB, actor: Actor, row: ProjectRow, today: string): Promise<Project> {
  const [project] = await presentProjects(db, actor, [row], today);
  return project!;
}
