/** All SQL of goals (objectives, key results) and their check-ins, and the reads of work linked to a goal. */
import type { Insertable } from 'kysely';
import type { CheckInsTable, GoalsTable } from '../../../db/schema';
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export type GoalRow = Awaited<ReturnType<typeof findGoal>> & object;

export async function findGoal(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listGoals(
  db: DB,
  orgId: string,
  filter: {
    pillarId?: string | undefined;
    parentId?: string | undefined;
    ownerId?: string | undefined;
    kind?: string | undefined;
  },
  pageOptions: { limit: number; offset: number },
) {
  let query = db.selectFrom('goals').where('org_id', '=', orgId);
  if (filter.pillarId) query = query.where('pillar_id', '=', filter.pillarId);
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(pageOptions.limit)
      .offset(pageOptions.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listChildren(db: DB, orgId: string, parentId: string) {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('parent_id', '=', parentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** parent_id of every goal of the organization, for ancestry walks and cycle checks. */
export async function listParentLinks(db: DB, orgId: string) {
  return db
    .selectFrom('goals')
    .select(['id', 'parent_id', 'title', 'kind'])
    .where('org_id', '=', orgId)
    .execute();
}

export async function insertGoal(db: DB, row: Insertable<GoalsTable>) {
  await db.insertInto('goals').values(row).execute();
}

/**
 * Writes the fields and moves the goal to its next version; with `expectedVersion` only while the goal
 * is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updateGoal(
  db: DB,
  orgId: string,
  id: string,
  patch: Partial<Omit<GoalRow, 'id' | 'org_id' | 'version'>>,
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('goals')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves a goal's whole subtree to a pillar (children follow their objective). */
export async function setPillarOfGoals(
  db: DB,
  orgId: string,
  ids: readonly string[],
  pillarId: string | null,
) {
  if (ids.length === 0) return;
  await db
    .updateTable('goals')
    .set({ pillar_id: pillarId, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

export async function deleteGoal(db: DB, orgId: string, id: string) {
  await db.deleteFrom('goals').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function findPillarName(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('pillars')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listCheckIns(db: DB, orgId: string, goalId: string) {
  return db
    .selectFrom('check_ins')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('goal_id', '=', goalId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** A page of the goal's check-ins, newest first, and how many there are in all. */
export async function listCheckInPage(
  db: DB,
  orgId: string,
  goalId: string,
  range: { limit: number; offset: number },
) {
  const query = db.selectFrom('check_ins').where('org_id', '=', orgId).where('goal_id', '=', goalId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertCheckIn(db: DB, row: Insertable<CheckInsTable>) {
  await db.insertInto('check_ins').values(row).execute();
}

export async function listProjectsOfGoal(db: DB, orgId: string, goalId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('project_goals', 'project_goals.project_id', 'projects.id')
    .select(['projects.id', 'projects.name', 'projects.status', 'projects.deadline'])
    .where('projects.org_id', '=', orgId)
    .where('project_goals.goal_id', '=', goalId)
    .orderBy('projects.name')
    .execute();
}

export async function listDirectTasksOfGoal(db: DB, orgId: string, goalId: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'title', 'status', 'assignee_id', 'deadline', 'estimate_hours'])
    .where('org_id', '=', orgId)
    .where('goal_id', '=', goalId)
    .where('project_id', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}
