/** All SQL of clients. A client's project count is the number of projects whose client_id points at it. */
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

function selectClients(db: DB, orgId: string) {
  return db
    .selectFrom('clients')
    .select((eb) => [
      'clients.id',
      'clients.name',
      'clients.owner_id',
      'clients.version',
      eb
        .selectFrom('projects')
        .select(eb.fn.countAll().as('n'))
        .whereRef('projects.client_id', '=', 'clients.id')
        .where('projects.org_id', '=', orgId)
        .as('project_count'),
    ])
    .where('clients.org_id', '=', orgId);
}

export type ClientRow = NonNullable<Awaited<ReturnType<typeof findClient>>>;

/** A page of the organization's clients by name, and how many there are in all. */
export async function listClients(db: DB, orgId: string, range: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    selectClients(db, orgId)
      .orderBy('clients.name')
      .orderBy('clients.id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findClient(db: DB, orgId: string, id: string) {
  return selectClients(db, orgId).where('clients.id', '=', id).executeTakeFirst();
}

export async function findClientRow(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertClient(
  db: DB,
  row: { id: string; orgId: string; name: string; ownerId: string | null },
) {
  await db
    .insertInto('clients')
    .values({ id: row.id, org_id: row.orgId, name: row.name, owner_id: row.ownerId })
    .execute();
}

/**
 * Writes the fields and moves the client to its next version; with `expectedVersion` only while the
 * client is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updateClient(
  db: DB,
  orgId: string,
  id: string,
  patch: { name?: string; owner_id?: string | null },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('clients')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the client; its projects remain without a client (projects.client_id is ON DELETE SET NULL). */
export async function deleteClient(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('clients')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
