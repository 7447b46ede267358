/**
 * The SQL of planning: what a plan is made from, the proposals of a run, and applying them. The run rows
 * themselves (queue states, heartbeats, the sweep for stopped runners) are in repo-runs.ts.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Dialect } from '../../../db/connect';
import type { PlanProposalsTable, TaskLayoutsTable } from '../../../db/schema';
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export type PlanProposalRow = Selectable<PlanProposalsTable>;
export type TaskLayoutRow = Selectable<TaskLayoutsTable>;

/** Projects whose open tasks the whole-organization plan covers. */
const LIVE_PROJECT_STATUSES = ['planned', 'active'];
/** Projects whose open tasks no longer take anyone's time. */
const CLOSED_PROJECT_STATUSES = ['done', 'cancelled'];

// ---------------------------------------------------------------- what a plan is made from

export async function listSkillRows(db: DB, orgId: string) {
  return db.selectFrom('skills').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute();
}

export async function listPeopleRows(db: DB, orgId: string) {
  return db
    .selectFrom('people')
    .select([
      'id',
      'name',
      'team_id',
      'capacity_hours_per_week',
      'cost_rate',
      'bill_rate',
      'passions',
      'holiday_region',
    ])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function listPersonSkillRows(db: DB, orgId: string) {
  return db
    .selectFrom('person_skills')
    .select(['person_id', 'skill_id', 'level'])
    .where('org_id', '=', orgId)
    .orderBy('person_id')
    .orderBy('skill_id')
    .execute();
}

export async function listGrowthGoalRows(db: DB, orgId: string) {
  return db
    .selectFrom('growth_goals')
    .select(['person_id', 'skill_id', 'target_level'])
    .where('org_id', '=', orgId)
    .orderBy('person_id')
    .orderBy('skill_id')
    .execute();
}

export async function listTimeOffRows(db: DB, orgId: string) {
  return db
    .selectFrom('time_off')
    .select(['person_id', 'start_date', 'end_date'])
    .where('org_id', '=', orgId)
    .orderBy('person_id')
    .orderBy('start_date')
    .orderBy('end_date')
    .execute();
}

export async function listProjectRows(db: DB, orgId: string) {
  return db
    .selectFrom('projects')
    .select(['id', 'name', 'start_date', 'deadline', 'manager_id', 'status', 'budget_hours', 'budget_money'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}
export type PlanningProjectRow = Awaited<ReturnType<typeof listProjectRows>>[number];

const taskColumns = [
  'tasks.id',
  'tasks.title',
  'tasks.project_id',
  'tasks.goal_id',
  'tasks.estimate_hours',
  'tasks.skill_id',
  'tasks.min_level',
  'tasks.deadline',
  'tasks.assignee_id',
  'tasks.status',
  'tasks.planned_start',
  'tasks.planned_end',
  'tasks.pinned',
  'tasks.position',
  'tasks.created_at',
  'tasks.updated_at',
  'projects.name as project_name',
] as const;

/**
 * Open tasks in scope: of the given projects, or (null) every open task of the organization that is
 * on a goal or in a planned or active project.
 */
export async function listOpenTasksInScope(db: DB, orgId: string, projectIds: readonly string[] | null) {
  let query = db
    .selectFrom('tasks')
    .leftJoin('projects', (join) =>
      join.onRef('projects.id', '=', 'tasks.project_id').on('projects.org_id', '=', orgId),
    )
    .select(taskColumns)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.status', '<>', 'done');
  if (projectIds === null)
    query = query.where((eb) =>
      eb.or([eb('tasks.project_id', 'is', null), eb('projects.status', 'in', LIVE_PROJECT_STATUSES)]),
    );
  else if (projectIds.length === 0) return [];
  else query = query.where('tasks.project_id', 'in', [...projectIds]);
  return query.orderBy('tasks.id').execute();
}
export type OpenTaskRow = Awaited<ReturnType<typeof listOpenTasksInScope>>[number];

/** Every open task of the organization that has a person and dates, outside closed projects. */
export async function listAssignedOpenTasks(db: DB, orgId: string) {
  return db
    .selectFrom('tasks')
    .leftJoin('projects', (join) =>
      join.onRef('projects.id', '=', 'tasks.project_id').on('projects.org_id', '=', orgId),
    )
    .select(taskColumns)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.status', '<>', 'done')
    .where('tasks.assignee_id', 'is not', null)
    .where((eb) =>
      eb.or([eb('tasks.planned_start', 'is not', null), eb('tasks.planned_end', 'is not', null)]),
    )
    .where((eb) =>
      eb.or([eb('tasks.project_id', 'is', null), eb('projects.status', 'not in', CLOSED_PROJECT_STATUSES)]),
    )
    .orderBy('tasks.id')
    .execute();
}

/**
 * Every open task of the organization (the forecast simulates them all: people's queues cross
 * projects); only one person's when `assigneeId` is given.
 */
export async function listAllOpenTasks(db: DB, orgId: string, assigneeId?: string) {
  let query = db
    .selectFrom('tasks')
    .leftJoin('projects', (join) =>
      join.onRef('projects.id', '=', 'tasks.project_id').on('projects.org_id', '=', orgId),
    )
    .select(taskColumns)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.status', '<>', 'done')
    .where((eb) =>
      eb.or([eb('tasks.project_id', 'is', null), eb('projects.status', 'not in', CLOSED_PROJECT_STATUSES)]),
    );
  if (assigneeId !== undefined) query = query.where('tasks.assignee_id', '=', assigneeId);
  return query.orderBy('tasks.id').execute();
}

export async function listOpenTasksById(db: DB, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('tasks')
    .select(['id', 'title', 'planned_end'])
    .where('org_id', '=', orgId)
    .where('status', '<>', 'done')
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Dependencies of the given tasks (task → what it waits for). */
export async function listDependencyRows(db: DB, orgId: string, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  const rows: { task_id: string; depends_on_id: string }[] = [];
  for (let i = 0; i < taskIds.length; i += 5000) {
    rows.push(
      ...(await db
        .selectFrom('task_dependencies')
        .select(['task_id', 'depends_on_id'])
        .where('org_id', '=', orgId)
        .where('task_id', 'in', taskIds.slice(i, i + 5000))
        .execute()),
    );
  }
  return rows.sort((a, b) =>
    a.task_id === b.task_id
      ? a.depends_on_id.localeCompare(b.depends_on_id)
      : a.task_id.localeCompare(b.task_id),
  );
}

/** Hours logged per task, for the given tasks. */
export async function loggedHoursOf(
  db: DB,
  orgId: string,
  taskIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < taskIds.length; i += 5000) {
    const rows = await db
      .selectFrom('time_entries')
      .select((eb) => ['task_id', eb.fn.sum<number | string>('hours').as('hours')])
      .where('org_id', '=', orgId)
      .where('task_id', 'in', taskIds.slice(i, i + 5000))
      .groupBy('task_id')
      .execute();
    for (const r of rows) out.set(r.task_id, Number(r.hours));
  }
  return out;
}

/** Estimate and logged hours of done tasks, with who did them: the history of estimate against actual. */
export async function listDoneTaskHistory(db: DB, orgId: string) {
  return db
    .selectFrom('tasks')
    .innerJoin('time_entries', (join) =>
      join.onRef('time_entries.task_id', '=', 'tasks.id').on('time_entries.org_id', '=', orgId),
    )
    .select((eb) => [
      'tasks.id',
      'tasks.assignee_id',
      'tasks.estimate_hours',
      eb.fn.sum<number | string>('time_entries.hours').as('logged'),
    ])
    .where('tasks.org_id', '=', orgId)
    .where('tasks.status', '=', 'done')
    .where('tasks.estimate_hours', '>', 0)
    .groupBy(['tasks.id', 'tasks.assignee_id', 'tasks.estimate_hours'])
    .orderBy('tasks.id')
    .execute();
}

export async function projectNames(
  db: DB,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------- proposals

export async function insertProposals(
  db: DB,
  rows: readonly Insertable<PlanProposalsTable>[],
): Promise<void> {
  // 28 columns: 200 rows stay far below both databases' limits on bound values
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('plan_proposals')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** The `projectId` of a group filter that means the tasks on no project. */
export const NO_PROJECT = 'none';
/** The `personId` of a group filter that means the tasks nobody has now. */
export const NOBODY = 'none';

export interface ProposalFilter {
  changedOnly: boolean;
  /** A project, or NO_PROJECT. */
  projectId?: string | null;
  /** Rows this person has now or is proposed to have; NOBODY: rows nobody has now. */
  personId?: string | null;
}

/** Which rows the planner's review shows (its tabs); each `show` has its condition here only. */
export type ProposalShow = 'changes' | 'person' | 'late' | 'unplaceable' | 'all';
const isChanged = sql<boolean>`plan_proposals.is_changed = 1`;
const showCondition: Record<ProposalShow, ReturnType<typeof sql<boolean>>> = {
  changes: isChanged,
  person: sql<boolean>`plan_proposals.is_changed = 1 and plan_proposals.unplaceable is null
    and plan_proposals.proposed_person_id is distinct from plan_proposals.current_person_id`,
  late: sql<boolean>`plan_proposals.proposed_late_hours > 0`,
  unplaceable: sql<boolean>`plan_proposals.unplaceable is not null`,
  all: sql<boolean>`1 = 1`,
};

/** The proposal rows of a run with their names, filtered by group (ProposalFilter). */
function proposalsOf(db: DB, orgId: string, runId: string, filter: ProposalFilter) {
  let query = db
    .selectFrom('plan_proposals')
    .leftJoin('projects', (join) =>
      join.onRef('projects.id', '=', 'plan_proposals.project_id').on('projects.org_id', '=', orgId),
    )
    .leftJoin('people as cp', (join) =>
      join.onRef('cp.id', '=', 'plan_proposals.current_person_id').on('cp.org_id', '=', orgId),
    )
    .leftJoin('people as pp', (join) =>
      join.onRef('pp.id', '=', 'plan_proposals.proposed_person_id').on('pp.org_id', '=', orgId),
    )
    .where('plan_proposals.org_id', '=', orgId)
    .where('plan_proposals.run_id', '=', runId);
  if (filter.changedOnly)
    query = query.where((eb) =>
      eb.or([eb('plan_proposals.is_changed', '=', 1), eb('plan_proposals.unplaceable', 'is not', null)]),
    );
  if (filter.projectId === NO_PROJECT) query = query.where('plan_proposals.project_id', 'is', null);
  else if (filter.projectId !== undefined && filter.projectId !== null)
    query = query.where('plan_proposals.project_id', '=', filter.projectId);
  if (filter.personId === NOBODY) query = query.where('plan_proposals.current_person_id', 'is', null);
  else if (filter.personId !== undefined && filter.personId !== null) {
    const personId = filter.personId;
    query = query.where((eb) =>
      eb.or([
        eb('plan_proposals.current_person_id', '=', personId),
        eb('plan_proposals.proposed_person_id', '=', personId),
      ]),
    );
  }
  return query;
}

/** `%text%` for LIKE, its own % _ and \ taken literally. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A page of the run's rows in plan order: of the group asked for, of one `show`, and whose task,
 * project or person contains `search` (ignoring case: every letter on PostgreSQL, A–Z on SQLite).
 */
export async function listProposalRows(
  db: DB,
  orgId: string,
  runId: string,
  filter: ProposalFilter & { show?: ProposalShow; search?: string },
  window: { limit: number; offset: number },
) {
  let query = proposalsOf(db, orgId, runId, filter).where(showCondition[filter.show ?? 'all']);
  if (filter.search) {
    const pattern = containing(filter.search);
    query = query.where(
      (eb) =>
        sql<boolean>`(${sql.join(
          [eb.ref('plan_proposals.title'), eb.ref('projects.name'), eb.ref('cp.name'), eb.ref('pp.name')].map(
            (column) => sql`lower(${column}) like ${pattern} escape '\\'`,
          ),
          sql` or `,
        )})`,
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('plan_proposals')
      .select([
        'projects.name as project_name',
        'cp.name as current_person_name',
        'pp.name as proposed_person_name',
      ])
      .orderBy('plan_proposals.position')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** How many of the group's rows each `show` has, and how many changes are not applied yet: one query. */
export async function countProposals(db: DB, orgId: string, runId: string, filter: ProposalFilter) {
  const count = (condition: ReturnType<typeof sql<boolean>>) =>
    sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;
  const row = await proposalsOf(db, orgId, runId, filter)
    .select([
      count(showCondition.changes).as('changes'),
      count(showCondition.person).as('person'),
      count(showCondition.late).as('late'),
      count(showCondition.unplaceable).as('unplaceable'),
      sql<number | string>`count(*)`.as('all'),
      count(sql<boolean>`${isChanged} and plan_proposals.applied_at is null`).as('pending'),
    ])
    .executeTakeFirstOrThrow();
  return {
    changes: Number(row.changes ?? 0),
    person: Number(row.person ?? 0),
    late: Number(row.late ?? 0),
    unplaceable: Number(row.unplaceable ?? 0),
    all: Number(row.all),
    pending: Number(row.pending ?? 0),
  };
}
export type ProposalWithNames = Awaited<ReturnType<typeof listProposalRows>>['rows'][number];

/** What the planner's groups are counted from: every row of the run, without its texts. */
export async function listProposalFacts(db: DB, orgId: string, runId: string) {
  return db
    .selectFrom('plan_proposals')
    .select([
      'task_id',
      'project_id',
      'current_person_id',
      'proposed_person_id',
      'is_changed',
      'applied_at',
      'unplaceable',
      'change_reason',
      'current_late_hours',
      'proposed_late_hours',
    ])
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .execute();
}
export type ProposalFact = Awaited<ReturnType<typeof listProposalFacts>>[number];

export async function personNames(
  db: DB,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', unique.slice(i, i + 5000))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

export async function listChangedProposals(db: DB, orgId: string, runId: string): Promise<PlanProposalRow[]> {
  return db
    .selectFrom('plan_proposals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .where('is_changed', '=', 1)
    .where('applied_at', 'is', null)
    .orderBy('position')
    .execute();
}

export async function listProposalKeys(db: DB, orgId: string, runId: string) {
  return db
    .selectFrom('plan_proposals')
    .select([
      'task_id',
      'task_hash',
      'title',
      'is_changed',
      'applied_at',
      'project_id',
      'current_person_id',
      'proposed_person_id',
    ])
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .execute();
}

export async function markProposalsApplied(
  db: DB,
  orgId: string,
  runId: string,
  taskIds: readonly string[],
  at: string,
): Promise<void> {
  for (let i = 0; i < taskIds.length; i += 5000)
    await db
      .updateTable('plan_proposals')
      .set({ applied_at: at })
      .where('org_id', '=', orgId)
      .where('run_id', '=', runId)
      .where('task_id', 'in', taskIds.slice(i, i + 5000))
      .execute();
}

/** Writes a proposal's person and dates onto its task. */
export async function applyToTask(
  db: DB,
  orgId: string,
  row: { taskId: string; personId: string | null; start: string | null; end: string | null },
  at: string,
): Promise<void> {
  await db
    .updateTable('tasks')
    .set({
      assignee_id: row.personId,
      planned_start: row.start,
      planned_end: row.end,
      updated_at: at,
      version: nextVersion(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', row.taskId)
    .execute();
}

/**
 * The proposals whose hours per date applying stores on their tasks: placed and unpinned, of the
 * given tasks (all of the run's when null).
 */
export async function listLayoutProposals(
  db: DB,
  orgId: string,
  runId: string,
  taskIds: readonly string[] | null,
) {
  const rows = await db
    .selectFrom('plan_proposals')
    .select([
      'task_id',
      'proposed_person_id',
      'proposed_start',
      'proposed_end',
      'hours',
      'proposed_daily',
      'proposed_finish_hour',
      'proposed_start_hour',
    ])
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .where('is_pinned', '=', 0)
    .where('proposed_daily', 'is not', null)
    .execute();
  if (taskIds === null) return rows;
  const wanted = new Set(taskIds);
  return rows.filter((r) => wanted.has(r.task_id));
}

/** Stores how an applied plan lays these tasks' hours on days, replacing what was stored for them. */
export async function replaceTaskLayouts(
  db: DB,
  orgId: string,
  rows: readonly Insertable<TaskLayoutsTable>[],
): Promise<void> {
  const ids = rows.map((r) => r.task_id);
  for (let i = 0; i < ids.length; i += 5000)
    await db
      .deleteFrom('task_layouts')
      .where('org_id', '=', orgId)
      .where('task_id', 'in', ids.slice(i, i + 5000))
      .execute();
  // 10 columns: 500 rows stay far below both databases' limits on bound values
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('task_layouts')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The stored layouts of the organization's open tasks (readers keep those that still hold). */
export async function listTaskLayoutRows(db: DB, orgId: string): Promise<TaskLayoutRow[]> {
  return db
    .selectFrom('task_layouts')
    .innerJoin('tasks', (join) =>
      join.onRef('tasks.id', '=', 'task_layouts.task_id').on('tasks.org_id', '=', orgId),
    )
    .selectAll('task_layouts')
    .where('task_layouts.org_id', '=', orgId)
    .where('tasks.status', '<>', 'done')
    .execute();
}

/**
 * Serializes applying plans in one organization until the transaction ends, and (PostgreSQL) locks
 * the rows about to be written so no edit slips in between the staleness check and the writes.
 * SQLite runs one write transaction at a time already.
 */
export async function lockForApply(
  db: DB,
  dialect: Dialect,
  orgId: string,
  taskIds: readonly string[],
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`plan-apply:${orgId}`}))`.execute(db);
  for (let i = 0; i < taskIds.length; i += 5000)
    await db
      .selectFrom('tasks')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', taskIds.slice(i, i + 5000))
      .forUpdate()
      .execute();
}

export async function personName(db: DB, orgId: string, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db
    .selectFrom('people')
    .select('name')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function updateProposalHash(
  db: DB,
  orgId: string,
  runId: string,
  taskId: string,
  taskHash: string,
): Promise<void> {
  await db
    .updateTable('plan_proposals')
    .set({ task_hash: taskHash })
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .where('task_id', '=', taskId)
    .execute();
}

/** Every organization of the installation (the command line chooses one to plan). */
export async function listOrganizationRows(db: DB) {
  return db.selectFrom('organizations').select(['id', 'name']).orderBy('created_at').orderBy('id').execute();
}
