/** All SQL of the organization's vision, its pillars, and the inputs of the progress roll-up. */
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export async function findOrganization(db: DB, orgId: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

/**
 * Writes the fields and moves the organization to its next version; with `expectedVersion` only while
 * it is still at that version. Whether a row was written.
 */
export async function updateOrganization(
  db: DB,
  orgId: string,
  patch: { name?: string; vision?: string; vision_horizon?: string; holiday_region?: string | null },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('organizations')
    .set({ ...patch, version: nextVersion() })
    .where('id', '=', orgId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every pillar of the organization in order (the home page and the strategy map need them all). */
export async function listPillars(db: DB, orgId: string) {
  return db
    .selectFrom('pillars')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** A page of the organization's pillars in the same order, and how many there are in all. */
export async function listPillarPage(db: DB, orgId: string, range: { limit: number; offset: number }) {
  const query = db.selectFrom('pillars').where('org_id', '=', orgId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('position')
      .orderBy('name')
      .orderBy('id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findPillar(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('pillars')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPillar(
  db: DB,
  row: { id: string; orgId: string; name: string; description: string; position: number },
) {
  await db
    .insertInto('pillars')
    .values({
      id: row.id,
      org_id: row.orgId,
      name: row.name,
      description: row.description,
      position: row.position,
    })
    .execute();
}

export async function nextPillarPosition(db: DB, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('pillars')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/**
 * Writes the fields and moves the pillar to its next version; with `expectedVersion` only while the
 * pillar is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updatePillar(
  db: DB,
  orgId: string,
  id: string,
  patch: { name?: string; description?: string; position?: number },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('pillars')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deletePillar(db: DB, orgId: string, id: string) {
  await db.deleteFrom('pillars').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Everything the roll-up needs, in four set-based queries. */
export async function loadProgressInputs(db: DB, orgId: string) {
  const [goals, projects, projectGoals, tasks, pillars] = await Promise.all([
    db
      .selectFrom('goals')
      .select([
        'id',
        'parent_id',
        'pillar_id',
        'status',
        'progress_source',
        'metric_start',
        'metric_target',
        'metric_current',
      ])
      .where('org_id', '=', orgId)
      .execute(),
    db.selectFrom('projects').select(['id', 'status']).where('org_id', '=', orgId).execute(),
    db.selectFrom('project_goals').select(['project_id', 'goal_id']).where('org_id', '=', orgId).execute(),
    db
      .selectFrom('tasks')
      .select(['project_id', 'goal_id', 'status', 'estimate_hours'])
      .where('org_id', '=', orgId)
      .execute(),
    db.selectFrom('pillars').select('id').where('org_id', '=', orgId).execute(),
  ]);
  return { goals, projects, projectGoals, tasks, pillars };
}

/** The strategy map's nodes: goals with owners and projects linked to goals. */
export async function loadStrategyRows(db: DB, orgId: string) {
  const [goals, projects] = await Promise.all([
    db
      .selectFrom('goals')
      .select([
        'id',
        'parent_id',
        'pillar_id',
        'kind',
        'title',
        'owner_id',
        'is_stretch',
        'horizon',
        'status',
        'created_at',
      ])
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .orderBy('title')
      .execute(),
    db
      .selectFrom('projects')
      .select(['id', 'name', 'manager_id', 'status', 'deadline'])
      .where('org_id', '=', orgId)
      .orderBy('name')
      .execute(),
  ]);
  return { goals, projects };
}
