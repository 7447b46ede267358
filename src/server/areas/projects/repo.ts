/**
 * All SQL of projects and their goal links (project_goals).
 */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { ProjectsTable } from '../../../db/schema';
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export type ProjectRow = Selectable<ProjectsTable>;

export async function findProjectRow(db: DB, orgId: string, id: string): Promise<ProjectRow | undefined> {
  return db
    .selectFrom('projects')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ProjectFilter {
  status?: string | undefined;
  managerId?: string | undefined;
  clientId?: string | undefined;
  goalId?: string | undefined;
}

export async function listProjectRows(
  db: DB,
  orgId: string,
  filter: ProjectFilter,
  window: { limit: number; offset: number },
): Promise<{ rows: ProjectRow[]; total: number }> {
  let query = db.selectFrom('projects').where('projects.org_id', '=', orgId);
  if (filter.status !== undefined) query = query.where('projects.status', '=', filter.status);
  if (filter.managerId !== undefined) query = query.where('projects.manager_id', '=', filter.managerId);
  if (filter.clientId !== undefined) query = query.where('projects.client_id', '=', filter.clientId);
  const goalId = filter.goalId;
  if (goalId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_goals')
          .select('project_goals.project_id')
          .whereRef('project_goals.project_id', '=', 'projects.id')
          .where('project_goals.goal_id', '=', goalId),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('projects')
      .orderBy('projects.name')
      .orderBy('projects.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertProject(db: DB, row: ProjectRow): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

/**
 * Writes the fields and moves the project to its next version; with `expectedVersion` only while the
 * project is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updateProjectRow(
  db: DB,
  orgId: string,
  id: string,
  patch: Omit<Updateable<ProjectsTable>, 'id' | 'org_id' | 'version'>,
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('projects')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the project; its tasks (and their dependencies and time) and goal links go with it by FK cascade. */
export async function deleteProjectRow(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('projects')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The manager of each of these projects (null: unmanaged); an unknown id is simply absent. */
export async function managerIdsOfProjects(
  db: DB,
  orgId: string,
  projectIds: readonly string[],
): Promise<Map<string, string | null>> {
  const ids = [...new Set(projectIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'manager_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.manager_id]));
}

export async function goalIdsByProject(
  db: DB,
  orgId: string,
  projectIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (projectIds.length === 0) return result;
  const rows = await db
    .selectFrom('project_goals')
    .select(['project_id', 'goal_id'])
    .where('org_id', '=', orgId)
    .where('project_id', 'in', [...projectIds])
    .orderBy('project_id')
    .orderBy('goal_id')
    .execute();
  for (const row of rows) {
    const list = result.get(row.project_id) ?? [];
    list.push(row.goal_id);
    result.set(row.project_id, list);
  }
  return result;
}

/** Makes `goalIds` the project's exact set of linked goals. */
export async function replaceProjectGoals(
  db: DB,
  orgId: string,
  projectId: string,
  goalIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('project_goals')
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .execute();
  const unique = [...new Set(goalIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('project_goals')
    .values(unique.map((goalId) => ({ org_id: orgId, project_id: projectId, goal_id: goalId })))
    .execute();
}

export interface ProjectTaskGroup {
  projectId: string;
  status: string;
  count: number;
  /** Sum of the tasks' progress weights (core/progress.ts taskWeight: the estimate, or 1 without one). */
  weight: number;
  lateCount: number;
}

/**
 * The tasks of the given projects, aggregated per (project, status): a handful of rows per project
 * however many tasks it has. `today` (YYYY-MM-DD) decides lateness: not done and deadline before today.
 */
export async function taskGroupsByProject(
  db: DB,
  orgId: string,
  projectIds: readonly string[],
  today: string,
): Promise<ProjectTaskGroup[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('tasks')
    .select((eb) => [
      'tasks.project_id',
      'tasks.status',
      eb.fn.countAll().as('n'),
      // mirrors taskWeight in core/progress.ts so the weighting can be summed in the database
      sql<number>`sum(case when ${eb.ref('tasks.estimate_hours')} > 0 then ${eb.ref('tasks.estimate_hours')} else 1 end)`.as(
        'weight',
      ),
      sql<number>`sum(case when ${eb.ref('tasks.status')} <> 'done' and ${eb.ref('tasks.deadline')} < ${today} then 1 else 0 end)`.as(
        'late',
      ),
    ])
    .where('tasks.org_id', '=', orgId)
    .where('tasks.project_id', 'in', [...projectIds])
    .groupBy(['tasks.project_id', 'tasks.status'])
    .execute();
  return rows.map((row) => ({
    projectId: row.project_id ?? '',
    status: row.status,
    count: Number(row.n),
    weight: Number(row.weight),
    lateCount: Number(row.late),
  }));
}
