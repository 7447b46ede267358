/** All SQL of tasks, their finish-to-start dependencies (task_dependencies) and logged time (time_entries). */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Dialect } from '../../../db/connect';
import { preparedQuery } from '../../../db/prepared';
import type { TasksTable, TimeEntriesTable } from '../../../db/schema';
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export type TaskRow = Selectable<TasksTable>;
export type TimeEntryRow = Selectable<TimeEntriesTable>;

export async function findTaskRow(db: DB, orgId: string, id: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface TaskFilter {
  projectId?: string | undefined;
  goalId?: string | undefined;
  assigneeId?: string | undefined;
  status?: string | undefined;
  /** Late = not done and the deadline is before `today`. */
  isLate?: boolean | undefined;
}

/** What a task's answer shows: the row without what only the server uses. */
export type PresentedTaskRow = Omit<TaskRow, 'org_id' | 'position'>;
const presentedTaskColumns = [
  'tasks.id',
  'tasks.project_id',
  'tasks.goal_id',
  'tasks.title',
  'tasks.description',
  'tasks.estimate_hours',
  'tasks.skill_id',
  'tasks.min_level',
  'tasks.deadline',
  'tasks.assignee_id',
  'tasks.status',
  'tasks.planned_start',
  'tasks.planned_end',
  'tasks.pinned',
  'tasks.created_at',
  'tasks.updated_at',
  'tasks.version',
] as const satisfies readonly `tasks.${keyof PresentedTaskRow}`[];

/** A listed task with what its presenter needs besides the row, read in the same query. */
export interface TaskListRow extends PresentedTaskRow {
  /** The ids it depends on, comma-separated in no order (ids are UUIDs); null: none. */
  depends_on: string | null;
  /** Hours logged on it; null: none. */
  logged_hours: number | string | null;
  /** Its project's manager (null: no project, or a project without a manager). */
  project_manager_id: string | null;
}

/** Which conditions a task list applies: what changes its SQL (see db/prepared.ts). */
interface TaskListShape {
  projectId: boolean;
  goalId: boolean;
  assigneeId: boolean;
  status: boolean;
  isLate: boolean | null;
}
/** The values a task list binds. */
interface TaskListValues {
  orgId: string;
  projectId: string | undefined;
  goalId: string | undefined;
  assigneeId: string | undefined;
  status: string | undefined;
  today: string;
  limit: number;
  offset: number;
}

function matchingTasks(db: DB, shape: TaskListShape, v: TaskListValues) {
  return db.selectFrom('tasks').where((eb) => {
    const conditions = [eb('tasks.org_id', '=', v.orgId)];
    if (shape.projectId) conditions.push(eb('tasks.project_id', '=', v.projectId!));
    if (shape.goalId) conditions.push(eb('tasks.goal_id', '=', v.goalId!));
    if (shape.assigneeId) conditions.push(eb('tasks.assignee_id', '=', v.assigneeId!));
    if (shape.status) conditions.push(eb('tasks.status', '=', v.status!));
    if (shape.isLate === true)
      conditions.push(
        eb('tasks.status', '<>', 'done'),
        eb('tasks.deadline', 'is not', null),
        eb('tasks.deadline', '<', v.today),
      );
    else if (shape.isLate === false)
      conditions.push(
        eb.or([
          eb('tasks.status', '=', 'done'),
          eb('tasks.deadline', 'is', null),
          eb('tasks.deadline', '>=', v.today),
        ]),
      );
    return eb.and(conditions);
  });
}

// The page's ids are chosen first (sorting only ids and sort keys), and only its rows are read whole
// with the project's manager, the logged hours and the dependencies: in one flat select, SQLite would
// compute those for every matching task and sort whole rows before cutting the page (5,000 of them
// for the whole demo organization). The subqueries are keyed by the task alone (an organization's
// dependencies and time entries are its tasks'): given org_id too, SQLite searches by it and reads the
// organization's every row.
const pageOfTasks = preparedQuery((db: DB, shape: TaskListShape, v: TaskListValues) =>
  db
    .selectFrom(
      matchingTasks(db, shape, v)
        .select([
          'tasks.id as page_id',
          'tasks.position as page_position',
          'tasks.created_at as page_created_at',
        ])
        .orderBy('tasks.position')
        .orderBy('tasks.created_at')
        .orderBy('tasks.id')
        .limit(v.limit)
        .offset(v.offset)
        .as('p'),
    )
    .innerJoin('tasks', 'tasks.id', 'p.page_id')
    .leftJoin('projects', (join) =>
      join.onRef('projects.id', '=', 'tasks.project_id').on('projects.org_id', '=', v.orgId),
    )
    .select(presentedTaskColumns)
    .select((eb) => [
      'projects.manager_id as project_manager_id',
      eb
        .selectFrom('time_entries')
        .select((sub) => sub.fn.sum<number | string>('time_entries.hours').as('hours'))
        .whereRef('time_entries.task_id', '=', 'tasks.id')
        .as('logged_hours'),
      // string_agg reads the same on PostgreSQL and SQLite (3.44 and later); unordered, as an
      // ORDER BY in it costs SQLite a sorter per row: the presenter sorts the few ids
      sql<string | null>`(select string_agg(d.depends_on_id, ',')
        from task_dependencies d where d.task_id = tasks.id)`.as('depends_on'),
    ])
    .orderBy('p.page_position')
    .orderBy('p.page_created_at')
    .orderBy('p.page_id'),
);
const countOfTasks = preparedQuery((db: DB, shape: TaskListShape, v: TaskListValues) =>
  matchingTasks(db, shape, v).select((eb) => eb.fn.countAll().as('n')),
);

/**
 * A page of tasks with their dependencies, logged hours and project managers (one query), and how
 * many tasks match (a second, run alongside). Both are compiled once per combination of filters.
 */
export async function listTaskRows(
  db: DB,
  orgId: string,
  filter: TaskFilter,
  today: string,
  window: { limit: number; offset: number },
): Promise<{ rows: TaskListRow[]; total: number }> {
  const shape: TaskListShape = {
    projectId: filter.projectId !== undefined,
    goalId: filter.goalId !== undefined,
    assigneeId: filter.assigneeId !== undefined,
    status: filter.status !== undefined,
    isLate: filter.isLate ?? null,
  };
  const values: TaskListValues = {
    orgId,
    projectId: filter.projectId,
    goalId: filter.goalId,
    assigneeId: filter.assigneeId,
    status: filter.status,
    today,
    limit: window.limit,
    offset: window.offset,
  };
  const [rows, [count]] = await Promise.all([
    pageOfTasks(db, shape, values),
    countOfTasks(db, shape, values),
  ]);
  return { rows, total: Number(count!.n) };
}

export async function insertTask(db: DB, row: TaskRow): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

/**
 * Writes the fields and moves the task to its next version; with `expectedVersion` only while the task
 * is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updateTaskRow(
  db: DB,
  orgId: string,
  id: string,
  patch: Omit<Updateable<TasksTable>, 'id' | 'org_id' | 'version'>,
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('tasks')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the task; its dependencies (both directions) and time entries go with it by FK cascade. */
export async function deleteTaskRow(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('tasks')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function taskTitles(
  db: DB,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'title'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * What each of the given tasks depends on. Searched by task id (the primary key) and checked for the
 * organization row by row: given org_id, SQLite searches by it and reads the organization's every
 * dependency.
 */
export async function dependsOnByTask(
  db: DB,
  orgId: string,
  taskIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (taskIds.length === 0) return result;
  const rows = await db
    .selectFrom('task_dependencies')
    .select(['org_id', 'task_id', 'depends_on_id'])
    .where('task_id', 'in', [...taskIds])
    .orderBy('task_id')
    .orderBy('depends_on_id')
    .execute();
  for (const row of rows) {
    if (row.org_id !== orgId) continue;
    const list = result.get(row.task_id) ?? [];
    list.push(row.depends_on_id);
    result.set(row.task_id, list);
  }
  return result;
}

/** The organization's whole dependency graph: task → the tasks it depends on. */
export async function dependencyEdges(db: DB, orgId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('task_dependencies')
    .select(['task_id', 'depends_on_id'])
    .where('org_id', '=', orgId)
    .execute();
  const edges = new Map<string, string[]>();
  for (const row of rows) {
    const list = edges.get(row.task_id) ?? [];
    list.push(row.depends_on_id);
    edges.set(row.task_id, list);
  }
  return edges;
}

/**
 * Serializes changes to one organization's dependency graph until the transaction ends, so two
 * concurrent edits cannot each pass the cycle check and together close a cycle. SQLite already runs
 * one write transaction at a time; PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function lockDependencyGraph(db: DB, dialect: Dialect, orgId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`task_dependencies:${orgId}`}))`.execute(db);
}

/** Makes `dependsOn` the task's exact set of dependencies. */
export async function replaceDependencies(
  db: DB,
  orgId: string,
  taskId: string,
  dependsOn: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('task_dependencies')
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .execute();
  const unique = [...new Set(dependsOn)];
  if (unique.length === 0) return;
  await db
    .insertInto('task_dependencies')
    .values(unique.map((dependsOnId) => ({ org_id: orgId, task_id: taskId, depends_on_id: dependsOnId })))
    .execute();
}

/** Sum of logged hours per task, for the given tasks (tasks without entries are absent). */
export async function loggedHoursByTask(
  db: DB,
  orgId: string,
  taskIds: readonly string[],
): Promise<Map<string, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('time_entries')
    .select((eb) => ['task_id', eb.fn.sum<number | string>('hours').as('hours')])
    .where('org_id', '=', orgId)
    .where('task_id', 'in', [...taskIds])
    .groupBy('task_id')
    .execute();
  return new Map(rows.map((r) => [r.task_id, Number(r.hours)]));
}

/** A page of the time logged on a task, oldest first, and how many entries there are in all. */
export async function listTimeEntryRows(
  db: DB,
  orgId: string,
  taskId: string,
  window: { limit: number; offset: number },
): Promise<{ rows: TimeEntryRow[]; total: number }> {
  const query = db.selectFrom('time_entries').where('org_id', '=', orgId).where('task_id', '=', taskId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('date')
      .orderBy('created_at')
      .orderBy('id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findTimeEntryRow(db: DB, orgId: string, id: string): Promise<TimeEntryRow | undefined> {
  return db
    .selectFrom('time_entries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTimeEntry(db: DB, row: TimeEntryRow): Promise<void> {
  await db.insertInto('time_entries').values(row).execute();
}

export async function deleteTimeEntryRow(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('time_entries')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
