/** All SQL of clients. A client's project count is the number of projects whose client_id points at it. */
import type { DB } from '../../deps';

function selectClients(db: DB, orgId: string) {
  return db
    .selectFrom('clients')
    .select((eb) => [
      'clients.id',
      'clients.name',
      'clients.owner_id',
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

export async function updateClient(
  db: DB,
  orgId: string,
  id: string,
  patch: { name?: string; owner_id?: string | null },
) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('clients').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
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
