/** All SQL of kudos and the organization's values. Kudos are public within their organization. */
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

// ------------------------------------------------------------------------------------------ values

function valueRows(db: DB, orgId: string) {
  return db
    .selectFrom('org_values')
    .select((eb) => [
      'org_values.id',
      'org_values.name',
      'org_values.description',
      'org_values.position',
      'org_values.version',
      eb
        .selectFrom('kudos')
        .select(eb.fn.countAll().as('n'))
        .whereRef('kudos.value_id', '=', 'org_values.id')
        .where('kudos.org_id', '=', orgId)
        .as('kudos_count'),
    ])
    .where('org_values.org_id', '=', orgId);
}

/** A page of the organization's values in their order, and how many values there are in all. */
export async function listValueRows(db: DB, orgId: string, range: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    valueRows(db, orgId)
      .orderBy('org_values.position')
      .orderBy('org_values.name')
      .orderBy('org_values.id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    db
      .selectFrom('org_values')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One value with its kudos count. */
export async function findValueWithCount(db: DB, orgId: string, id: string) {
  return valueRows(db, orgId).where('org_values.id', '=', id).executeTakeFirst();
}
export type ValueRow = NonNullable<Awaited<ReturnType<typeof findValueWithCount>>>;

export async function findValueRow(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('org_values')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findValueByName(db: DB, orgId: string, name: string) {
  return db
    .selectFrom('org_values')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function nextValuePosition(db: DB, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('org_values')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
}

export async function insertValue(
  db: DB,
  row: { id: string; orgId: string; name: string; description: string; position: number; now: string },
) {
  await db
    .insertInto('org_values')
    .values({
      id: row.id,
      org_id: row.orgId,
      name: row.name,
      description: row.description,
      position: row.position,
      created_at: row.now,
    })
    .execute();
}

/**
 * Writes the fields and moves the value to its next version; with `expectedVersion` only while the
 * value is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updateValueRow(
  db: DB,
  orgId: string,
  id: string,
  patch: { name?: string; description?: string; position?: number },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('org_values')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteValueRow(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('org_values')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ------------------------------------------------------------------------------------------ kudos

export interface KudosFilters {
  personId?: string | undefined;
  fromId?: string | undefined;
  valueId?: string | undefined;
}

function filteredKudos(db: DB, orgId: string, filters: KudosFilters) {
  let query = db.selectFrom('kudos').where('kudos.org_id', '=', orgId);
  if (filters.personId) query = query.where('kudos.to_id', '=', filters.personId);
  if (filters.fromId) query = query.where('kudos.from_id', '=', filters.fromId);
  if (filters.valueId) query = query.where('kudos.value_id', '=', filters.valueId);
  return query;
}

export async function listKudosRows(
  db: DB,
  orgId: string,
  filters: KudosFilters,
  range: { limit: number; offset: number },
) {
  return filteredKudos(db, orgId, filters)
    .selectAll('kudos')
    .orderBy('kudos.created_at', 'desc')
    .orderBy('kudos.id')
    .limit(range.limit)
    .offset(range.offset)
    .execute();
}
export type KudosRow = Awaited<ReturnType<typeof listKudosRows>>[number];

export async function countKudos(db: DB, orgId: string, filters: KudosFilters): Promise<number> {
  const row = await filteredKudos(db, orgId, filters)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findKudosRow(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('kudos')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertKudos(db: DB, row: KudosRow) {
  await db.insertInto('kudos').values(row).execute();
}

export async function deleteKudosRow(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('kudos')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Received and given counts, distinct givers and kudos for helping, for one person. */
export async function recognitionCounts(db: DB, orgId: string, personId: string) {
  const [received, given] = await Promise.all([
    db
      .selectFrom('kudos')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.count('from_id').distinct().as('givers'),
        eb.fn.sum('helped_others').as('helped'),
      ])
      .where('org_id', '=', orgId)
      .where('to_id', '=', personId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('kudos')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .where('from_id', '=', personId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    received: Number(received.n),
    givers: Number(received.givers),
    helped: Number(received.helped ?? 0),
    given: Number(given.n),
  };
}

/** Kudos received per value, most first. */
export async function receivedByValue(db: DB, orgId: string, personId: string) {
  return db
    .selectFrom('kudos')
    .innerJoin('org_values', 'org_values.id', 'kudos.value_id')
    .select((eb) => ['org_values.id', 'org_values.name', eb.fn.countAll().as('n')])
    .where('kudos.org_id', '=', orgId)
    .where('kudos.to_id', '=', personId)
    .groupBy(['org_values.id', 'org_values.name'])
    .orderBy('n', 'desc')
    .orderBy('org_values.name')
    .execute();
}

/** Kudos received since a date, with the value's name (1:1 context). */
export async function listRecentReceived(
  db: DB,
  orgId: string,
  personId: string,
  since: string,
  limit: number,
) {
  return db
    .selectFrom('kudos')
    .leftJoin('org_values', 'org_values.id', 'kudos.value_id')
    .select([
      'kudos.id',
      'kudos.from_id',
      'kudos.message',
      'kudos.created_at',
      'org_values.name as value_name',
    ])
    .where('kudos.org_id', '=', orgId)
    .where('kudos.to_id', '=', personId)
    .where('kudos.created_at', '>=', since)
    .orderBy('kudos.created_at', 'desc')
    .orderBy('kudos.id')
    .limit(limit)
    .execute();
}

/** Kudos given for helping others, per receiver (emerging-leader signal). */
export async function listHelpingKudos(db: DB, orgId: string) {
  return db
    .selectFrom('kudos')
    .select(['to_id', 'from_id', 'message'])
    .where('org_id', '=', orgId)
    .where('helped_others', '=', 1)
    .orderBy('created_at', 'desc')
    .execute();
}
